import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_FILE, ContentStore, SETTINGS_FILE } from '../content-store.js';
import { paths, tempDir } from '../test-helpers.js';
import { SWITCH_JOURNAL, switchFiles } from './switch-journal.js';

async function seeded() {
  const dataDir = await tempDir('kiosk-journal-');
  (await ContentStore.open({ dataDir, assetsDir: paths.assetsDir })).close();
  const read = (name: string) => readFile(path.join(dataDir, name), 'utf8');
  return { dataDir, read, settings: await read(SETTINGS_FILE), content: await read(CONTENT_FILE) };
}

describe('the fleet switch journal', () => {
  it('a store that starts and finds a journal completes the switch, then removes it', async () => {
    const { dataDir, read, settings, content } = await seeded();
    const newSettings = settings.replace(/"idleTimeoutSec": \d+/, '"idleTimeoutSec": 93');
    const newContent = content.replace('"About us"', '"About us, switched"');
    expect(newContent).not.toBe(content);
    // As a crash between the two writes leaves it: new settings, old content, the journal.
    const texts = { [SETTINGS_FILE]: newSettings, [CONTENT_FILE]: newContent };
    await writeFile(path.join(dataDir, SWITCH_JOURNAL), JSON.stringify(texts));
    await writeFile(path.join(dataDir, SETTINGS_FILE), newSettings);

    const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
    store.close();
    expect(await read(SETTINGS_FILE)).toBe(newSettings);
    expect(await read(CONTENT_FILE)).toBe(newContent);
    expect(store.snapshot().settings.idleTimeoutSec).toBe(93);
    expect(await readdir(dataDir)).not.toContain(SWITCH_JOURNAL);
  });

  it('drops a journal it cannot read and leaves the files as they are', async () => {
    const { dataDir, read, settings, content } = await seeded();
    await writeFile(path.join(dataDir, SWITCH_JOURNAL), '{"settings.json": 12');
    (await ContentStore.open({ dataDir, assetsDir: paths.assetsDir })).close();
    expect(await read(SETTINGS_FILE)).toBe(settings);
    expect(await read(CONTENT_FILE)).toBe(content);
    expect(await readdir(dataDir)).not.toContain(SWITCH_JOURNAL);
  });

  it('puts the old texts back when the second write fails, and leaves no journal', async () => {
    const { dataDir, read, settings, content } = await seeded();
    // The second file cannot be written: where its folder should be there is a file.
    await writeFile(path.join(dataDir, 'blocked'), 'x');
    const texts = { [SETTINGS_FILE]: `${settings} `, 'blocked/inner.json': '{}' };
    await expect(switchFiles(dataDir, texts)).rejects.toThrow();
    expect(await read(SETTINGS_FILE)).toBe(settings);
    expect(await read(CONTENT_FILE)).toBe(content);
    expect(await readdir(dataDir)).not.toContain(SWITCH_JOURNAL);
  });
});
