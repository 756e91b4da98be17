import { describe, expect, it } from 'vitest';
import { findChromium, kioskBrowserArgs, superviseBrowser } from './browser-kiosk.js';

describe('browser kiosk', () => {
  it('prefers CHROMIUM_PATH, then known paths, then names on PATH', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/x/chrome' }, () => false)).toBe('/opt/x/chrome');
    expect(findChromium({}, (f) => f === '/usr/lib/chromium/chromium')).toBe(
      '/usr/lib/chromium/chromium',
    );
    expect(findChromium({ PATH: '/a:/b' }, (f) => f === '/b/google-chrome')).toBe(
      '/b/google-chrome',
    );
    expect(findChromium({ PATH: '/a' }, () => false)).toBeUndefined();
  });

  it('opens the player full screen, offline, in its own profile', () => {
    const args = kioskBrowserArgs('http://127.0.0.1:9/', '/data/browser-profile', ['--x']);
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--app=http://127.0.0.1:9/',
        '--user-data-dir=/data/browser-profile',
        '--disable-background-networking',
        '--overscroll-history-navigation=0',
        '--x',
      ]),
    );
  });

  it('restarts a browser that exits, and gives up when it keeps failing at start', async () => {
    const log: string[] = [];
    const code = await superviseBrowser({
      command: process.execPath,
      args: ['-e', 'process.exit(3)'],
      log: (line) => log.push(line),
      baseDelayMs: 5,
      maxQuickFailures: 3,
      stopped: new Promise(() => undefined),
    });
    expect(code).toBe(1);
    expect(log.filter((l) => l.includes('exited with code 3; restarting'))).toHaveLength(2);
    expect(log.at(-1)).toContain('3 times in a row');
  });

  it('stops the browser when asked and resolves 0', async () => {
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const run = superviseBrowser({
      command: process.execPath,
      args: ['-e', 'setTimeout(() => {}, 60000)'],
      log: () => undefined,
      stopped,
    });
    setTimeout(stop, 200);
    await expect(run).resolves.toBe(0);
  });
});
