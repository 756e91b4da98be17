/**
 * Emergency message times in the kiosk's own time zone: what staff type into a
 * `datetime-local` field and how a start or expiry reads back.
 */
import { wallTime } from '../schedule/zoned-time';

/**
 * A `datetime-local` value ("2026-05-01T17:30") read on the wall clock of `timeZone`, as an ISO
 * time; undefined when empty or not a time. A time in a spring-forward gap moves on by the gap.
 */
export function wallInputToIso(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return undefined;
  const offset = (instant: number) => {
    const w = wallTime(instant, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - instant;
  };
  // Two rounds find the offset in force at that wall time, across a daylight-saving change.
  let instant = asUtc - offset(asUtc);
  instant = asUtc - offset(instant);
  return new Date(instant).toISOString();
}

/** An ISO time as the kiosk's clock shows it, such as "1 May 2026, 17:30". */
export function kioskTimeText(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString(undefined, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
