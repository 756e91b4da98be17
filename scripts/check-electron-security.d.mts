/** Types of check-electron-security.mjs, for its tests. */

/** Where a global finding (one about the whole app, not a line) is filed. */
export const GLOBAL: string;

/** One finding of an electronegativity report. */
export interface Finding {
  check: string;
  /** Relative to the scanned folder (`main/window.ts`), or {@link GLOBAL}. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A finding justified in electron/electronegativity-allowed.json. */
export interface AllowedFinding {
  check: string;
  file: string;
  reason: string;
}

/** The findings of a SARIF report; throws when the text is not one. */
export function findingsOf(sarif: string): Finding[];
/** Findings no entry justifies, and entries that justify nothing. */
export function judge(
  findings: readonly Finding[],
  allowed: readonly AllowedFinding[],
): { unjustified: Finding[]; stale: AllowedFinding[] };
