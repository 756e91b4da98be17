import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_TIMEOUT_MS } from '../common/heartbeat.js';
import * as electron from '../test/fake-electron.js';
import { useFakeMainProcess } from '../test/main-process.js';
import { BrowserWindow } from '../test/fake-electron.js';
import {
  FailureBudget,
  GPU_OFF_FILE,
  GPU_OFF_MS,
  GPU_OFF_SWITCH,
  gpuTurnedOff,
  RECOVERY_LIMITS,
  relaunchApp,
  RendererRecovery,
  setupGpuRecovery,
} from './recovery.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const lines = useFakeMainProcess();

const asElectron = (window: BrowserWindow) => window as unknown as ElectronWindow;

/** A renderer crash as Electron reports it. */
function crash(window: BrowserWindow, reason = 'crashed', exitCode = 139) {
  window.webContents.emit('render-process-gone', {}, { reason, exitCode });
}

/** Recovery watching one window; `openWindow` makes and watches another, as index.ts does. */
function setup() {
  const relaunch = vi.fn();
  const recovery: RendererRecovery = new RendererRecovery({
    openWindow: vi.fn(() => {
      const fresh = new BrowserWindow({});
      recovery.watch(asElectron(fresh));
      return asElectron(fresh);
    }),
    relaunch,
    now: () => Date.now(),
  });
  const window = new BrowserWindow({});
  recovery.watch(asElectron(window));
  return { recovery, window, relaunch };
}

describe('FailureBudget', () => {
  it('reloads after 1, 2, 4, 8 s, then opens fresh windows, then relaunches', () => {
    const budget = new FailureBudget();
    const actions = Array.from({ length: 8 }, (_, i) => budget.record(i * 1000));
    expect(actions).toEqual([
      { kind: 'reload', delayMs: 1000 },
      { kind: 'reload', delayMs: 2000 },
      { kind: 'reload', delayMs: 4000 },
      { kind: 'reload', delayMs: 8000 },
      { kind: 'fresh-window' },
      { kind: 'fresh-window' },
      { kind: 'relaunch' },
      { kind: 'relaunch' },
    ]);
  });

  it('forgets failures older than its window', () => {
    const budget = new FailureBudget();
    budget.record(0);
    budget.record(1000);
    expect(budget.record(1000 + RECOVERY_LIMITS.windowMs)).toEqual({
      kind: 'reload',
      delayMs: 1000,
    });
    expect(budget.recent).toBe(1);
  });

  it('never waits longer than the cap', () => {
    const budget = new FailureBudget({ ...RECOVERY_LIMITS, reloads: 10, maxReloadMs: 5000 });
    const delays = Array.from({ length: 10 }, (_, i) => budget.record(i)).map((action) =>
      action.kind === 'reload' ? action.delayMs : -1,
    );
    expect(Math.max(...delays)).toBe(5000);
  });
});

describe('RendererRecovery: crashes', () => {
  it('reloads the player within 3 s of a crash and logs why', () => {
    const { window } = setup();
    crash(window, 'oom', 5);
    vi.advanceTimersByTime(999);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    expect(lines.join('')).toMatch(
      /warn {2}recovery: the renderer process ended \(oom, exit code 5\); reloading the player in 1 s/,
    );
  });

  it('backs off when crashes repeat', () => {
    const { window } = setup();
    const reloadedAfter: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = Date.now();
      crash(window);
      vi.advanceTimersToNextTimer();
      expect(window.webContents.reload).toHaveBeenCalledTimes(i + 1);
      reloadedAfter.push(Date.now() - before);
    }
    expect(reloadedAfter).toEqual([1000, 2000, 4000, 8000]);
  });

  it('replaces the window past the reload budget, then relaunches the app', () => {
    const { window, relaunch } = setup();
    for (let i = 0; i < 4; i++) {
      crash(window);
      vi.advanceTimersToNextTimer();
    }
    crash(window);
    expect(BrowserWindow.created).toHaveLength(2);
    expect(window.destroy).toHaveBeenCalledOnce();
    expect(lines.at(-1)).toMatch(
      /error recovery: .*; opening a fresh window \(failure 5 in 10 min\)/,
    );

    const second = BrowserWindow.created[1]!;
    crash(second);
    expect(BrowserWindow.created).toHaveLength(3);
    expect(second.destroy).toHaveBeenCalledOnce();

    crash(BrowserWindow.created[2]!);
    expect(relaunch).toHaveBeenCalledOnce();
    expect(lines.at(-1)).toMatch(/error recovery: .*; relaunching the app \(failure 7 in 10 min\)/);
  });

  it('does not reload a window that was closed meanwhile', () => {
    const { window } = setup();
    crash(window);
    window.destroy();
    vi.advanceTimersByTime(60_000);
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });
});

