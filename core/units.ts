/**
 * Units of the numbers content and settings hold, and the one rule that converts between them.
 *
 * A limit lives once in core/schema.ts in the unit it is stored in; a form that shows the value
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

/** Whether `value` is a whole number inside `range` (in the range's unit). */
export function inRange(value: number, range: Range): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}
