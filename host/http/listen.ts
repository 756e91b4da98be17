/**
 * Where the host listens: loopback HTTP for the kiosk's own screen and, with remote admin on, an
 * HTTPS listener for other machines, serving the same app.
 *
 * Remote admin never travels in clear text: with a LAN address the plain HTTP listener stays on
 * 127.0.0.1 (and answers only 127.0.0.1 and ::1, see security-hooks.ts), while other machines use
 * HTTPS on the port after it (7777 → 7778; a free one when the port is 0) with the certificate of
 * tls.ts.
 */
import https from 'node:https';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { isLoopbackHost } from './security-hooks.js';
import { loadOrCreateTls } from './tls.js';

/** Remote admin as the kiosk's Status screen and log show it. */
export interface RemoteAdmin {
  /** Where staff open it, by this machine's name. */
  url: string;
  port: number;
  /** SHA-256 of the certificate (`AB:CD:…`), to compare with what the browser shows. */
  certificateSha256: string;
  /** SHA-256 of its public key, base64 (for Chromium's SPKI allow-list). */
  spkiSha256: string;
}

/** A listening host. */
export interface Listening {
  /** The kiosk's own address: `http://127.0.0.1:PORT` (or the loopback host asked for). */
  url: string;
  remoteAdmin: RemoteAdmin | null;
  /** Stop the HTTPS listener (Fastify closes its own). */
  close(): Promise<void>;
}

/** Listen on `host:port`; for a non-loopback host, on loopback HTTP plus HTTPS on `host`. */
export async function listenHost(
  app: FastifyInstance,
  options: { host: string; port: number; dataDir: string },
): Promise<Listening> {
  const { host, port, dataDir } = options;
  if (isLoopbackHost(host.includes(':') ? `[${host}]` : host)) {
    await app.listen({ port, host });
    return { url: urlOf('http', host, boundPort(app.server, port)), remoteAdmin: null, close };
  }
  const tls = await loadOrCreateTls(dataDir);
  await app.listen({ port, host: '127.0.0.1' });
  const plainPort = boundPort(app.server, port);
  const server = https.createServer({ cert: tls.cert, key: tls.key }, app.routing);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port === 0 ? 0 : port + 1, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const securePort = boundPort(server, 0);
  return {
    url: urlOf('http', '127.0.0.1', plainPort),
    remoteAdmin: {
      url: urlOf('https', os.hostname().toLowerCase() || host, securePort),
      port: securePort,
      certificateSha256: tls.fingerprint256,
      spkiSha256: tls.spkiSha256,
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function close(): Promise<void> {}

function boundPort(server: { address(): unknown }, fallback: number): number {
  const address = server.address();
  return typeof address === 'object' && address && 'port' in address
    ? Number((address as { port: number }).port)
    : fallback;
}

function urlOf(scheme: 'http' | 'https', host: string, port: number): string {
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
