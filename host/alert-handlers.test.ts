import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHandlers } from './handler-fixture.js';

describe('emergency message calls', () => {
  it('are public to read, staff-only to change, and validated against the settings', async () => {
    const host = await openHandlers();
    const visitor = host.caller();
    const staff = host.caller();

    expect(await visitor.value('alert:get')).toEqual({
      alert: null,
      startsInMs: null,
      expiresInMs: null,
    });
    const locked = await visitor.call('alert:set', { text: { en: 'Closed' } });
    expect(locked).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await visitor.call('alert:clear')).toMatchObject({ error: { code: 'unauthorized' } });

    expect(await staff.value('auth:create-pin', { pin: '246810' })).toMatchObject({
      unlocked: true,
    });

    const missingDefault = await staff.call('alert:set', { text: { fr: 'Fermé' } });
    expect(missingDefault).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', problems: [{ path: '$.text.en' }] },
    });
    const empty = await staff.call('alert:set', { text: { en: ' ' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    const set = await staff.value('alert:set', { text: { en: 'Closed', fr: 'Fermé' }, expiresAt });
    expect(set.alert?.text).toEqual({ en: 'Closed', fr: 'Fermé' });
    expect(set.expiresInMs).toBeGreaterThan(0);
    expect((await visitor.value('alert:get')).alert?.expiresAt).toBe(expiresAt);

    const cleared = await staff.value('alert:clear');
    expect(cleared).toEqual({ alert: null, startsInMs: null, expiresInMs: null });
    expect((await visitor.value('alert:get')).alert).toBeNull();
  });

  it('keeps an active message across a restart and reports a damaged file in health', async () => {
    let host = await openHandlers();
    const staff = host.caller();
    await staff.value('auth:create-pin', { pin: '246810' });
    await staff.value('alert:set', { text: { en: 'Evacuate' } });

    host = await host.restart();
    const visitor = host.caller();
    expect((await visitor.value('alert:get')).alert?.text).toEqual({ en: 'Evacuate' });

    await writeFile(path.join(host.dataDir, 'alert.json'), '{ broken');
    expect((await visitor.value('alert:get')).alert).toBeNull();
    expect((await visitor.value('health:get')).problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'alert.json' })]),
    );
  });
});
