/**
 * Start the kiosk host: open the content store and serve it over HTTP.
 */
import { appPaths, type AppPaths } from './app-paths.js';
import { ContentStore } from './content-store.js';
import { createServer } from './http/server.js';

/** How to start the host. */
export interface HostOptions {
  dataDir: string;
  port: number;
  host: string;
  paths?: AppPaths;
}

/** A running host. */
export interface RunningHost {
  url: string;
  store: ContentStore;
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
  const store = await ContentStore.open({ dataDir: options.dataDir, assetsDir: paths.assetsDir });
  store.watch();
  const app = await createServer({
    store,
    dataDir: options.dataDir,
    assetsDir: paths.assetsDir,
    rendererDir: paths.rendererDir,
    info: { version: paths.version, startedAt: Date.now() },
  });
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    store.close();
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    const where = `port ${options.port} on ${options.host}`;
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
      throw new ListenError(
        `${options.host} is not an address of this machine; check --host.`,
        code,
      );
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}`,
    store,
    async close() {
      store.close();
      await app.close();
    },
  };
}
