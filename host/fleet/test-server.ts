/**
 * Web servers for fleet tests, serving a bundle folder on 127.0.0.1 with ETags and a request log:
 * nginx from Debian's packages when it can start here, else a small Node static server. The Node
 * server can also misbehave on purpose (hang, cut a body short, trickle a byte at a time), which
 * nginx cannot be told to.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mediaType, STORED_EXTENSIONS } from '#core/media-types';

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

/** How the Node server misbehaves for one path (`trickle`: one byte every 300 ms). */
export type Fault = 'hang' | 'cut-short' | 'trickle';

const TRICKLE_EVERY_MS = 300;

export interface BundleServer {
  kind: 'nginx' | 'node';
  /** The manifest's address. */
  manifestUrl: string;
  /** Every request so far, oldest first. */
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  /** Stop answering (the port is closed); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Misbehave for a path such as `/media/<file>` (Node server only). */
  fault(urlPath: string, fault: Fault | undefined): void;
  close(): Promise<void>;
}

const NGINX = '/usr/sbin/nginx';

/** nginx when it is installed and starts, else the Node server. */
export async function serveBundle(root: string): Promise<BundleServer> {
  if (existsSync(NGINX) && process.env.FLEET_TEST_SERVER !== 'node') {
    const nginx = await startNginx(root).catch(() => undefined);
    if (nginx) return nginx;
  }
  return startNodeServer(root);
}

/** The Node static server (ETag, If-None-Match, 304, 404), with faults on demand. */
export async function startNodeServer(root: string): Promise<BundleServer> {
  const log: LoggedRequest[] = [];
  const faults = new Map<string, Fault>();
  const hanging = new Set<import('node:http').ServerResponse>();
  let server: Server | undefined;
  let port = 0;

  const handler = async (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const done = (status: number) =>
      log.push({ method: req.method ?? 'GET', path: urlPath, status });
    const file = path.join(root, path.normalize(urlPath));
    const info = file.startsWith(root) ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      done(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const etag = `"${Math.floor(info.mtimeMs).toString(16)}-${info.size.toString(16)}"`;
    if (req.headers['if-none-match'] === etag) {
      done(304);
      res.writeHead(304, { etag }).end();
      return;
    }
    done(200);
    const fault = faults.get(urlPath);
    res.writeHead(200, { etag, 'content-length': info.size });
    if (fault === 'hang') {
      hanging.add(res);
      res.flushHeaders();
      return;
    }
    if (fault === 'trickle') {
      hanging.add(res);
      const bytes = await readFile(file);
      let sent = 0;
      const timer = setInterval(() => {
        if (sent >= bytes.length || res.destroyed) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(bytes.subarray(sent, sent + 1));
        sent += 1;
      }, TRICKLE_EVERY_MS);
      res.once('close', () => clearInterval(timer));
      return;
    }
    if (fault === 'cut-short') {
      const bytes = await readFile(file);
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    }
    createReadStream(file).pipe(res);
  };

  const listen = async () => {
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  };
  const shut = async () => {
    for (const res of hanging) res.socket?.destroy();
    hanging.clear();
    const running = server;
    server = undefined;
    if (!running) return;
    running.closeAllConnections();
    await new Promise<void>((resolve) => running.close(() => resolve()));
  };
  await listen();
  return {
    kind: 'node',
    manifestUrl: `http://127.0.0.1:${port}/manifest.json`,
    requests: async () => [...log],
    clearRequests: async () => {
      log.length = 0;
    },
    stop: shut,
    start: listen,
    fault: (urlPath, fault) => (fault ? faults.set(urlPath, fault) : faults.delete(urlPath)),
    close: shut,
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// Each stored media extension with its MIME type, from core's table, as nginx's `types` lists them.
const MEDIA_TYPE_LINES = STORED_EXTENSIONS.map((ext) => `${mediaType(`x.${ext}`)} ${ext};`).join(
  ' ',
);

/** nginx with a private prefix, config and access log in a temporary folder. */
async function startNginx(root: string): Promise<BundleServer> {
  const prefix = await mkdtemp(path.join(os.tmpdir(), 'kiosk-nginx-'));
  const port = await freePort();
  const access = path.join(prefix, 'access.log');
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  const conf = `${user}
daemon off;
master_process off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  types { application/json json; ${MEDIA_TYPE_LINES} }
  default_type application/octet-stream;
  log_format kiosk '$request_method $uri $status';
  access_log ${access} kiosk;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    etag on;
  }
}
`;
  const confFile = path.join(prefix, 'nginx.conf');
  await writeFile(confFile, conf);
  await writeFile(access, '');
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  let child: ChildProcess | undefined;
  const url = `http://127.0.0.1:${port}/`;

  const start = async () => {
    child = spawn(NGINX, ['-p', prefix, '-c', confFile, '-e', path.join(prefix, 'error.log')], {
      stdio: 'ignore',
    });
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error('nginx exited');
      const ok = await fetch(url).then(
        () => true,
        () => false,
      );
      if (ok) break;
      if (Date.now() - started > 5000) throw new Error('nginx did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await writeFile(access, '');
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  try {
    await start();
  } catch (error) {
    await stop();
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    kind: 'nginx',
    manifestUrl: `${url}manifest.json`,
    requests: async () =>
      (await readFile(access, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [method = '', urlPath = '', status = '0'] = line.split(' ');
          return { method, path: urlPath, status: Number(status) };
        }),
    clearRequests: () => writeFile(access, ''),
    stop,
    start,
    fault: () => {
      throw new Error('nginx cannot be told to misbehave; use startNodeServer');
    },
    close: async () => {
      await stop();
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
