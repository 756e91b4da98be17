/**
 * The auth tests' fixture: scrypt cheap enough for tests, and an AuthService on a fresh data
 * folder with a test clock.
 */
import path from 'node:path';
import { tempDir } from '../test-helpers.js';
import { AuthService } from './auth-service.js';

/** scrypt parameters cheap enough for tests (production uses SCRYPT_PARAMS). */
export const FAST = { N: 2 ** 10, r: 8, p: 1 };

/** An AuthService on a fresh data folder and the clock `now`, with `pin` set when given. */
export async function authInTempDir(now: () => number, pin: string | undefined) {
  const dataDir = await tempDir();
  const auth = await AuthService.open({ dataDir, now, hashParams: FAST });
  if (pin) await auth.setPin(pin);
  return { dataDir, auth, file: path.join(dataDir, 'auth.json') };
}
