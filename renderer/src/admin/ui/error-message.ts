/**
 * The one way the admin turns a thrown value into what staff read.
 */
import type { KioskFailure } from '#core/errors';
import { ApiError } from '../../api/api-error';

/** The message of an Error, or the thrown value as text when something else was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turn any error into what staff are shown: the host's failure itself. */
export function toFailure(error: unknown): KioskFailure {
  return ApiError.of(error).failure;
}
