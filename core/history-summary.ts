/**
 * One line that says what a save changed, from the state before and after it.
 *
 * "Playlist 'Visa week': slide 2 title changed", "Settings: idle timeout 90 s -> 120 s",
 * "3 changes in 'Main'".
 */
import type { SavedState } from './history.js';
import type { Playlist, Settings, Slide } from './schema.js';

/** One change, and where it is: a playlist's name, or null for the settings. */
interface Change {
  scope: string | null;
  text: string;
}

type SettingKey = keyof Settings;

/** The settings as staff know them, with the unit their values are in. */
const SETTING_LABELS: Partial<Record<SettingKey, { label: string; unit?: string }>> = {
  idleTimeoutSec: { label: 'idle timeout', unit: 's' },
  countdownSec: { label: 'countdown', unit: 's' },
  defaultLanguage: { label: 'default language' },
  enabledLanguages: { label: 'languages' },
  reducedMotion: { label: 'reduced motion' },
  hideCursor: { label: 'hide cursor' },
  staffIdleLockSec: { label: 'staff idle lock', unit: 's' },
  lanAdmin: { label: 'remote admin' },
  allowedHostNames: { label: 'host names' },
  timeZone: { label: 'time zone' },
  autostart: { label: 'start with the computer' },
  syncManifestUrl: { label: 'fleet manifest address' },
  syncIntervalSec: { label: 'fleet check interval', unit: 's' },
  syncPublicKey: { label: 'fleet public key' },
  quietReloadHour: { label: 'quiet reload hour' },
  playLogRetentionDays: { label: 'play log retention', unit: 'days' },
};

/** Slide fields as staff know them. */
const SLIDE_FIELDS: Record<string, string> = {
  title: 'title',
  lead: 'lead',
  body: 'text',
  image: 'picture',
  caption: 'caption',
  video: 'video',
  description: 'description',
  framing: 'framing',
  transition: 'transition',
  schedule: 'schedule',
  kind: 'kind',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from `before` to `after`, in one line. */
export function summarizeChange(before: SavedState, after: SavedState): string {
  const changes = [
    ...contentChanges(before.content, after.content),
    ...settingsChanges(before.settings, after.settings),
  ];
  if (changes.length === 0) return 'No changes';
  if (changes.length === 1) {
    const [{ scope, text }] = changes as [Change];
    return scope === null ? `Settings: ${text}` : `Playlist '${scope}': ${text}`;
  }
  const scopes = [...new Set(changes.map((change) => change.scope))];
  if (scopes.length > 3) return `${changes.length} changes in ${scopes.length} places`;
  const where = scopes.map((scope) => (scope === null ? 'settings' : `'${scope}'`));
  const last = where.pop();
  return `${changes.length} changes in ${where.length ? `${where.join(', ')} and ${last}` : last}`;
}

function contentChanges(before: SavedState['content'], after: SavedState['content']): Change[] {
  const changes: Change[] = [];
  const old = new Map(before.playlists.map((list) => [list.id, list]));
  const kept = new Set(after.playlists.map((list) => list.id));
  for (const list of before.playlists) {
    if (!kept.has(list.id)) changes.push({ scope: list.name, text: 'removed' });
  }
  for (const list of after.playlists) {
    const was = old.get(list.id);
    if (!was) changes.push({ scope: list.name, text: 'added' });
    else changes.push(...playlistChanges(was, list));
  }
  if (before.defaultPlaylistId !== after.defaultPlaylistId) {
    const name = after.playlists.find((list) => list.id === after.defaultPlaylistId)?.name;
    changes.push({ scope: name ?? after.defaultPlaylistId, text: 'made the default' });
  }
  return changes;
}

function playlistChanges(before: Playlist, after: Playlist): Change[] {
  const scope = after.name;
  const changes: Change[] = [];
  if (before.name !== after.name) changes.push({ scope, text: `renamed from '${before.name}'` });
  if (!same(before.schedule, after.schedule)) changes.push({ scope, text: 'schedule changed' });
  if (!same(before.translations, after.translations)) {
    changes.push({ scope, text: 'translation status changed' });
  }
  const oldSlides = new Map(before.slides.map((slide, index) => [slide.id, { slide, index }]));
  const newIds = new Set(after.slides.map((slide) => slide.id));
  before.slides.forEach((slide, index) => {
    if (!newIds.has(slide.id)) changes.push({ scope, text: `slide ${index + 1} removed` });
  });
  after.slides.forEach((slide, index) => {
    const was = oldSlides.get(slide.id);
    if (!was) changes.push({ scope, text: `slide ${index + 1} added` });
    else changes.push(...slideChanges(scope, index + 1, was.slide, slide));
  });
  const keptOrder = (slides: Slide[], ids: Set<string>) =>
    slides.map((slide) => slide.id).filter((id) => ids.has(id));
  const oldIds = new Set(before.slides.map((slide) => slide.id));
  if (!same(keptOrder(before.slides, newIds), keptOrder(after.slides, oldIds))) {
    changes.push({ scope, text: 'slides reordered' });
  }
  return changes;
}

function slideChanges(scope: string, position: number, before: Slide, after: Slide): Change[] {
  const changes: Change[] = [];
  const slide = `slide ${position}`;
  if (before.enabled !== after.enabled) {
    changes.push({ scope, text: `${slide} turned ${after.enabled ? 'on' : 'off'}` });
  }
  if (before.durationMs !== after.durationMs) {
    const from = before.durationMs / 1000;
    const to = after.durationMs / 1000;
    changes.push({ scope, text: `${slide} duration ${from} s -> ${to} s` });
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'id' || key === 'enabled' || key === 'durationMs') continue;
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (!same(a, b)) changes.push({ scope, text: `${slide} ${SLIDE_FIELDS[key] ?? key} changed` });
  }
  return changes;
}

function settingsChanges(before: Settings, after: Settings): Change[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<SettingKey>;
  const changes: Change[] = [];
  for (const key of keys) {
    if (key === 'schemaVersion' || same(before[key], after[key])) continue;
    const { label, unit } = SETTING_LABELS[key] ?? { label: key };
    // A key is long and says nothing to staff; that it changed is enough.
    if (key === 'syncPublicKey') {
      changes.push({ scope: null, text: `${label} changed` });
      continue;
    }
    const show = (value: unknown) => settingValue(value, unit);
    changes.push({ scope: null, text: `${label} ${show(before[key])} -> ${show(after[key])}` });
  }
  return changes;
}

function settingValue(value: unknown, unit: string | undefined): string {
  if (value === undefined) return 'not set';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return unit ? `${String(value)} ${unit}` : String(value);
}
