/**
 * The staff PIN rule, with no zod: the admin checks a PIN with it before asking the host, and the
 * contract's `Pin` schema, the host and the command line say it in the same words.
 */
import { PIN_DIGITS } from './limits.js';

/** What a PIN is, for people: `4 to 12 digits`. */
export const PIN_DIGITS_TEXT = `${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits`;

/** Only digits, from `PIN_DIGITS.min` to `PIN_DIGITS.max` of them. */
export const PIN_PATTERN = new RegExp(`^\\d{${PIN_DIGITS.min},${PIN_DIGITS.max}}$`);

/** Whether a string is a PIN. */
export function isPin(value: string): boolean {
  return PIN_PATTERN.test(value);
}

/** What is said of a field that holds no PIN: `must be 4 to 12 digits`. */
export const PIN_PROBLEM = `must be ${PIN_DIGITS_TEXT}`;

/** What to tell staff about a PIN that breaks the rule. */
export const PIN_RULE = `A PIN is ${PIN_DIGITS_TEXT} (0–9).`;

/** The most digits a PIN has; the keypad stops there. */
export const PIN_MAX_LENGTH = PIN_DIGITS.max;
