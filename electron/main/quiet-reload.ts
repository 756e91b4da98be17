/**
 * The planned soft reload: once a day, in the hour staff chose (`quietReloadHour`, off when not
 * set), the player reloads to start the day fresh, but never while a visitor is using it.
 *
 * "Nobody is there" means no input for at least the idle timeout (`idleTimeoutSec`), as the
 * preload's heartbeat tells (recovery.ts). Without a heartbeat nothing is known, so nothing happens.
 * The hour is the kiosk's: in `timeZone` when set, else the computer's own.
 */
import type { BrowserWindow } from 'electron';
import type { Settings } from '#core/schema';
import { log } from './logger.js';

/** The settings the quiet-hour reload reads. */
export type QuietReloadSettings = Pick<Settings, 'quietReloadHour' | 'idleTimeoutSec' | 'timeZone'>;

/** How often the hour and the visitor are checked. */
export const QUIET_CHECK_MS = 60_000;

/** The hour (0 to 23) and the day (`YYYY-MM-DD`) of `now` in a time zone (the computer's if none). */
export function localHourAndDay(now: number, timeZone?: string): { hour: number; day: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { hour: Number(part('hour')), day: `${part('year')}-${part('month')}-${part('day')}` };
}

/** Why the quiet-hour reload does or does not happen now. */
export type QuietDecision =
  | { reload: true; day: string }
  | { reload: false; why: 'off' | 'not-the-hour' | 'done-today' | 'unknown-idle' | 'visitor' };

/** Whether to reload now; pure, so every case is testable. */
export function quietReloadDecision(
  now: number,
  settings: QuietReloadSettings,
  idleMs: number | undefined,
  lastDay: string | undefined,
): QuietDecision {
  if (settings.quietReloadHour === undefined) return { reload: false, why: 'off' };
  const { hour, day } = localHourAndDay(now, settings.timeZone);
  if (hour !== settings.quietReloadHour) return { reload: false, why: 'not-the-hour' };
  if (day === lastDay) return { reload: false, why: 'done-today' };
  if (idleMs === undefined) return { reload: false, why: 'unknown-idle' };
  if (idleMs < settings.idleTimeoutSec * 1000) return { reload: false, why: 'visitor' };
  return { reload: true, day };
}

/** What the quiet-hour reload works with. */
export interface QuietReloadDeps {
  getWindow(): BrowserWindow | null;
  getSettings(): QuietReloadSettings;
  /** How long nobody has touched the screen, or undefined when unknown. */
  idleMs(): number | undefined;
  now?: () => number;
}

/** Check every minute and reload the player once in the quiet hour; returns a stop function. */
export function setupQuietReload(deps: QuietReloadDeps): () => void {
  const now = deps.now ?? Date.now;
  let lastDay: string | undefined;
  let waitedOn: string | undefined;
  const check = () => {
    const window = deps.getWindow();
    if (!window || window.isDestroyed()) return;
    const settings = deps.getSettings();
    const decision = quietReloadDecision(now(), settings, deps.idleMs(), lastDay);
    if (decision.reload) {
      lastDay = decision.day;
      const idle = Math.round((deps.idleMs() ?? 0) / 1000);
      log().info(
        `quiet hour: planned soft reload of the player (hour ${settings.quietReloadHour}, ` +
          `no input for ${idle} s)`,
      );
      window.webContents.reload();
    } else if (decision.why === 'visitor' || decision.why === 'unknown-idle') {
      // Said once per day, not every minute.
      const { day } = localHourAndDay(now(), settings.timeZone);
      if (waitedOn === day) return;
      waitedOn = day;
      const reason = decision.why === 'visitor' ? 'a visitor is using it' : 'no heartbeat yet';
      log().info(`quiet hour: the planned reload waits, ${reason}`);
    }
  };
  const timer = setInterval(check, QUIET_CHECK_MS);
  return () => clearInterval(timer);
}
