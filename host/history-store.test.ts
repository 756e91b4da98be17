import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '#core/contract';
import { BASELINE_SUMMARY, HISTORY_LIMIT, type SavedState } from '#core/history';
import { ContentFile, DEFAULT_SETTINGS } from '#core/schema';
import { ContentStore } from './content-store.js';
import { HISTORY_DIR, HistoryStore, versionFile } from './history-store.js';
import { openServices } from './services.js';
import { paths, tempDir } from './test-helpers.js';

async function shipped(): Promise<SavedState> {
  const text = await readFile(path.join(paths.assetsDir, 'content/content.json'), 'utf8');
  return { content: ContentFile.parse(JSON.parse(text)), settings: DEFAULT_SETTINGS };
}

const entry = (n: number) => ({
  at: new Date(n * 1000).toISOString(),
  who: 'at the kiosk',
  summary: `save ${n}`,
});

describe('history store', () => {
  it('keeps the newest versions first, at most the limit, oldest removed from disk', async () => {
    const dataDir = await tempDir();
    const state = await shipped();
    const history = await HistoryStore.open(dataDir, 5);
    for (let n = 1; n <= 8; n++) await history.record(state, entry(n));
    expect(history.list().map((e) => e.summary)).toEqual([
      'save 8',
      'save 7',
      'save 6',
      'save 5',
      'save 4',
    ]);
    expect((await readdir(path.join(dataDir, HISTORY_DIR))).sort()).toEqual(
      [4, 5, 6, 7, 8].map(versionFile),
    );
    expect((await history.get('6')).content).toEqual(state.content);
    await expect(history.get('2')).rejects.toThrow(/no longer kept/);
  });

  it('reads the same history after a restart, and goes on numbering after the newest', async () => {
    const dataDir = await tempDir();
    const state = await shipped();
    const first = await HistoryStore.open(dataDir);
    for (let n = 1; n <= 3; n++) await first.record(state, entry(n));
    const again = await HistoryStore.open(dataDir);
    expect(again.list()).toEqual(first.list());
    const next = await again.record(state, entry(4));
    expect(next.id).toBe('4');
    expect(again.list()[0]).toEqual(next);
  });

  it('skips and reports unreadable version files, and removes temp files a crash left', async () => {
    const dataDir = await tempDir();
    const state = await shipped();
    const history = await HistoryStore.open(dataDir);
    for (let n = 1; n <= 4; n++) await history.record(state, entry(n));
    const dir = path.join(dataDir, HISTORY_DIR);
    await writeFile(path.join(dir, versionFile(2)), '{"id": "2", "at": tr');
    await writeFile(path.join(dir, versionFile(3)), JSON.stringify({ ...entry(3), id: '3' }));
    await writeFile(path.join(dir, `${versionFile(5)}.123456`), 'half a vers');
    const reopened = await HistoryStore.open(dataDir);
    expect(reopened.list().map((e) => e.id)).toEqual(['4', '1']);
    expect(reopened.problems().map((p) => p.source)).toEqual([
      `${HISTORY_DIR}/${versionFile(2)}`,
      ...Array(reopened.problems().length - 1).fill(`${HISTORY_DIR}/${versionFile(3)}`),
    ]);
    expect(reopened.problems()[0]!.message).toMatch(/version skipped, cannot be read/);
    expect(await readdir(dir)).not.toContain(`${versionFile(5)}.123456`);
    // The unreadable files still count toward the limit, and their numbers are not reused.
    expect((await reopened.record(state, entry(5))).id).toBe('5');
  });

  it('drops versions past a lower limit at open', async () => {
    const dataDir = await tempDir();
    const state = await shipped();
    const history = await HistoryStore.open(dataDir);
    for (let n = 1; n <= 6; n++) await history.record(state, entry(n));
    const smaller = await HistoryStore.open(dataDir, 2);
    expect(smaller.list().map((e) => e.id)).toEqual(['6', '5']);
    expect(await readdir(path.join(dataDir, HISTORY_DIR))).toHaveLength(2);
  });
});

