import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminState, CallInput, CallName, CallOutput } from '#core/contract';
import { CONTENT_FILE } from './content-store.js';
import { anonymousContext, dispatch } from './dispatch.js';
import { openServices, type Services } from './services.js';
import { paths, tempDir } from './test-helpers.js';

let services: Services | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

/** The real services over a fresh data folder (watching it), and staff calls through the dispatch. */
async function open() {
  const dataDir = await tempDir();
  services = await openServices({
    dataDir,
    assetsDir: paths.assetsDir,
    version: '9.9.9',
    log: pino({ level: 'silent' }),
  });
  const { store, handlers } = services;
  const call = <K extends CallName>(name: K, input: CallInput<K>) =>
    dispatch(handlers, name, input, anonymousContext(true), () => true) as Promise<CallOutput<K>>;
  return { dataDir, store, call };
}

// Long enough for the watcher's event (debounced 100 ms) about the store's own write to arrive.
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('the save path', () => {
  it('reads the files once per content, settings or history save, and not again for its own write', async () => {
    const { store, call } = await open();
    const saves: (() => Promise<AdminState>)[] = [
      () => {
        const { revision, content } = store.snapshot();
        const edited = structuredClone(content);
        edited.playlists[0]!.name = 'Lobby';
        return call('content:save', { baseRevision: revision, content: edited });
      },
      () => {
        const { revision, settings } = store.snapshot();
        const edited = { ...settings, idleTimeoutSec: 120 };
        return call('settings:save', { baseRevision: revision, settings: edited });
      },
      async () => {
        const { versions } = await call('history:list', undefined);
        const oldest = versions.at(-1)!;
        return call('history:restore', { baseRevision: store.snapshot().revision, id: oldest.id });
      },
    ];
    for (const save of saves) {
      const before = store.reloads;
      const revision = store.snapshot().revision;
      const saved = await save();
      expect(saved.revision).not.toBe(revision);
      expect(saved).toEqual(await call('admin:get', undefined));
      expect(store.reloads).toBe(before + 1);
      // What the watcher does for the store's own write: nothing changed on disk, nothing read.
      await store.reload();
      await settle();
      expect(store.reloads).toBe(before + 1);
    }
    expect(store.snapshot().content.playlists[0]!.name).not.toBe('Lobby');
    expect(store.snapshot().settings.idleTimeoutSec).toBe(90);
  });

  it('returns the new admin state from a save, as admin:get then gives it', async () => {
    const { store, call } = await open();
    const { revision, content } = store.snapshot();
    const edited = structuredClone(content);
    edited.playlists[0]!.name = 'Lobby';
    const saved = await call('content:save', { baseRevision: revision, content: edited });
    expect(saved.revision).toBe(store.snapshot().revision);
    expect(saved).toEqual(await call('admin:get', undefined));
    expect(saved.content.playlists[0]!.name).toBe('Lobby');
  });

  it('still picks up an edit of content.json on disk, reading it once', async () => {
    const { dataDir, store } = await open();
    await settle();
    const before = store.reloads;
    const file = path.join(dataDir, CONTENT_FILE);
    const content = JSON.parse(await readFile(file, 'utf8'));
    content.playlists[0].name = 'Edited on disk';
    // As an editor saves: a whole new file moved into place.
    await writeFile(`${file}.edit`, JSON.stringify(content, null, 2));
    await rename(`${file}.edit`, file);
    await expect
      .poll(() => store.snapshot().content.playlists[0]!.name, { timeout: 10_000 })
      .toBe('Edited on disk');
    await settle();
    expect(store.reloads).toBe(before + 1);
  });
});
