import type { BrowserWindow as ElectronWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from '../test/fake-electron.js';
import { useFakeMainProcess } from '../test/main-process.js';
import {
  localHourAndDay,
  QUIET_CHECK_MS,
  quietReloadDecision,
  setupQuietReload,
  type QuietReloadSettings,
} from './quiet-reload.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const at = (iso: string) => Date.parse(iso);
const QUIET: QuietReloadSettings = { quietReloadHour: 4, idleTimeoutSec: 90, timeZone: 'UTC' };
const IDLE = 90_000;

describe('localHourAndDay', () => {
  it('reads the hour and the day in the kiosk time zone', () => {
    const now = at('2026-03-01T23:30:00Z');
    expect(localHourAndDay(now, 'UTC')).toEqual({ hour: 23, day: '2026-03-01' });
    expect(localHourAndDay(now, 'Europe/Brussels')).toEqual({ hour: 0, day: '2026-03-02' });
  });
});

describe('quietReloadDecision', () => {
  const in4 = at('2026-03-02T04:10:00Z');

  it('is off when no hour is set', () => {
    const settings = { ...QUIET, quietReloadHour: undefined };
    expect(quietReloadDecision(in4, settings, IDLE, undefined)).toEqual({
      reload: false,
      why: 'off',
    });
  });

  it('reloads in the hour when nobody touched the screen for the idle timeout', () => {
    expect(quietReloadDecision(in4, QUIET, IDLE, undefined)).toEqual({
      reload: true,
      day: '2026-03-02',
    });
  });

  it('waits outside the hour, once done today, without a heartbeat, or during a visit', () => {
    const why = (now: number, idle: number | undefined, last?: string) => {
      const decision = quietReloadDecision(now, QUIET, idle, last);
      return decision.reload ? 'reload' : decision.why;
    };
    expect(why(at('2026-03-02T05:00:00Z'), IDLE)).toBe('not-the-hour');
    expect(why(at('2026-03-02T03:59:59Z'), IDLE)).toBe('not-the-hour');
    expect(why(in4, IDLE, '2026-03-02')).toBe('done-today');
    expect(why(in4, IDLE, '2026-03-01')).toBe('reload');
    expect(why(in4, undefined)).toBe('unknown-idle');
    expect(why(in4, IDLE - 1)).toBe('visitor');
  });

  it('uses the kiosk time zone for the hour', () => {
    const brussels = { ...QUIET, timeZone: 'Europe/Brussels' };
    expect(quietReloadDecision(at('2026-03-02T03:10:00Z'), brussels, IDLE, undefined)).toEqual({
      reload: true,
      day: '2026-03-02',
    });
  });
});

describe('setupQuietReload', () => {
  const lines = useFakeMainProcess();

  function start(settings: QuietReloadSettings, idle: { ms: number | undefined }) {
    const window = new BrowserWindow({});
    const stop = setupQuietReload({
      getWindow: () => window as unknown as ElectronWindow,
      getSettings: () => settings,
      idleMs: () => idle.ms,
    });
    return { window, stop };
  }

  it('reloads once in the quiet hour and not again that day', () => {
    vi.setSystemTime(at('2026-03-02T03:58:30Z'));
    const { window, stop } = start(QUIET, { ms: IDLE });
    vi.advanceTimersByTime(QUIET_CHECK_MS);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(QUIET_CHECK_MS);
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    expect(lines.at(-1)).toMatch(
      /quiet hour: planned soft reload of the player \(hour 4, no input for 90 s\)/,
    );
    vi.advanceTimersByTime(60 * QUIET_CHECK_MS);
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    // The next day, again.
    vi.advanceTimersByTime(24 * 60 * QUIET_CHECK_MS);
    expect(window.webContents.reload).toHaveBeenCalledTimes(2);
    stop();
  });

  it('never reloads in the middle of a visit, and reloads once the visitor has gone', () => {
    vi.setSystemTime(at('2026-03-02T04:00:00Z'));
    const idle = { ms: 5_000 as number | undefined };
    const { window, stop } = start(QUIET, idle);
    vi.advanceTimersByTime(10 * QUIET_CHECK_MS);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    expect(lines.filter((line) => line.includes('waits, a visitor is using it'))).toHaveLength(1);
    idle.ms = IDLE;
    vi.advanceTimersByTime(QUIET_CHECK_MS);
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    stop();
  });

  it('does nothing when off (the default)', () => {
    vi.setSystemTime(at('2026-03-02T00:00:00Z'));
    const { window, stop } = start({ idleTimeoutSec: 90 }, { ms: 10 * IDLE });
    vi.advanceTimersByTime(24 * 60 * QUIET_CHECK_MS);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    stop();
  });

  it('stops checking when stopped', () => {
    vi.setSystemTime(at('2026-03-02T03:59:00Z'));
    const { window, stop } = start(QUIET, { ms: IDLE });
    stop();
    vi.advanceTimersByTime(10 * QUIET_CHECK_MS);
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });
});
