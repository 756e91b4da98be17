import { describe, expect, it } from 'vitest';
import { findChromium, kioskBrowserArgs, likelyCause, superviseBrowser } from './browser-kiosk.js';

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

  it('logs the last stderr lines at each exit and names the cause when it gives up', async () => {
    // What Chromium run as root writes before it exits with code 1 (checked on Debian 12).
    const stderr = [
      '[17767:17767:1202/175106.412881:ERROR:content/browser/zygote_host/zygote_host_impl_linux.cc:103] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.',
      '[17776:17793:1202/175106.525693:ERROR:dbus/bus.cc:405] Failed to connect to the bus: no socket',
    ];
    const log: { line: string; level: string }[] = [];
    const code = await superviseBrowser({
      command: process.execPath,
      args: ['-e', `process.stderr.write(${JSON.stringify(stderr.join('\n'))}); process.exit(1)`],
      log: (line, level) => log.push({ line, level }),
      baseDelayMs: 5,
      maxQuickFailures: 2,
      stopped: new Promise(() => undefined),
    });
    expect(code).toBe(1);
    const tails = log.filter((l) => l.line.startsWith("The browser's last lines on stderr"));
    expect(tails).toHaveLength(2);
    expect(tails[0]).toMatchObject({ level: 'warn' });
    expect(tails[0]!.line).toContain('Failed to connect to the bus');
    expect(log.at(-1)).toEqual({
      level: 'error',
      line:
        'The browser exited with code 1 2 times in a row right after starting; giving up. ' +
        'Cause: Running as root without --no-sandbox is not supported. See https://crbug.com/638180.',
    });
  });

  it('picks the fatal error, else the first real error, else the last line as the cause', () => {
    const fatal = '[1:1:0101/000000.1:FATAL:ui/gfx/x11.cc(12)] Check failed: display';
    const error = '[1:1:0101/000000.1:ERROR:zygote.cc:103] Running as root';
    const noise = '[1:2:0101/000000.2:ERROR:dbus/bus.cc:405] Failed to connect to the bus';
    expect(likelyCause([error, fatal, noise])).toBe('Check failed: display');
    expect(likelyCause([noise, error, noise])).toBe('Running as root');
    // Chromium with no X server (Debian 12): the first error is the cause, the rest follow from it.
    expect(
      likelyCause([
        '[3875:3875:1202/182508.686551:ERROR:ui/ozone/platform/x11/ozone_platform_x11.cc:257] Missing X server or $DISPLAY',
        '[3875:3875:1202/182508.686614:ERROR:ui/aura/env.cc:253] The platform failed to initialize.  Exiting.',
        '[3882:3882:0100/000000.828702:ERROR:content/zygote/zygote_linux.cc:662] write: Broken pipe (32)',
      ]),
    ).toBe('Missing X server or $DISPLAY');
    expect(likelyCause(['something odd', 'the end'])).toBe('the end');
    expect(likelyCause([])).toBeUndefined();
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
