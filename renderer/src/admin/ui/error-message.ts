/**
 * The one way the admin turns a thrown value into the sentence staff read.
 */

/** The message of an Error, or the thrown value as text when something else was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
