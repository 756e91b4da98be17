/**
 * The PIN rule, checked before asking the host (which checks it again).
 */

/** Whether a string is a PIN: 4 to 12 digits. */
export function isPin(value: string): boolean {
  return /^\d{4,12}$/.test(value);
}

/** What to tell staff about a PIN that breaks the rule. */
export const PIN_RULE = 'A PIN is 4 to 12 digits (0–9).';

/** The most digits a PIN has; the keypad stops there. */
export const PIN_MAX_LENGTH = 12;
