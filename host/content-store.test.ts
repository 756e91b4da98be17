import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentStore, LAST_GOOD_DIR } from './content-store.js';
import { paths, tempDir } from './test-helpers.js';

async function open(dataDir: string) {
  return ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
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
    expect(files.sort()).toEqual(['content.json', LAST_GOOD_DIR, 'settings.json'].sort());
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
  });
});
