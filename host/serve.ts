/**
 * Start the kiosk host: open the services (services.ts) and serve them over HTTP.
 */
import type { Logger } from 'pino';
import type { Settings } from '#core/schema';
import { appPaths, type AppPaths } from './app-paths.js';
import type { ContentStore } from './content-store.js';
import { isLoopbackHost } from './http/security-hooks.js';
import { listenHost, type Listening, type RemoteAdmin } from './http/listen.js';
import { createServer } from './http/server.js';
import { openHostLog } from './log.js';
import { openServices, type Services } from './services.js';

/** The port `serve` listens on, and Electron's remote admin, unless told otherwise. */
export const DEFAULT_PORT = 7777;

/** How to start the host. */
export interface HostOptions {
  dataDir: string;
  port: number;
  /** Address to listen on; by default loopback, or every address when LAN admin is on. */
  host?: string;
  paths?: AppPaths;
}

/** A running host. */
export interface RunningHost {
  url: string;
  /** Remote admin over HTTPS, when the host serves other machines. */
  remoteAdmin: RemoteAdmin | null;
  store: ContentStore;
  services: Services;
  /** The host's log (files in `<dataDir>/logs/`). */
  log: Logger;
  close(): Promise<void>;
}

/** The port is taken or cannot be bound; carries a message for people. */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

/** Open the services, start the HTTP server and resolve once it listens. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const paths = options.paths ?? appPaths();
  const { dataDir } = options;
  const hostLog = await openHostLog({ dataDir });
  const log = hostLog.logger;
  log.info({ dataDir, version: paths.version }, 'host starting');
  let services: Services | undefined;
  try {
    services = await openServices({
      dataDir,
      assetsDir: paths.assetsDir,
      version: paths.version,
      log,
    });
    const host = listenAddress(services.store.snapshot().settings, options.host);
    const http = await startHttpServer(services, {
      host,
      port: options.port,
      rendererDir: paths.rendererDir,
    });
    const opened = services;
    return {
      url: http.url,
      remoteAdmin: http.remoteAdmin,
      store: opened.store,
      services: opened,
      log,
      async close() {
        log.info('host stopped');
        await http.close().catch(() => undefined);
        await opened.close();
        await hostLog.close();
      },
    };
  } catch (error) {
    log.error(
      { code: (error as NodeJS.ErrnoException).code, error: String(error) },
      'host could not start',
    );
    await services?.close();
    await hostLog.close();
    throw error;
  }
}

/**
 * Where the HTTP server listens: `--host` when given, else every address when the `lanAdmin`
 * setting is on (remote admin), else this machine only. Read at start: a change of the setting
 * takes effect at the next start.
 */
export function listenAddress(settings: Pick<Settings, 'lanAdmin'>, host?: string): string {
  return host ?? (settings.lanAdmin ? '0.0.0.0' : '127.0.0.1');
}

/** Where and what the HTTP server serves. */
export interface HttpOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
}

/** A listening HTTP server. */
export interface HttpServer {
  /** Its address for the kiosk's own screen, e.g. `http://127.0.0.1:7777`. */
  url: string;
  /** Remote admin over HTTPS (host/http/listen.ts), when `host` is not a loopback address. */
  remoteAdmin: RemoteAdmin | null;
  close(): Promise<void>;
}

/**
 * Serve the services over HTTP (player, admin, API), to other machines when `host` is not a
 * loopback address; resolves once it listens. Both shells start remote admin through this.
 */
export async function startHttpServer(
  services: Services,
  options: HttpOptions,
): Promise<HttpServer> {
  const { host, port } = options;
  const { store, auth, handlers, dataDir, assetsDir, log } = services;
  const app = await createServer({
    store,
    auth,
    handlers,
    dataDir,
    assetsDir,
    rendererDir: options.rendererDir,
    lan: !isLoopbackHost(host),
    log,
    mediaChanges: (listener) => services.media.onChange(listener),
  });
  let listening: Listening;
  try {
    listening = await listenHost(app, { port, host, dataDir });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw listenError(error, host, port);
  }
  const { url, remoteAdmin } = listening;
  // Health and the Status screen show where remote admin is and its certificate.
  services.info.remoteAdmin = () => remoteAdmin;
  log.info({ url, remoteAdmin }, 'host listening');
  return {
    url,
    remoteAdmin,
    async close() {
      await listening.close();
      await app.close();
    },
  };
}

/** A failure to listen as a ListenError people can act on; any other error as it is. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `port ${port} on ${host}`;
  if (code === 'EADDRINUSE') {
    return new ListenError(
      `${where} is already in use. Stop the program using it, or choose another port with --port (0 picks a free one).`,
      code,
    );
  }
  if (code === 'EACCES') {
    return new ListenError(
      `${where} needs more privileges; choose a port above 1024 with --port.`,
      code,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new ListenError(`${host} is not an address of this machine; check --host.`, code);
  }
  return error;
}