describe('RendererRecovery: the heartbeat watchdog', () => {
  it('kills and reloads a renderer whose heartbeat stops after it loaded', () => {
    const { recovery, window } = setup();
    window.webContents.emit('did-finish-load');
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(5000);
      recovery.beat(asElectron(window), { idleMs: 0 });
    }
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();

    vi.advanceTimersByTime(HEARTBEAT_TIMEOUT_MS);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(lines.at(-1)).toMatch(/no heartbeat for 30 s \(the player froze\); reloading/);
    // The kill's own render-process-gone is expected, not a second failure.
    crash(window, 'killed', 9);
    expect(lines.at(-1)).toMatch(/after the watchdog stopped it/);
    vi.advanceTimersByTime(1000);
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_000);
    expect(window.webContents.reload).toHaveBeenCalledOnce();
  });

  it('treats a page that loads and never beats as frozen', () => {
    const { window } = setup();
    window.webContents.emit('did-finish-load');
    vi.advanceTimersByTime(HEARTBEAT_TIMEOUT_MS);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
  });

  it('does not watch a crashed renderer: the crash path owns it', () => {
    const { window } = setup();
    window.webContents.emit('did-finish-load');
    crash(window);
    vi.advanceTimersByTime(HEARTBEAT_TIMEOUT_MS * 2);
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(window.webContents.reload).toHaveBeenCalledOnce();
  });

  it('logs unresponsive and responsive', () => {
    const { window } = setup();
    window.webContents.emit('unresponsive');
    window.webContents.emit('responsive');
    expect(lines.join('')).toMatch(/not answering input[\s\S]*answers input again/);
  });

  it('knows how long the screen has gone untouched, from the latest beat', () => {
    const { recovery, window } = setup();
    expect(recovery.idleMs()).toBeUndefined();
    recovery.beat(asElectron(window), { idleMs: 7000 });
    vi.advanceTimersByTime(3000);
    expect(recovery.idleMs()).toBe(10_000);
  });

  it('stops its timers on dispose', () => {
    const { recovery, window } = setup();
    window.webContents.emit('did-finish-load');
    recovery.dispose();
    vi.advanceTimersByTime(HEARTBEAT_TIMEOUT_MS * 2);
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });
});

