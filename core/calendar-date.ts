/**
 * Calendar dates as staff type them (`YYYY-MM-DD`): whether the calendar has them, in words.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** How many days a month of a year has (month 1 to 12). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (years below 100 stay as written).
  return new Date(new Date(0).setUTCFullYear(year, month, 0)).getUTCDate();
}

/**
 * Why a `YYYY-MM-DD` text is not a day of the calendar, or undefined when it is one.
 *
 * E.g. "31 February 2026 does not exist: February 2026 has 28 days".
 */
export function calendarDateProblem(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return `"${date}" is not a date like 2026-03-29`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `${date} has no month ${month}: months go from 01 to 12`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const name = `${MONTHS[month - 1]} ${year}`;
    return `${day} ${name} does not exist: ${name} has ${last} days`;
  }
  return undefined;
}
