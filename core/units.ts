/**
 * Units of the numbers content and settings hold, and the one rule that converts between them.
 *
 * A limit lives once in core/limits.ts in the unit it is stored in; a form that shows the value
 * in another unit (a slide's duration is stored in milliseconds, typed in seconds) converts the
 * limit with `convert`, so the numbers staff read always come from the schema.
 */

/** A unit a number is stored or shown in. */
export type Unit = 'milliseconds' | 'seconds' | 'minutes' | 'hours' | 'days' | 'percent';

/** An inclusive range of whole numbers in one unit. */
export interface Range {
  min: number;
  max: number;
  unit: Unit;
}

// Time units by their length in milliseconds; percent stands alone.
const MILLISECONDS: Partial<Record<Unit, number>> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** `value` in `from` expressed in `to` (throws for units that do not convert, e.g. percent to days). */
export function convert(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  const a = MILLISECONDS[from];
  const b = MILLISECONDS[to];
  if (a === undefined || b === undefined) throw new Error(`cannot convert ${from} to ${to}`);
  return (value * a) / b;
}

/** A range expressed in another unit. */
export function rangeIn(range: Range, unit: Unit): Range {
  return {
    min: convert(range.min, range.unit, unit),
    max: convert(range.max, range.unit, unit),
    unit,
  };
}

/** What is said of a number outside `range`: `must be between 10 and 3600 seconds`. */
export function rangeMessage({ min, max, unit }: Range): string {
  return `must be between ${min} and ${max} ${unit}`;
}

/** Whether `value` is a whole number inside `range` (in the range's unit). */
export function inRange(value: number, range: Range): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** A size in megabytes (of 1024 × 1024 bytes) for messages: `600 MB`, `25.3 MB`, `0.5 MB`. */
export function formatMB(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const text = mb >= 100 ? Math.ceil(mb).toString() : (Math.ceil(mb * 10) / 10).toString();
  return `${text} MB`;
}
