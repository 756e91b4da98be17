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
  const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
  const auth = await AuthService.open({ dataDir });
  const media = await MediaLibrary.open({ dataDir });
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
  // Remote admin: `--host` decides, else the setting (which takes effect at the next start).
  const host = options.host ?? (settings.lanAdmin ? '0.0.0.0' : '127.0.0.1');
  const app = await createServer({
    store,
    auth,
    handlers: createHandlers({
      store,
      auth,
      media,
      info: { version: paths.version, startedAt: Date.now() },
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
  try {
    await app.listen({ port: options.port, host: host });
  } catch (error) {
    await fleet.sync.stop();
    store.close();
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    log.error({ code, host, port: options.port }, 'cannot listen');
    await hostLog.close();
    const where = `port ${options.port} on ${host}`;
    if (code === 'EADDRINUSE') {
      throw new ListenError(
        `${where} is already in use. Stop the program using it, or choose another port with --port (0 picks a free one).`,
        code,
      );
    }
    if (code === 'EACCES') {
      throw new ListenError(
        `${where} needs more privileges; choose a port above 1024 with --port.`,
        code,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new ListenError(`${host} is not an address of this machine; check --host.`, code);
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostForUrl}:${port}`;
  log.info({ url }, 'host listening');
  return {
    url,
    store,
    log,
    async close() {
      await fleet.sync.stop();
      store.close();
      await app.close();
      log.info('host stopped');
      await hostLog.close();
    },
  };
}
