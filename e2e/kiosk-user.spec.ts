/**
 * The browser kiosk as a dedicated, ordinary user, the way docs/operators.md ("A dedicated kiosk
 * user") sets it up: scripts/kiosk-session.sh runs start:browser and starts it again when it
 * dies; start:browser starts the browser again when it dies. On a bare X server (Xvfb, no window
 * manager), the player must come back over the whole screen after each.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { hasXTools, installed, startXvfb, type XServer } from './xvfb';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const SERVING = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/g;

interface Proc {
  pid: number;
  ppid: number;
  args: string;
}

/** The user's processes. */
async function processesOf(user: string): Promise<Proc[]> {
  const { stdout } = await run('ps', ['-u', user, '-o', 'pid=,ppid=,args=']).catch(() => ({
    stdout: '',
  }));
  return stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
}

/** The start:browser process and the browser it runs (its child), as far as they exist now. */
async function kioskProcesses(user: string): Promise<{ host?: number; browser?: number }> {
  const all = await processesOf(user);
  const host = all.find((p) => p.args.includes('start-browser.mjs'))?.pid;
  const browser = all.find((p) => p.ppid === host && !p.args.includes('start-browser.mjs'))?.pid;
  return { host, browser };
}

/** Whether a process runs; a zombie does not (this container's PID 1 may be slow to reap). */
async function isAlive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat !== undefined && !/^\d+ \(.*\) Z/.test(stat);
}

test('a kiosk user runs the browser kiosk, which comes back on the whole screen after the browser and then the host die', async () => {
  test.skip(process.getuid?.() !== 0, 'needs root to create the kiosk user (CI runs as root)');
  test.skip(!hasXTools(), 'needs xvfb, imagemagick and x11-xserver-utils (.ci/run installs them)');
  test.skip(!installed('useradd') || !installed('runuser'), 'needs useradd and runuser');
  // About a minute here; the ceiling leaves room for a loaded machine (three browser starts).
  test.setTimeout(180_000);
  const info = test.info();
  const user = `kiosk${randomBytes(4).toString('hex')}`;
  const home = `/tmp/${user}-home`;
  await run('useradd', ['--create-home', '--home-dir', home, '--shell', '/bin/sh', user]);
  let x: XServer | undefined;
  let session: ReturnType<typeof spawn> | undefined;
  let output = '';
  try {
    x = await startXvfb(1920, 1080);
    const screen = x;
    // What a login gives the user: its own HOME and a display; nothing of root's environment.
    const env = [
      `HOME=${home}`,
      `USER=${user}`,
      `PATH=${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
      `DISPLAY=${x.display}`,
      'KIOSK_BROWSER_ARGS=--disable-gpu',
      ...(process.env.CHROMIUM_PATH ? [`CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`] : []),
    ];
    session = spawn(
      'runuser',
      ['-u', user, '--', 'env', '-i', ...env, path.join(ROOT, 'scripts/kiosk-session.sh')].concat([
        '--data',
        `${home}/kiosk-data`,
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    session.stdout!.on('data', (chunk) => (output += chunk));
    session.stderr!.on('data', (chunk) => (output += chunk));

    const hostUrls = () => [...output.matchAll(SERVING)].map((m) => m[1]!);
    let shots = 0;
    const playerCoversScreen = async (hostUrl: string) => {
      await expect
        .poll(
          async () =>
            (await (await fetch(`${hostUrl}/api/health`).catch(() => undefined))?.json())
              ?.currentSlide,
          { timeout: 60_000, message: output },
        )
        .toMatchObject({ slideId: 'intro' });
      const shot = info.outputPath(`root-window-${++shots}.png`);
      await expect
        .poll(() => screen.screenshot(shot), { timeout: 30_000, intervals: [1000] })
        .toMatchObject({ barePixels: 0, bareColumns: 0, bareRows: 0 });
      expect((await screen.screenshot(shot)).colours).toBeGreaterThan(100);
      await info.attach(`root window ${shots}`, { path: shot, contentType: 'image/png' });
    };

    // 1. The kiosk comes up as the user, full screen.
    await expect.poll(() => hostUrls().length, { timeout: 30_000, message: output }).toBe(1);
    await playerCoversScreen(hostUrls()[0]!);
    const first = await kioskProcesses(user);
    expect(first.host).toBeDefined();
    expect(first.browser).toBeDefined();

    // 2. The browser dies: start:browser starts it again.
    process.kill(first.browser!, 'SIGKILL');
    await expect
      .poll(() => output, { timeout: 30_000 })
      .toMatch(/The browser stopped by SIGKILL; restarting it/);
    await expect
      .poll(
        async () => {
          const { browser } = await kioskProcesses(user);
          return browser !== undefined && browser !== first.browser;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect((await kioskProcesses(user)).host).toBe(first.host);
    await playerCoversScreen(hostUrls()[0]!);
    const second = await kioskProcesses(user);

    // 3. The host process dies: the session starts start:browser again, and the browser it
    // left behind goes with it.
    process.kill(second.host!, 'SIGKILL');
    await expect.poll(() => hostUrls().length, { timeout: 60_000, message: output }).toBe(2);
    expect(output).toMatch(/kiosk-session: start:browser exited with code 137; starting it again/);
    await expect.poll(() => isAlive(second.browser!), { timeout: 10_000 }).toBe(false);
    await playerCoversScreen(hostUrls()[1]!);
    const third = await kioskProcesses(user);
    expect(third.host).not.toBe(second.host);
    expect(third.browser).toBeDefined();
    // Everything ran as the kiosk user, nothing as root.
    const { stdout } = await run('ps', ['-o', 'user=', '-p', `${third.host},${third.browser}`]);
    expect(stdout.split('\n').filter(Boolean)).toEqual([user, user]);
  } finally {
    if (session?.pid !== undefined && session.exitCode === null) {
      const exited = new Promise((resolve) => session!.once('exit', resolve));
      // SIGTERM to the session ends the kiosk: start:browser stops its browser and host.
      process.kill(-session.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    }
    // Anything of the test user's still running was started by this test.
    for (const p of await processesOf(user)) {
      if (await isAlive(p.pid)) process.kill(p.pid, 'SIGKILL');
    }
    await x?.stop();
    // --force: a zombie the container's PID 1 has not reaped yet still counts as the user's.
    await run('userdel', ['--force', '--remove', user]).catch(() => undefined);
  }
  expect(output).not.toMatch(/kiosk-session: start:browser exited with code 2/);
});

test('the kiosk session ends, rather than loops, when start:browser exits 2 (a setup problem)', async () => {
  test.skip(process.platform === 'win32', 'a POSIX shell script');
  const child = spawn(path.join(ROOT, 'scripts/kiosk-session.sh'), ['--port', 'eighty'], {
    env: { ...process.env, DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('close', resolve));
  expect(code).toBe(2);
  expect(output).toContain('start:browser: --port must be a number, not "eighty"');
  expect(output).toContain(
    'kiosk-session: start:browser exited with code 2 (see its message above); not starting it again.',
  );
  expect(output.match(/--port must be a number/g)).toHaveLength(1);
});
