import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/errors';
import {
  ALERT_FILE,
  ALERT_TEMPLATES_FILE,
  AlertStore,
  readDefaultLanguage,
} from './alert-store.js';
import { tempDir } from './test-helpers.js';

describe('AlertStore', () => {
  it('stores a message atomically, reads it back after a restart, and clears it', async () => {
    const dataDir = await tempDir();
    const store = await AlertStore.open({ dataDir });
    expect(await store.get()).toEqual({ alert: null, startsInMs: null, expiresInMs: null });

    const set = await store.set({ text: { en: ' Closed today ', fr: '' } }, 'en');
    expect(set.alert?.text).toEqual({ en: 'Closed today' });
    expect(await readdir(dataDir)).toEqual([ALERT_FILE]);

    const reopened = await AlertStore.open({ dataDir });
    expect((await reopened.get()).alert).toEqual(set.alert);

    await reopened.clear();
    expect(await reopened.get()).toEqual({ alert: null, startsInMs: null, expiresInMs: null });
    expect(await readdir(dataDir)).toEqual([]);
    await reopened.clear(); // clearing twice is fine
  });

  it('refuses a message without the default language and keeps the one showing', async () => {
    const dataDir = await tempDir();
    const store = await AlertStore.open({ dataDir });
    await store.set({ text: { en: 'First' } }, 'en');
    const refused = store.set({ text: { fr: 'Deuxième' } }, 'en');
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow('$.text.en');
    expect((await store.get()).alert?.text).toEqual({ en: 'First' });
  });

  it('treats an expired message as cleared', async () => {
    const dataDir = await tempDir();
    let now = Date.parse('2026-05-01T12:00:00Z');
    const store = await AlertStore.open({ dataDir, now: () => now });
    await store.set({ text: { en: 'Soon gone' }, expiresAt: '2026-05-01T12:05:00Z' }, 'en');
    expect((await store.get()).expiresInMs).toBe(5 * 60_000);
    now += 5 * 60_000;
    expect((await store.get()).alert).toBeNull();
  });

  it('keeps a start time: the message waits until then', async () => {
    const dataDir = await tempDir();
    let now = Date.parse('2026-05-01T12:00:00Z');
    const store = await AlertStore.open({ dataDir, now: () => now });
    const input = { text: { en: 'Tonight' }, startsAt: '2026-05-01T14:00:00+02:00' };
    expect((await store.set(input, 'en')).startsInMs).toBe(0);
    await store.set({ ...input, startsAt: '2026-05-01T12:10:00Z' }, 'en');
    expect(await store.get()).toMatchObject({ startsInMs: 10 * 60_000, expiresInMs: null });
    now += 10 * 60_000;
    expect((await store.get()).startsInMs).toBe(0);
  });

  it('keeps templates across a restart; adds, replaces and deletes them by name', async () => {
    const dataDir = await tempDir();
    const store = await AlertStore.open({ dataDir });
    expect(await store.templates()).toEqual([]);
    await Promise.all([
      store.saveTemplate({ name: 'Fire drill', text: { en: 'Fire drill at noon' } }),
      store.saveTemplate({ name: 'Closed', text: { en: 'Closed today' } }),
    ]);
    const reopened = await AlertStore.open({ dataDir });
    expect((await reopened.templates()).map((t) => t.name)).toEqual(['Closed', 'Fire drill']);
    expect(await reopened.deleteTemplate('fire drill')).toEqual([
      { name: 'Closed', text: { en: 'Closed today' } },
    ]);
    const file = path.join(dataDir, ALERT_TEMPLATES_FILE);
    await writeFile(file, '[{"name": ""}]');
    await expect(reopened.saveTemplate({ name: 'X', text: { en: 'x' } })).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('[{"name": ""}]');
  });

  it('notices a file changed on disk by another process', async () => {
    const dataDir = await tempDir();
    const store = await AlertStore.open({ dataDir });
    const other = await AlertStore.open({ dataDir });
    await other.set({ text: { en: 'From the command line' } }, 'en');
    expect((await store.get()).alert?.text.en).toBe('From the command line');
    await other.clear();
    expect((await store.get()).alert).toBeNull();
  });

  it('reports an invalid file, shows no message and leaves the file untouched', async () => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, ALERT_FILE);
    await writeFile(file, '{"text": {"en": ""}}');
    const store = await AlertStore.open({ dataDir });
    expect((await store.get()).alert).toBeNull();
    expect(store.problems().map((p) => p.source)).toContain(ALERT_FILE);
    expect(await readFile(file, 'utf8')).toBe('{"text": {"en": ""}}');

    await writeFile(file, 'not json');
    expect((await store.get()).alert).toBeNull();
    expect(store.problems()[0]?.message).toContain('cannot be read as JSON');
  });

  it('reads the default language from the settings, else "en"', async () => {
    const dataDir = await tempDir();
    expect(await readDefaultLanguage(dataDir)).toBe('en');
    await writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ defaultLanguage: 'fr', enabledLanguages: ['fr', 'en'] }),
    );
    expect(await readDefaultLanguage(dataDir)).toBe('fr');
  });
});
