import { chmod, open as openFile, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { CallInput, CallName } from '#core/contract';
import { ContentStore, LAST_GOOD_DIR } from './content-store.js';
import { anonymousContext, dispatch } from './dispatch.js';
import { HISTORY_DIR } from './history-store.js';
import { openServices } from './services.js';
import { paths, tempDir } from './test-helpers.js';

async function open(dataDir: string) {
  return ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
}

/** The store over `dataDir`, and a staff call to it through the dispatch (which parses saves). */
async function openWithCalls(dataDir: string) {
  const services = await openServices({
    dataDir,
    assetsDir: paths.assetsDir,
    version: '9.9.9',
    log: pino({ level: 'silent' }),
  });
  const call = <K extends CallName>(name: K, input: CallInput<K>) =>
    dispatch(services.handlers, name, input, anonymousContext(true), () => true);
  return { store: services.store, call, close: () => services.close() };
}

const shippedContent = () => readFile(path.join(paths.assetsDir, 'content/content.json'), 'utf8');

describe('content store', () => {
  it('seeds an empty folder with the default content and settings', async () => {
    const dir = await tempDir();
    const store = await open(path.join(dir, 'new', 'nested'));
    const snapshot = store.snapshot();
    expect(snapshot.problems).toEqual([]);
    expect(snapshot.playlist.slides.map((s) => s.id)).toEqual([
      'intro',
      'innovation',
      'partnerships',
      'diversity',
    ]);
    expect(snapshot.settings.defaultLanguage).toBe('en');
    const files = await readdir(path.join(dir, 'new', 'nested'));
    expect(files.sort()).toEqual(
      ['content.json', HISTORY_DIR, LAST_GOOD_DIR, 'settings.json'].sort(),
    );
    expect(await readFile(path.join(dir, 'new/nested/content.json'), 'utf8')).toBe(
      await shippedContent(),
    );
  });

  it('keeps files that are already there', async () => {
    const dir = await tempDir();
    const content = JSON.parse(await shippedContent());
    content.playlists[0].slides[0].title.en = 'Welcome';
    await writeFile(path.join(dir, 'content.json'), JSON.stringify(content));
    const store = await open(dir);
    expect(store.snapshot().playlist.slides[0]!.title.en).toBe('Welcome');
  });

  it('plays the last good copy of an invalid file and says what is wrong, by JSON path', async () => {
    const dir = await tempDir();
    const content = JSON.parse(await shippedContent());
    content.playlists[0].slides[0].title.en = 'Last good title';
    await writeFile(path.join(dir, 'content.json'), JSON.stringify(content));
    (await open(dir)).close();

    content.playlists[0].slides[1].durationMs = 'soon';
    await writeFile(path.join(dir, 'content.json'), JSON.stringify(content));
    const store = await open(dir);
    const snapshot = store.snapshot();
    expect(snapshot.playlist.slides[0]!.title.en).toBe('Last good title');
    expect(snapshot.problems[0]).toMatchObject({
      source: 'content.json',
      path: '$.playlists[0].slides[1].durationMs',
    });
    expect(snapshot.problems.at(-1)?.message).toBe('playing the last good copy instead');
    // The bad file stays on disk for staff to inspect and fix; nothing is overwritten.
    expect(
      JSON.parse(await readFile(path.join(dir, 'content.json'), 'utf8')).playlists[0].slides[1]
        .durationMs,
    ).toBe('soon');
  });

  it('falls back to the shipped defaults when there is no good copy, and reports broken JSON', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'content.json'), '{ "schemaVersion": 1, ');
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ idleTimeoutSec: 1 }));
    const store = await open(dir);
    const { problems, playlist, settings } = store.snapshot();
    expect(playlist.id).toBe('openness');
    expect(settings.idleTimeoutSec).toBe(90);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'content.json',
          path: '$',
          message: expect.stringMatching(/^not valid JSON/),
        }),
        expect.objectContaining({
          source: 'content.json',
          message: 'playing the default content instead',
        }),
        expect.objectContaining({ source: 'settings.json', path: '$.idleTimeoutSec' }),
      ]),
    );
  });

  it('changes revision and tells listeners when a file changes on disk', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const before = store.snapshot().revision;
    const seen: string[] = [];
    store.onChange((snapshot) => seen.push(snapshot.settings.defaultLanguage));
    await store.reload();
    expect(seen).toEqual([]);
    const settings = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'));
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({ ...settings, defaultLanguage: 'nl' }),
    );
    const after = await store.reload();
    expect(after.revision).not.toBe(before);
    expect(seen).toEqual(['nl']);
  });

  it('notices edits through its folder watcher', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    store.watch();
    const changed = new Promise((resolve) => store.onChange(resolve));
    const settings = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'));
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({ ...settings, countdownSec: 15 }),
    );
    await expect(changed).resolves.toMatchObject({ settings: { countdownSec: 15 } });
    store.close();
  });

  it('sweeps temp files left by an interrupted write', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'content.json.123456789'), 'half a file');
    await writeFile(path.join(dir, 'notes.txt.123'), 'not ours');
    (await open(dir)).close();
    const files = await readdir(dir);
    expect(files).not.toContain('content.json.123456789');
    expect(files).toContain('notes.txt.123');
    // A kill while the last good copy was being kept leaves one there too.
    await writeFile(path.join(dir, LAST_GOOD_DIR, 'settings.json.42'), '{"idleTim');
    (await open(dir)).close();
    expect((await readdir(path.join(dir, LAST_GOOD_DIR))).sort()).toEqual([
      'content.json',
      'settings.json',
    ]);
  });

  it('saves content atomically and refuses a save based on an old revision', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const first = store.snapshot();
    const edited = structuredClone(first.content);
    edited.playlists[0]!.name = 'Lobby';
    const saved = await store.saveContent(first.revision, edited);
    expect(saved.revision).not.toBe(first.revision);
    expect(
      JSON.parse(await readFile(path.join(dir, 'content.json'), 'utf8')).playlists[0].name,
    ).toBe('Lobby');
    // A second editor still holding the first revision is refused, and nothing changes.
    const stale = structuredClone(first.content);
    stale.playlists[0]!.name = 'Overwritten';
    await expect(store.saveContent(first.revision, stale)).rejects.toMatchObject({
      code: 'conflict',
      details: { revision: saved.revision },
    });
    expect(store.snapshot().content.playlists[0]!.name).toBe('Lobby');
  });

  it('lets only one of two simultaneous saves from the same revision win', async () => {
    const store = await open(await tempDir());
    const { revision, content } = store.snapshot();
    const a = structuredClone(content);
    a.playlists[0]!.name = 'A';
    const b = structuredClone(content);
    b.playlists[0]!.name = 'B';
    const results = await Promise.allSettled([
      store.saveContent(revision, a),
      store.saveContent(revision, b),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses invalid settings with problems by field and keeps what was saved', async () => {
    const dir = await tempDir();
    const { store, call, close } = await openWithCalls(dir);
    const { revision, settings } = store.snapshot();
    const before = await readFile(path.join(dir, 'settings.json'), 'utf8');
    await expect(
      call('settings:save', { baseRevision: revision, settings: { ...settings, countdownSec: 1 } }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      problems: [{ path: '$.settings.countdownSec' }],
    });
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(before);
    await close();
  });

  it('refuses a schedule date no calendar has, and an end before the start, by path', async () => {
    const dir = await tempDir();
    const { store, call, close } = await openWithCalls(dir);
    const { revision, content } = store.snapshot();
    const before = await readFile(path.join(dir, 'content.json'), 'utf8');
    const save = (edited: typeof content) =>
      call('content:save', { baseRevision: revision, content: edited });
    const impossible = structuredClone(content);
    impossible.playlists[0]!.schedule = { startDate: '2026-02-31' };
    await expect(save(impossible)).rejects.toMatchObject({
      code: 'invalid-input',
      problems: [
        {
          path: '$.content.playlists[0].schedule.startDate',
          message: expect.stringContaining('31 February 2026 does not exist'),
        },
      ],
    });
    const backwards = structuredClone(content);
    backwards.playlists[0]!.schedule = { startDate: '2026-03-10', endDate: '2026-03-01' };
    await expect(save(backwards)).rejects.toMatchObject({
      code: 'invalid-input',
      problems: [{ path: '$.content.playlists[0].schedule.endDate' }],
    });
    expect(await readFile(path.join(dir, 'content.json'), 'utf8')).toBe(before);
    await close();
  });

  it('reports a failed write clearly and keeps the old content', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const { revision, content } = store.snapshot();
    const before = await readFile(path.join(dir, 'content.json'), 'utf8');
    await chmod(dir, 0o500);
    try {
      const edited = structuredClone(content);
      edited.playlists[0]!.name = 'Never';
      const attempt = store.saveContent(revision, edited);
      // Root may write anyway; then the save simply succeeds.
      if (process.getuid?.() === 0) await attempt;
      else await expect(attempt).rejects.toMatchObject({ code: 'failed' });
    } finally {
      await chmod(dir, 0o700);
    }
    if (process.getuid?.() !== 0) {
      expect(await readFile(path.join(dir, 'content.json'), 'utf8')).toBe(before);
    }
  });

  it('says what and where when the disk is full, and keeps the old content', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const { revision, content } = store.snapshot();
    const before = await readFile(path.join(dir, 'content.json'), 'utf8');
    const probe = await openFile(path.join(dir, 'probe'), 'w');
    const handles = Object.getPrototypeOf(probe) as { write: () => Promise<never> };
    await probe.close();
    const full = vi
      .spyOn(handles, 'write')
      .mockRejectedValue(
        Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
      );
    try {
      const edited = structuredClone(content);
      edited.playlists[0]!.name = 'Never';
      await expect(store.saveContent(revision, edited)).rejects.toMatchObject({
        code: 'failed',
        message: `Could not save content.json in ${dir}: the disk is full. Nothing was changed.`,
      });
    } finally {
      full.mockRestore();
    }
    expect(await readFile(path.join(dir, 'content.json'), 'utf8')).toBe(before);
    expect(store.snapshot().revision).toBe(revision);
    expect((await readdir(dir)).filter((name) => name.startsWith('content.json.'))).toEqual([]);
  });

  it('migrates a version 1 content file forward and keeps the original', async () => {
    const dir = await tempDir();
    const v2 = JSON.parse(await shippedContent());
    const { defaultPlaylistId, ...rest } = v2;
    const v1 = { ...rest, schemaVersion: 1, activePlaylistId: defaultPlaylistId };
    await writeFile(path.join(dir, 'content.json'), JSON.stringify(v1));
    const store = await open(dir);
    expect(store.snapshot().problems).toEqual([]);
    expect(store.snapshot().content.defaultPlaylistId).toBe('openness');
    const onDisk = JSON.parse(await readFile(path.join(dir, 'content.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 2, defaultPlaylistId: 'openness' });
    expect(onDisk.activePlaylistId).toBeUndefined();
    const kept = JSON.parse(
      await readFile(path.join(dir, LAST_GOOD_DIR, 'content.json.v1'), 'utf8'),
    );
    expect(kept.activePlaylistId).toBe('openness');
  });

  it('refuses a content file from a newer version and plays the last good copy', async () => {
    const dir = await tempDir();
    (await open(dir)).close();
    const future = { ...JSON.parse(await shippedContent()), schemaVersion: 99 };
    await writeFile(path.join(dir, 'content.json'), JSON.stringify(future));
    const store = await open(dir);
    expect(store.snapshot().problems[0]).toMatchObject({
      path: '$.schemaVersion',
      message: expect.stringContaining('newer version'),
    });
    expect(store.snapshot().content.schemaVersion).toBe(2);
  });
});