describe('content store history', () => {
  it('keeps the state before the first save, then each save with its summary and author', async () => {
    let clock = Date.parse('2026-05-01T10:00:00Z');
    const store = await ContentStore.open({
      dataDir: await tempDir(),
      assetsDir: paths.assetsDir,
      now: () => clock,
    });
    const { revision, content } = store.snapshot();
    const edited = structuredClone(content);
    edited.playlists[0]!.slides[1]!.title.en = 'Open to new ideas';
    const saved = await store.saveContent(revision, edited);
    clock += 60_000;
    await store.saveSettings(
      saved.revision,
      { ...saved.settings, idleTimeoutSec: 120 },
      {
        kind: 'remote',
        address: '127.0.0.2',
      },
    );
    expect(store.history.list()).toEqual([
      expect.objectContaining({
        at: '2026-05-01T10:01:00.000Z',
        who: 'from 127.0.0.2',
        summary: 'Settings: idle timeout 90 s -> 120 s',
      }),
      expect.objectContaining({
        who: 'at the kiosk',
        summary: "Playlist 'Belgium: open by nature': slide 2 title changed",
      }),
      expect.objectContaining({ summary: BASELINE_SUMMARY }),
    ]);
    // A save that changes nothing is no version.
    await store.saveSettings(store.snapshot().revision, store.snapshot().settings);
    expect(store.history.list()).toHaveLength(3);
    store.close();
  });

  it('restores a version in one step, as a new version, after the revision check', async () => {
    const store = await ContentStore.open({ dataDir: await tempDir(), assetsDir: paths.assetsDir });
    const original = store.snapshot();
    const edited = structuredClone(original.content);
    edited.playlists[0]!.slides[0]!.title.en = 'Changed';
    const saved = await store.saveContent(original.revision, edited);
    const baseline = store.history.list().at(-1)!;
    await expect(store.restore(original.revision, baseline.id)).rejects.toMatchObject({
      code: 'conflict',
    });
    const changes: string[] = [];
    store.onChange((snapshot) => changes.push(snapshot.revision));
    const restored = await store.restore(saved.revision, baseline.id);
    expect(restored.content).toEqual(original.content);
    expect(restored.revision).not.toBe(saved.revision);
    expect(changes).toEqual([restored.revision]);
    const [newest] = store.history.list();
    expect(newest).toMatchObject({ restoredFrom: baseline.at, who: 'at the kiosk' });
    expect(newest!.summary).toMatch(/^Restored the version of /);
    store.close();
  });

  it('keeps a fleet switch as a version by "fleet <sequence>"', async () => {
    const store = await ContentStore.open({ dataDir: await tempDir(), assetsDir: paths.assetsDir });
    const content = structuredClone(store.snapshot().content);
    content.playlists[0]!.name = 'From the fleet';
    await store.applyFleet(content, { idleTimeoutSec: 60 }, 12);
    expect(store.history.list()[0]).toMatchObject({
      who: 'fleet 12',
      summary: "2 changes in 'From the fleet' and settings",
    });
    store.close();
  });

  it('survives a restart with the same list', async () => {
    const dataDir = await tempDir();
    const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
    const { revision, settings } = store.snapshot();
    await store.saveSettings(revision, { ...settings, countdownSec: 30 });
    const before = store.history.list();
    store.close();
    const again = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
    expect(again.history.list()).toEqual(before);
    again.close();
  });

  it(`keeps at most ${HISTORY_LIMIT} versions`, async () => {
    const store = await ContentStore.open({ dataDir: await tempDir(), assetsDir: paths.assetsDir });
    for (let n = 0; n < HISTORY_LIMIT + 5; n++) {
      const { revision, settings } = store.snapshot();
      await store.saveSettings(revision, { ...settings, idleTimeoutSec: 100 + n });
    }
    const list = store.history.list();
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]!.summary).toBe(
      `Settings: idle timeout ${100 + HISTORY_LIMIT + 3} s -> ${100 + HISTORY_LIMIT + 4} s`,
    );
    store.close();
  });
});

describe('history calls', () => {
  const contextFrom = (source: string | undefined, local: boolean): CallContext => ({
    local,
    source,
    sessionId: undefined,
    startSession: () => undefined,
    endSession: () => undefined,
  });

  it('records who saved: "at the kiosk" for its screen, "from <address>" for a remote admin', async () => {
    const services = await openServices({
      dataDir: await tempDir(),
      assetsDir: paths.assetsDir,
      version: '9.9.9',
      log: pino({ level: 'silent' }),
    });
    try {
      const { handlers, store } = services;
      const save = async (idleTimeoutSec: number, context: CallContext) => {
        const { revision, settings } = store.snapshot();
        await handlers['settings:save'](
          { baseRevision: revision, settings: { ...settings, idleTimeoutSec } },
          context,
        );
      };
      await save(100, contextFrom('kiosk', true));
      await save(110, contextFrom('127.0.0.2', true));
      await save(120, contextFrom(undefined, true));
      const { versions, limit } = await handlers['history:list'](
        undefined,
        contextFrom('kiosk', true),
      );
      expect(limit).toBe(HISTORY_LIMIT);
      expect(versions.slice(0, 3).map((v) => v.who)).toEqual([
        'at the kiosk',
        'from 127.0.0.2',
        'at the kiosk',
      ]);
      const oldest = versions.at(-1)!;
      const got = await handlers['history:get']({ id: oldest.id }, contextFrom('kiosk', true));
      expect(got.settings.idleTimeoutSec).toBe(90);
      await handlers['history:restore'](
        { baseRevision: store.snapshot().revision, id: oldest.id },
        contextFrom('192.168.1.20', false),
      );
      expect(store.snapshot().settings.idleTimeoutSec).toBe(90);
      const after = await handlers['history:list'](undefined, contextFrom('kiosk', true));
      expect(after.versions[0]!.who).toBe('from 192.168.1.20');
    } finally {
      await services.close();
    }
  });
});
