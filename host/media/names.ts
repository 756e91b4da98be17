/**
 * Upload names and sizes as people see them. A name is only ever shown, never used as a path.
 */

import { MAX_UPLOAD_NAME_LENGTH } from '#core/limits';

// C0/C1 controls, plus bidi overrides and isolates, which can make "gpj.exe" read as "exe.jpg".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A file name fit for display: no folders, no control characters, at most 255 characters. */
export function displayName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(UNSAFE_CHARS, '').trim();
  if (clean === '' || clean === '.' || clean === '..') return 'untitled';
  // Cut by code points so a character outside the BMP is never split in half.
  return Array.from(clean).slice(0, MAX_UPLOAD_NAME_LENGTH).join('').trim();
}

/** A size in megabytes for messages (the rule lives in core). */
export { formatMB } from '#core/units';
