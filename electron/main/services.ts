/**
 * The host's services in the Electron shell: opened by host/services.ts exactly as `serve` opens
 * them, served to other machines by the same HTTP server when the `lanAdmin` setting is on, and
 * all closed before the app quits.
 */
import path from 'node:path';
import { app } from 'electron';
import pino, { type Logger as PinoLogger } from 'pino';
import { listenAddress, startHttpServer, type HttpServer } from '../../host/serve.js';
import { openServices, type Services } from '../../host/services.js';
import { log, type LogLevel } from './logger.js';

/** Longest the services may take to close at quit (a fleet download in flight is abandoned). */
export const QUIT_CLOSE_MS = 5000;

/** What the shell's services need to know. */
export interface ServicesSetup {
  dataDir: string;
  /** The app's folder: shipped assets in `assets/`, the built renderer in `out/renderer/`. */
  root: string;
  version: string;
  /** The port remote admin listens on when the `lanAdmin` setting is on (0 picks a free one). */
  adminPort: number;
}

/**
 * Open the services, start remote admin if the `lanAdmin` setting is on (read at start, as in
 * `serve`), and close everything when the app quits.
 */
export async function setupServices(setup: ServicesSetup): Promise<Services> {
  const services = await openServices({
    dataDir: setup.dataDir,
    assetsDir: path.join(setup.root, 'assets'),
    version: setup.version,
    log: hostLogger(),
  });
  const remoteAdmin = await startRemoteAdmin(services, setup);
  closeBeforeQuit(async () => {
    await remoteAdmin?.close();
    await services.close();
  });
  return services;
}

/** The HTTP server for remote admin when the setting is on; a failure leaves the kiosk playing. */
async function startRemoteAdmin(
  services: Services,
  setup: ServicesSetup,
): Promise<HttpServer | undefined> {
  const { settings } = services.store.snapshot();
  if (!settings.lanAdmin) return undefined;
  try {
    const server = await startHttpServer(services, {
      host: listenAddress(settings),
      port: setup.adminPort,
      rendererDir: path.join(setup.root, 'out', 'renderer'),
    });
    log().info(`remote admin: ${server.url}/#/admin`);
    return server;
  } catch (error) {
    log().error(`remote admin is off: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Hold the quit until `close` settles (at most {@link QUIT_CLOSE_MS}), then quit. */
function closeBeforeQuit(close: () => Promise<void>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log().warn(`services did not close within ${QUIT_CLOSE_MS} ms; quitting anyway`);
        resolve();
      }, QUIT_CLOSE_MS);
    });
    void Promise.race([close(), deadline])
      .catch((error: unknown) => log().error(`closing the services failed: ${String(error)}`))
      .finally(() => {
        clearTimeout(timer);
        state = 'closed';
        app.quit();
      });
  });
}

const LEVEL_NAMES: Record<number, LogLevel> = { 60: 'error', 50: 'error', 40: 'warn', 30: 'info' };

/** A pino logger for the host's services that writes each record as a line of the shell's log. */
export function hostLogger(): PinoLogger {
  return pino(
    { level: 'debug', base: undefined, timestamp: false },
    {
      write(json: string) {
        const { level, msg, ...fields } = JSON.parse(json) as { level: number; msg?: string };
        const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
        log()[LEVEL_NAMES[level] ?? 'debug'](`${msg ?? ''}${extra}`);
      },
    },
  );
}
