import { describe, expect, it } from 'vitest';
import { PinRecord } from './auth-file.js';
import { hashPin, SCRYPT_PARAMS, verifyPin } from './pin-hash.js';
import { FAST } from './test-auth.js';

describe('PIN hashing', () => {
  it('uses scrypt with N=2**15, r=8, p=1, a 16-byte salt and a 32-byte key in production', async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    const record = await hashPin('482913');
    expect(record).toMatchObject({ algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(record.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(record.hash, 'base64')).toHaveLength(32);
    expect(PinRecord.safeParse(record).success).toBe(true);
    expect(await verifyPin('482913', record)).toBe(true);
    expect(await verifyPin('482914', record)).toBe(false);
  });

  it('accepts the right PIN and refuses others', async () => {
    const record = await hashPin('1234', FAST);
    expect(await verifyPin('1234', record)).toBe(true);
    for (const wrong of ['1235', '12345', '0000', '', '1234 ', ' 1234']) {
      expect(await verifyPin(wrong, record), wrong).toBe(false);
    }
  });

  it('salts each hash differently, so equal PINs do not give equal records', async () => {
    const a = await hashPin('1234', FAST);
    const b = await hashPin('1234', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin('1234', b)).toBe(true);
  });

  it('stores neither the PIN nor anything it can be read from', async () => {
    const pin = '987654321012';
    const text = JSON.stringify(await hashPin(pin, FAST));
    expect(text).not.toContain(pin);
    expect(text).not.toContain(Buffer.from(pin).toString('base64'));
    expect(text).not.toContain(Buffer.from(pin).toString('hex'));
  });

  it('refuses records that are not valid instead of throwing', async () => {
    const record = await hashPin('1234', FAST);
    const bad = [
      { ...record, algorithm: 'md5' },
      { ...record, N: 1000 },
      { ...record, N: 2 ** 30 },
      { ...record, hash: 'not base64!' },
      { ...record, salt: '' },
    ];
    for (const candidate of bad) {
      expect(await verifyPin('1234', candidate as PinRecord)).toBe(false);
    }
  });
});