describe('GPU recovery', () => {
  const gpuGone = (reason = 'crashed') =>
    electron.app.emit('child-process-gone', {}, { type: 'GPU', reason, exitCode: 1 });

  it('relaunches without hardware acceleration after repeated GPU crashes', () => {
    const relaunch = vi.fn();
    const argv = ['/opt/kiosk/kiosk', '.', '--data', '/d'];
    setupGpuRecovery({ argv, relaunch, now: () => Date.now() });
    gpuGone();
    gpuGone('oom');
    expect(relaunch).not.toHaveBeenCalled();
    gpuGone();
    expect(relaunch).toHaveBeenCalledExactlyOnceWith(['.', '--data', '/d', GPU_OFF_SWITCH]);
    expect(lines.at(-1)).toMatch(
      /GPU failure 3 in 10 min\); relaunching with hardware acceleration off/,
    );
    gpuGone();
    expect(relaunch).toHaveBeenCalledOnce();
  });

  it('forgets GPU crashes older than ten minutes, and ignores clean exits', () => {
    const relaunch = vi.fn();
    setupGpuRecovery({ argv: ['kiosk'], relaunch, now: () => Date.now() });
    gpuGone();
    gpuGone();
    vi.advanceTimersByTime(RECOVERY_LIMITS.windowMs);
    gpuGone();
    gpuGone('clean-exit');
    expect(relaunch).not.toHaveBeenCalled();
  });

  it('only logs when acceleration is already off, and logs every other child process', () => {
    const relaunch = vi.fn();
    setupGpuRecovery({ argv: ['kiosk', GPU_OFF_SWITCH], relaunch, now: () => Date.now() });
    for (let i = 0; i < 5; i++) gpuGone();
    expect(relaunch).not.toHaveBeenCalled();
    expect(lines.at(-1)).toMatch(/with acceleration already off/);
    electron.app.emit(
      'child-process-gone',
      {},
      {
        type: 'Utility',
        name: 'Audio Service',
        reason: 'crashed',
        exitCode: 3,
      },
    );
    expect(lines.at(-1)).toMatch(/Utility process \(Audio Service\) ended: crashed, exit code 3/);
  });

  it('reads the switch from the command line', () => {
    expect(gpuTurnedOff(['kiosk', '.'])).toBe(false);
    expect(gpuTurnedOff(['kiosk', '.', '--disable-gpu'])).toBe(true);
  });

  it('remembers the decision for a week, so a reboot does not bring the crashes back', () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'kiosk-gpu-'));
    try {
      const relaunch = vi.fn();
      const start = Date.now();
      setupGpuRecovery({ argv: ['kiosk', '.'], relaunch, userData, now: () => Date.now() });
      for (let i = 0; i < 3; i++) gpuGone();
      expect(relaunch).toHaveBeenCalledOnce();
      const saved = JSON.parse(readFileSync(path.join(userData, GPU_OFF_FILE), 'utf8'));
      expect(saved).toMatchObject({ reason: '3 GPU failures in 10 min' });
      expect(Date.parse(saved.until) - Date.parse(saved.since)).toBe(GPU_OFF_MS);

      // A later start without the switch (after a reboot) keeps acceleration off for the week.
      expect(gpuTurnedOff(['kiosk', '.'], userData, start + GPU_OFF_MS - 60_000)).toBe(true);
      expect(gpuTurnedOff(['kiosk', '.'], userData, start + GPU_OFF_MS + 60_000)).toBe(false);
      // A damaged file, or none, leaves the GPU on.
      writeFileSync(path.join(userData, GPU_OFF_FILE), '{"until": 12');
      expect(gpuTurnedOff(['kiosk', '.'], userData, start)).toBe(false);
      expect(gpuTurnedOff(['kiosk', '.'], path.join(userData, 'missing'), start)).toBe(false);
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });

  it('still relaunches when the decision cannot be written down', () => {
    const relaunch = vi.fn();
    const userData = path.join(os.tmpdir(), 'kiosk-no-such-folder', 'deeper');
    setupGpuRecovery({ argv: ['kiosk'], relaunch, userData, now: () => Date.now() });
    for (let i = 0; i < 3; i++) gpuGone();
    expect(relaunch).toHaveBeenCalledOnce();
    expect(lines.some((line) => /cannot remember that acceleration is off/.test(line))).toBe(true);
  });

  it('relaunches by quitting, and exits if the quit hangs', () => {
    relaunchApp(['.', GPU_OFF_SWITCH]);
    expect(electron.app.relaunch).toHaveBeenCalledWith({ args: ['.', GPU_OFF_SWITCH] });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.exit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(electron.app.exit).toHaveBeenCalledWith(0);
  });
});
