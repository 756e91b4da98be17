/**
 * Helpers for fault tests: run the real `openness-kiosk serve` as a child process (test-support/api-client.ts
 * calls its HTTP API as the admin does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/openness-kiosk.mjs');

/** The staff PIN the fault tests use. */
export const PIN = '135790';

/** A host started with `openness-kiosk serve`. */
export interface HostProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** What it printed so far (standard output and error). */
  output(): string;
  /** Resolves once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether it is still running. */
  alive(): boolean;
}

/** Fail clearly when the host has not been built (`npm run build:node`). */
export function requireBuiltHost(): void {
  const main = path.join(ROOT, 'dist/node/host/cli/main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: run \`npm run build:node\` (npm run test:faults does).`);
  }
}

/**
 * Start `openness-kiosk serve --data DIR --port 0` and resolve once it prints its URL; `host`
 * 0.0.0.0 starts it with remote admin over the LAN.
 */
export function startServe(
  dataDir: string,
  timeoutMs = 20_000,
  host = '127.0.0.1',
): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--data', dataDir, '--port', '0', '--host', host],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const url = / at (http:\/\/\S+)/.exec(output)?.[1];
      if (url && running) {
        clearTimeout(timer);
        resolve({
          child,
          pid: child.pid!,
          url,
          output: () => output,
          exited,
          alive: () => running,
        });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(
          `the host exited (code ${code}, signal ${signal}) before it listened:\n${output}`,
        ),
      );
    });
  });
}

/** SIGKILL a host (if still running) and wait until it is gone. */
export async function killHost(host: HostProcess): Promise<void> {
  if (host.alive()) host.child.kill('SIGKILL');
  await host.exited;
}

/** A small seeded random generator (mulberry32), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
