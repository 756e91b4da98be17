/**
 * PIN hashing with scrypt: a random salt per PIN, compared in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PinRecord } from './auth-file.js';

/** scrypt cost parameters. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The parameters production hashes use (about 50–100 ms and 32 MiB per hash). */
export const SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** Hash a PIN with a fresh random salt. */
export async function hashPin(
  pin: string,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<PinRecord> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(pin, salt, KEY_LENGTH, params);
  return {
    algorithm: 'scrypt',
    N: params.N,
    r: params.r,
    p: params.p,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

/** Whether `pin` matches the stored record; false for a record that is not a valid one. */
export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  const parsed = PinRecord.safeParse(record);
  if (!parsed.success) return false;
  const { salt, hash, N, r, p } = parsed.data;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), expected.length, { N, r, p });
  return timingSafeEqual(actual, expected);
}

function derive(pin: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  // Node refuses scrypt above 32 MiB by default, which N=2**15, r=8 needs exactly.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r * params.p };
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
