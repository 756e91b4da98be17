import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentSnapshot } from '#core/contract';
import { app, resetFakeElectron } from '../test/fake-electron.js';
import {
  applyAutostart,
  autostartEntry,
  autostartEntryPath,
  desktopExecArg,
  setupAutostart,
  type AutostartContext,
} from './autostart.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const EXE = '/opt/Openness Kiosk/openness-kiosk';
let config: string;
let linux: AutostartContext;

beforeEach(async () => {
  resetFakeElectron();
  config = await mkdtemp(path.join(os.tmpdir(), 'kiosk-xdg-'));
  linux = { platform: 'linux', env: { XDG_CONFIG_HOME: config }, executable: EXE, packaged: true };
});

afterEach(async () => {
  await rm(config, { recursive: true, force: true });
});

const entryFile = () => path.join(config, 'autostart', 'openness-kiosk.desktop');
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('autostartEntryPath', () => {
  it('uses $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartEntryPath({ XDG_CONFIG_HOME: '/x' })).toBe(
      '/x/autostart/openness-kiosk.desktop',
    );
    expect(autostartEntryPath({ HOME: '/home/kiosk' })).toBe(
      '/home/kiosk/.config/autostart/openness-kiosk.desktop',
    );
  });
});

describe('desktopExecArg', () => {
  it('quotes a path with spaces', () => {
    expect(desktopExecArg(EXE)).toBe('"/opt/Openness Kiosk/openness-kiosk"');
  });

  it('escapes quotes, dollars, backquotes, backslashes and percent signs as the spec asks', () => {
    expect(desktopExecArg('/a"b$c`d\\e%f')).toBe('"/a\\\\"b\\\\$c\\\\`d\\\\\\\\e%%f"');
  });
});

describe('applyAutostart on Linux', () => {
  it('writes an XDG autostart entry that runs the executable, and removes it when off', async () => {
    await applyAutostart(true, linux);
    const text = await readFile(entryFile(), 'utf8');
    expect(text).toBe(autostartEntry(EXE));
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    expect(text).toContain('Exec="/opt/Openness Kiosk/openness-kiosk"\n');

    await applyAutostart(false, linux);
    expect(await exists(entryFile())).toBe(false);
  });

  it('points at the AppImage when given it and rewrites a stale entry', async () => {
    await applyAutostart(true, linux);
    const appImage = { ...linux, executable: '/home/kiosk/Openness-Kiosk.AppImage' };
    expect(await applyAutostart(true, appImage)).toMatch(/^wrote /);
    expect(await readFile(entryFile(), 'utf8')).toContain(
      'Exec="/home/kiosk/Openness-Kiosk.AppImage"',
    );
    expect(await applyAutostart(true, appImage)).toMatch(/is up to date$/);
  });

  it('is quiet about removing an entry that is not there', async () => {
    await expect(applyAutostart(false, linux)).resolves.toMatch(/^removed /);
  });

  it('leaves a development run alone', async () => {
    expect(await applyAutostart(true, { ...linux, packaged: false })).toMatch(/not packaged/);
    expect(await exists(entryFile())).toBe(false);
  });
});

describe('applyAutostart on Windows and macOS', () => {
  it.each(['win32', 'darwin'] as const)('%s uses the login item API', async (platform) => {
    const context = { ...linux, platform };
    await applyAutostart(true, context);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
    await applyAutostart(true, context);
    expect(app.setLoginItemSettings).toHaveBeenCalledTimes(1);
    await applyAutostart(false, context);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false });
    expect(await exists(path.join(config, 'autostart'))).toBe(false);
  });
});

describe('setupAutostart', () => {
  /** A store whose settings a test changes, telling listeners as the real one does. */
  function fakeStore(autostart?: boolean) {
    const listeners: ((snapshot: ContentSnapshot) => void)[] = [];
    let snapshot = { settings: autostart === undefined ? {} : { autostart } } as ContentSnapshot;
    return {
      snapshot: () => snapshot,
      onChange: (listener: (s: ContentSnapshot) => void) => listeners.push(listener),
      set(value: boolean) {
        snapshot = { settings: { autostart: value } } as unknown as ContentSnapshot;
        for (const listener of listeners) listener(snapshot);
      },
    };
  }

  it('applies the setting at start and follows its changes, in order', async () => {
    const store = fakeStore(true);
    await setupAutostart(store, linux);
    expect(await exists(entryFile())).toBe(true);
    store.set(false);
    store.set(true);
    store.set(false);
    await vi.waitFor(async () => expect(await exists(entryFile())).toBe(false));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await exists(entryFile())).toBe(false);
  });

  it('treats settings without the field as off', async () => {
    await applyAutostart(true, linux);
    await setupAutostart(fakeStore(), linux);
    expect(await exists(entryFile())).toBe(false);
  });

  it('logs a failure instead of throwing', async () => {
    const blocked = path.join(config, 'file');
    await writeFile(blocked, '');
    const context = { ...linux, env: { XDG_CONFIG_HOME: blocked } };
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(setupAutostart(fakeStore(true), context)).resolves.toBeUndefined();
      expect(err.mock.calls.map(([text]) => String(text)).join('')).toMatch(
        /warn +autostart on failed/,
      );
    } finally {
      err.mockRestore();
    }
  });
});
