/**
 * Start the kiosk host: open the content store and serve it over HTTP.
 */
import { appPaths, type AppPaths } from './app-paths.js';
import { AlertStore } from './alert-store.js';
import { PlayLog } from './analytics/play-log.js';
import { ContentStore } from './content-store.js';
import { AuthService } from './auth/auth-service.js';
import { openFleet } from './fleet/fleet-service.js';
import { createHandlers } from './handlers.js';
import { isLoopbackHost } from './http/security-hooks.js';
import { openHostLog } from './log.js';
import { listenHost, type Listening, type RemoteAdmin } from './http/listen.js';
import { createServer } from './http/server.js';
import { MediaLibrary } from './media/media-library.js';
import type { Logger } from 'pino';

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

/** Open the store, start the server and resolve once it listens. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const paths = options.paths ?? appPaths();
  const { dataDir } = options;
  const hostLog = await openHostLog({ dataDir });
  const log = hostLog.logger;
  log.info({ dataDir, version: paths.version }, 'host starting');
  // What is open so far, closed in reverse order at the end or when starting fails half-way.
  const opened: (() => unknown)[] = [() => hostLog.close()];
  const closeAll = async () => {
    for (const close of opened.splice(0).reverse()) {
      await Promise.resolve()
        .then(close)
        .catch(() => undefined);
    }
  };
  try {
    const running = await open(options, paths, log, opened);
    return {
      ...running,
      log,
      async close() {
        log.info('host stopped');
        await closeAll();
      },
    };
  } catch (error) {
    log.error(
      { code: (error as NodeJS.ErrnoException).code, error: String(error) },
      'host could not start',
    );
    await closeAll();
    throw error;
  }
}

async function open(
  options: HostOptions,
  paths: AppPaths,
  log: Logger,
  opened: (() => unknown)[],
): Promise<Omit<RunningHost, 'log' | 'close'>> {
  const { dataDir } = options;
  const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
  opened.push(() => store.close());
  const auth = await AuthService.open({ dataDir });
  const media = await MediaLibrary.open({ dataDir });
  opened.push(() => media.close());
  const alerts = await AlertStore.open({ dataDir });
  const { settings } = store.snapshot();
  const analytics = await PlayLog.open({ dataDir, settings });
  auth.setStaffIdleMs(settings.staffIdleLockSec * 1000);
  store.watch();
  for (const problem of store.snapshot().problems) log.warn({ problem }, 'content problem');
  store.onChange(({ revision, changedBy, problems }) =>
    log.info({ revision, changedBy, problems: problems.length }, 'content changed'),
  );
  const fleet = await openFleet({
    dataDir,
    store,
    media,
    log: (level, message) => log[level](message),
  });
  opened.push(() => fleet.sync.stop());
  // Remote admin: `--host` decides, else the setting (which takes effect at the next start).
  const host = options.host ?? (settings.lanAdmin ? '0.0.0.0' : '127.0.0.1');
  let remoteAdmin: RemoteAdmin | null = null;
  const app = await createServer({
    store,
    auth,
    handlers: createHandlers({
      store,
      auth,
      media,
      info: { version: paths.version, startedAt: Date.now(), remoteAdmin: () => remoteAdmin },
      fleet: fleet.service,
      alerts,
      analytics,
    }),
    dataDir,
    assetsDir: paths.assetsDir,
    rendererDir: paths.rendererDir,
    lan: !isLoopbackHost(host),
    log,
  });
  opened.push(() => app.close());
  let listening: Listening;
  try {
    listening = await listenHost(app, { port: options.port, host, dataDir });
  } catch (error) {
    throw listenError(error, host, options.port);
  }
  opened.push(() => listening.close());
  ({ remoteAdmin } = listening);
  log.info({ url: listening.url, remoteAdmin }, 'host listening');
  return { url: listening.url, remoteAdmin, store };
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
