/**
 * The Electron shell with the real host services on a real data folder (only Electron is fake):
 * remote admin when the `lanAdmin` setting is on, and every service closed at quit.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findAppRoot } from '../../host/app-paths.js';
import type * as Fake from '../test/fake-electron.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const ROOT = findAppRoot();

let electron: typeof Fake;
let dataDir: string;
let launched = false;

beforeEach(async () => {
  vi.resetModules();
  electron = (await import('electron')) as unknown as typeof Fake;
  electron.resetFakeElectron();
  // The real shipped assets, so the store seeds a real data folder.
  electron.app.getAppPath.mockImplementation(() => ROOT);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-electron-'));
});

afterEach(async () => {
  if (launched) await quit();
  launched = false;
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
  await rm(path.join(os.tmpdir(), `fake-electron-${process.pid}`), {
    recursive: true,
    force: true,
  });
});

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Start with the shipped settings plus `change`, as a launch of the app would. */
async function launch(change: Record<string, unknown>, port: number): Promise<void> {
  const shipped = await readFile(path.join(ROOT, 'assets', 'content', 'settings.json'), 'utf8');
  await writeFile(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ ...JSON.parse(shipped), ...change }),
  );
  const saved = process.argv;
  process.argv = [
    'electron',
    '.',
    '--data',
    dataDir,
    '--admin-port',
    String(port),
    '--log-level',
    'warn',
  ];
  try {
    await import('./index.js');
  } finally {
    process.argv = saved;
  }
  launched = true;
  await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1), {
    timeout: 10_000,
  });
}

/** Quit as Electron does: will-quit, held until the services have closed, then quit again. */
async function quit(): Promise<void> {
  const calls = electron.app.quit.mock.calls.length;
  electron.app.emit('will-quit', { preventDefault: vi.fn() });
  await vi.waitFor(() => expect(electron.app.quit.mock.calls.length).toBeGreaterThan(calls), {
    timeout: 10_000,
  });
  launched = false;
}

/** GET a path from another loopback address, standing in for a machine on the LAN. */
function getFromLan(port: number, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: pathname, localAddress: '127.0.0.2', timeout: 5000 },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
  });
}

describe('remote admin in the Electron shell', () => {
  it('listens for other machines when the lanAdmin setting is on', async () => {
    const port = await freePort();
    await launch({ lanAdmin: true }, port);
    const health = await getFromLan(port, '/api/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ version: '0.0.0-test' });
    // The admin itself needs a PIN: a staff call without a session is refused.
    const call = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/call/admin:get',
          method: 'POST',
          localAddress: '127.0.0.2',
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(call).toBe(401);
  });

  it('does not listen at all when the setting is off, as it is by default', async () => {
    const shipped = JSON.parse(
      await readFile(path.join(ROOT, 'assets', 'content', 'settings.json'), 'utf8'),
    ) as { lanAdmin?: boolean };
    expect(shipped.lanAdmin ?? false).toBe(false);
    const port = await freePort();
    await launch({}, port);
    await expect(getFromLan(port, '/api/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('keeps the kiosk running, and says why, when the port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await launch({ lanAdmin: true }, (taken.address() as net.AddressInfo).port);
      const lines = stderr.mock.calls.map(([text]) => String(text)).join('');
      expect(lines).toMatch(/remote admin is off: port \d+ on 0\.0\.0\.0 is already in use/);
      expect(electron.app.exit).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('quitting the Electron shell', () => {
  it('closes remote admin and every service before it quits', async () => {
    // The module instances the freshly loaded index.ts will use.
    const { ContentStore } = await import('../../host/content-store.js');
    const { MediaLibrary } = await import('../../host/media/media-library.js');
    const { FleetSync } = await import('../../host/fleet/sync.js');
    const closes = [
      vi.spyOn(FleetSync.prototype, 'stop'),
      vi.spyOn(MediaLibrary.prototype, 'close'),
      vi.spyOn(ContentStore.prototype, 'close'),
    ];
    const port = await freePort();
    await launch({ lanAdmin: true }, port);
    expect((await getFromLan(port, '/api/health')).status).toBe(200);
    for (const close of closes) expect(close).not.toHaveBeenCalled();

    await quit();
    const order = closes.map((close) => {
      expect(close).toHaveBeenCalledOnce();
      return close.mock.invocationCallOrder[0]!;
    });
    expect(order, 'in reverse order of opening').toEqual([...order].sort((a, b) => a - b));
    await expect(getFromLan(port, '/api/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
