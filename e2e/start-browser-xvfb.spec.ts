/**
 * start:browser on a bare X server (Xvfb), as kiosk images run it: xinit and a browser, often no
 * window manager. A screenshot of the root window (painted magenta) shows whether the player
 * covers the whole screen.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { hasXTools, installed, startXvfb } from './xvfb';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVING = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/;

const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];
const MANAGERS = [
  { name: 'no window manager', command: undefined },
  { name: 'a window manager (matchbox)', command: 'matchbox-window-manager' },
];

for (const { width, height } of SCREENS) {
  for (const manager of MANAGERS) {
    test(`start:browser covers the whole ${width}x${height} screen with ${manager.name}`, async () => {
      const testInfo = test.info();
      test.skip(
        !hasXTools(),
        'needs xvfb, imagemagick and x11-xserver-utils (.ci/run installs them)',
      );
      test.skip(
        manager.command !== undefined && !installed(manager.command),
        `needs ${manager.command} (apt-get install matchbox-window-manager; .ci/run installs it)`,
      );
      test.setTimeout(120_000);
      const x = await startXvfb(width, height);
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-xvfb-'));
      const child = spawn(
        process.execPath,
        [path.join(ROOT, 'scripts/start-browser.mjs'), '--data', dataDir, '--disable-gpu'],
        {
          env: {
            ...process.env,
            DISPLAY: x.display,
            // CI runs as root, where Chromium needs this (start:browser refuses without it).
            KIOSK_BROWSER_ARGS: process.getuid?.() === 0 ? '--no-sandbox' : '',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      try {
        if (manager.command) await x.startWindowManager(manager.command, ['-use_titlebar', 'no']);
        await expect.poll(() => output, { timeout: 30_000 }).toMatch(SERVING);
        const hostUrl = SERVING.exec(output)![1]!;
        await expect
          .poll(async () => (await (await fetch(`${hostUrl}/api/health`)).json()).currentSlide, {
            timeout: 60_000,
          })
          .toMatchObject({ slideId: 'intro' });
        const shot = testInfo.outputPath('root-window.png');
        await expect
          .poll(() => x.screenshot(shot), { timeout: 30_000, intervals: [1000] })
          .toMatchObject({ barePixels: 0, bareColumns: 0, bareRows: 0 });
        // Painted, not an empty window: the player's artwork and text have many colours.
        expect((await x.screenshot(shot)).colours).toBeGreaterThan(100);
        await testInfo.attach('root window', { path: shot, contentType: 'image/png' });
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
        await x.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
      expect(child.exitCode, output).toBe(0);
    });
  }
}
