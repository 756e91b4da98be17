import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVING = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/;

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text) return text;
    if (Date.now() > end) throw new Error(`${file} did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('start:browser serves the kiosk and opens the player in Chromium kiosk mode', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-browser-'));
  // Headless here (no display); the same script opens a real full-screen window on a kiosk.
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/start-browser.mjs'), '--data', dataDir],
    {
      env: {
        ...process.env,
        KIOSK_BROWSER_ARGS: '--headless=new --no-sandbox --disable-gpu --remote-debugging-port=0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const port = (
      await waitForFile(path.join(dataDir, 'browser-profile', 'DevToolsActivePort'), 20_000)
    ).split('\n')[0];
    await expect.poll(() => output, { timeout: 20_000 }).toMatch(SERVING);
    expect(output).toMatch(/serving .* at http:\/\/127\.0\.0\.1:\d+; opening .* in kiosk mode/);
    const hostUrl = SERVING.exec(output)![1]!;
    // The browser's own list of pages (read over HTTP: attaching a CDP client to a browser still
    // starting up can hang, microsoft/playwright#32388) shows the player's address...
    await expect
      .poll(async () => {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
          type: string;
          url: string;
        }[];
        return targets.filter((t) => t.type === 'page').map((t) => t.url);
      })
      .toContain(`${hostUrl}/`);
    // ...and the player in it runs: it tells the host which slide is on screen.
    await expect
      .poll(async () => (await (await fetch(`${hostUrl}/api/health`)).json()).currentSlide, {
        timeout: 20_000,
      })
      .toMatchObject({ slideId: 'intro', lang: 'en', title: 'About us' });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
  expect(child.exitCode).toBe(0);
});

test('start:browser restarts a browser that exits, backs off, and SIGTERM stops it all', async () => {
  test.skip(process.platform === 'win32', 'the stand-in browser is a shell script');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-browser-'));
  // A stand-in browser: the first run exits at once, as a crash would; the second stays up.
  const browser = path.join(dataDir, 'browser.sh');
  const starts = path.join(dataDir, 'starts');
  await writeFile(
    browser,
    `#!/bin/sh\necho "$$" >> "${starts}"\n` +
      `[ "$(wc -l < "${starts}")" -ge 2 ] && exec sleep 120\nexit 3\n`,
  );
  await chmod(browser, 0o755);
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/start-browser.mjs'), '--data', dataDir],
    // --no-sandbox: start:browser refuses to run as root without it (CI runs as root).
    {
      env: { ...process.env, CHROMIUM_PATH: browser, KIOSK_BROWSER_ARGS: '--no-sandbox' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    await expect
      .poll(async () => (await readFile(starts, 'utf8').catch(() => '')).split('\n').length - 1, {
        timeout: 30_000,
      })
      .toBe(2);
    await expect
      .poll(() => output)
      .toMatch(/The browser exited with code 3; restarting it in 2\.0 s/);
    const url = /at (http:\/\/127\.0\.0\.1:\d+);/.exec(output)?.[1];
    expect(url).toBeDefined();
    const running = Number((await readFile(starts, 'utf8')).trim().split('\n')[1]);
    expect(() => process.kill(running, 0)).not.toThrow();

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The browser and the host went with it.
    await expect.poll(() => isAlive(running), { timeout: 10_000 }).toBe(false);
    await expect(fetch(`${url}/`)).rejects.toThrow();
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('as root, start:browser refuses in one sentence and exits 2 without starting anything', async () => {
  test.skip(
    process.getuid?.() !== 0,
    'needs root (as CI runs); as anyone else there is nothing to refuse',
  );
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-browser-'));
  try {
    const run = await runToEnd(['--data', dataDir], { ...process.env, KIOSK_BROWSER_ARGS: '' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^start:browser: Chromium will not run as root: run start:browser as an ordinary user .*`npm run start:browser -- --no-sandbox`.*\.$/,
      ),
    ]);
    // Nothing was started: no host log, no browser profile.
    expect(await readdir(dataDir)).toEqual([]);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a browser that keeps failing at start: its stderr is logged each time, then start:browser gives up naming the cause', async () => {
  test.skip(process.platform === 'win32', 'the stand-in browser is a shell script');
  test.setTimeout(90_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-browser-'));
  // A stand-in that fails as Chromium does when run as root (its words, checked on Debian 12).
  const browser = path.join(dataDir, 'browser.sh');
  await writeFile(
    browser,
    '#!/bin/sh\n' +
      'echo "[1:1:1202/175106.4:ERROR:content/browser/zygote_host/zygote_host_impl_linux.cc:103] ' +
      'Running as root without --no-sandbox is not supported. See https://crbug.com/638180." >&2\n' +
      'echo "[1:2:1202/175106.5:ERROR:dbus/bus.cc:405] Failed to connect to the bus" >&2\nexit 1\n',
  );
  await chmod(browser, 0o755);
  try {
    // Switches after `--` reach the browser (here the stand-in, which ignores them).
    const run = await runToEnd(['--data', dataDir, '--', '--no-sandbox'], {
      ...process.env,
      CHROMIUM_PATH: browser,
    });
    expect(run.code).toBe(1);
    const cause =
      'Cause: Running as root without --no-sandbox is not supported. See https://crbug.com/638180.';
    expect(run.stderr).toContain(
      `The browser exited with code 1 5 times in a row right after starting; giving up. ${cause}`,
    );
    expect(run.stderr.match(/The browser's last lines on stderr:/g)).toHaveLength(5);
    // The same lines are in the host's log file.
    const logs = await readdir(path.join(dataDir, 'logs'));
    const logText = (
      await Promise.all(logs.map((f) => readFile(path.join(dataDir, 'logs', f), 'utf8')))
    ).join('');
    expect(logText).toContain('Failed to connect to the bus');
    expect(logText).toContain(cause);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** Run start:browser to its end; its exit code and output. */
async function runToEnd(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start-browser.mjs'), ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stdout, stderr };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
