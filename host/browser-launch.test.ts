import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkSandbox,
  parseStartBrowserArgs,
  parseXdpyinfo,
  parseXrandrMonitors,
  placesWindow,
  readXScreen,
  windowGeometryArgs,
} from './browser-launch.js';

describe('start:browser command line', () => {
  it('takes its own options and passes every other switch to the browser', () => {
    expect(
      parseStartBrowserArgs(['--data', '/d', '--no-sandbox', '--port=8080', '--force-dark-mode']),
    ).toEqual({
      data: '/d',
      port: '8080',
      help: false,
      browserArgs: ['--no-sandbox', '--force-dark-mode'],
    });
  });

  it('passes everything after -- to the browser, its own option names included', () => {
    expect(parseStartBrowserArgs(['--port', '0', '--', '--data', 'x'])).toMatchObject({
      port: '0',
      browserArgs: ['--data', 'x'],
    });
    expect(parseStartBrowserArgs(['-h']).help).toBe(true);
  });

  it('says what is wrong with a bad command line', () => {
    expect(() => parseStartBrowserArgs(['--port', 'x'])).toThrow(
      '--port must be a number, not "x"',
    );
    expect(() => parseStartBrowserArgs(['--data'])).toThrow('--data needs a value');
    expect(() => parseStartBrowserArgs(['--prot', '8080'])).toThrow('unexpected argument "8080"');
  });
});

describe('running as root', () => {
  it('refuses in one sentence that says what to do', () => {
    const check = checkSandbox(0, ['--kiosk']);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(
      /^Chromium will not run as root: run start:browser as an ordinary user .*--no-sandbox.*\.$/,
    );
  });

  it('runs with a warning when --no-sandbox was passed, and quietly as anyone else', () => {
    expect(checkSandbox(0, ['--no-sandbox'])).toMatchObject({
      ok: true,
      warning: expect.stringContaining('without its sandbox') as unknown,
    });
    expect(checkSandbox(1000, [])).toEqual({ ok: true });
    expect(checkSandbox(undefined, [])).toEqual({ ok: true });
  });
});

describe('the X screen', () => {
  it('reads the primary monitor from xrandr, else the first one', () => {
    const two =
      'Monitors: 2\n 0: +HDMI-1 1920/509x1080/286+0+0  HDMI-1\n 1: +*DP-1 1080/286x1920/509+1920+0  DP-1\n';
    expect(parseXrandrMonitors(two)).toEqual({ x: 1920, y: 0, width: 1080, height: 1920 });
    // Xvfb's one monitor, not marked primary.
    const xvfb = 'Monitors: 1\n 0: +screen 1080/286x1920/508+0+0  screen\n';
    expect(parseXrandrMonitors(xvfb)).toEqual({ x: 0, y: 0, width: 1080, height: 1920 });
    expect(parseXrandrMonitors('Monitors: 0\n')).toBeUndefined();
  });

  it('falls back to xdpyinfo, and to nothing when neither tool answers', async () => {
    const xdpyinfo = 'screen #0:\n  dimensions:    1920x1080 pixels (508x285 millimeters)\n';
    expect(parseXdpyinfo(xdpyinfo)).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    const noXrandr = (file: string) =>
      file === 'xdpyinfo' ? Promise.resolve(xdpyinfo) : Promise.reject(new Error('ENOENT'));
    await expect(readXScreen(noXrandr)).resolves.toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    await expect(readXScreen(() => Promise.reject(new Error('ENOENT')))).resolves.toBeUndefined();
  });

  it('places the window over the monitor, one pixel wider than Chromium would shrink it', () => {
    expect(windowGeometryArgs({ x: 1920, y: 0, width: 1080, height: 1920 })).toEqual([
      '--window-position=1920,0',
      '--window-size=1081,1920',
    ]);
    expect(placesWindow(['--window-size=800,600'])).toBe(true);
    expect(placesWindow(['--kiosk', '--no-sandbox'])).toBe(false);
  });
});

describe("the browser kiosk's systemd user unit", () => {
  const read = (file: string) => readFileSync(path.join(import.meta.dirname, '..', file), 'utf8');

  it('the systemd user unit runs start:browser and restarts it, except after exit code 2', () => {
    const unit = read('build/linux/openness-kiosk-browser.service');
    expect(unit).toMatch(/^ExecStart=.* \S+\/scripts\/start-browser\.mjs --data %h\/kiosk-data$/m);
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^RestartPreventExitStatus=2$/m);
    expect(unit).toMatch(/^\[Install\]\nWantedBy=graphical-session\.target$/m);
  });
});
