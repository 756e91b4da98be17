/**
 * Switching the content playing to a bundle revision (a sync, or staff's roll back), so that a
 * crash at any point leaves the old revision or the new one, in the files and in the fleet state.
 *
 * The state notes the switch as pending, the content store switches both files as one step (its
 * journal), and only then does the state name the new revision. A start that finds a pending
 * switch looks at what the store plays: the new revision's content and settings complete it,
 * anything else drops it.
 */
import { canonicalJson, sequenceOf, sharedSettingsOf, type Manifest } from '#core/bundle';
import { KioskError } from '#core/errors';
import type { ContentStore } from '../content-store.js';
import type { MediaLibrary } from '../media/media-library.js';
import { intact } from './media-fetch.js';
import type { PersistedState, SyncState } from './sync-state.js';

/** What a switch is. */
export type SwitchKind = 'sync' | 'roll-back';

/** Everything a switch touches. */
export interface Switching {
  kept: SyncState;
  store: ContentStore;
  now: () => number;
}

/** Play `manifest`'s content and shared settings, and record it in the fleet state. */
export async function switchTo(
  { kept, store, now }: Switching,
  manifest: Manifest,
  kind: SwitchKind,
  etag?: PersistedState['etag'],
): Promise<void> {
  if (kind === 'sync') await kept.keepManifest(manifest);
  await kept.update({ pending: { revision: manifest.revision, kind } });
  await store.applyFleet(manifest.content, manifest.settings, sequenceOf(manifest));
  await kept.update(switched(kept.value, manifest, kind, now(), etag));
}

/** Complete or drop a switch that a crash interrupted (call before the first check). */
export async function resumeSwitch({ kept, store, now }: Switching): Promise<void> {
  const { pending } = kept.value;
  if (!pending) return;
  const manifest = await kept.manifest(pending.revision);
  const { content, settings } = store.snapshot();
  const done =
    manifest !== undefined &&
    canonicalJson(content) === canonicalJson(manifest.content) &&
    canonicalJson(sharedSettingsOf(settings)) === canonicalJson(manifest.settings);
  await kept.update(
    done ? switched(kept.value, manifest, pending.kind, now()) : { pending: undefined },
  );
}

/** The previous revision's manifest, once every file it needs is here with the right sha256. */
export async function previousForRollBack(
  kept: SyncState,
  dataDir: string,
  media: MediaLibrary,
): Promise<Manifest> {
  const { previous } = kept.value;
  if (!previous) {
    throw new KioskError('not-found', 'There is no previous revision to roll back to.');
  }
  const manifest = await kept.manifest(previous);
  if (!manifest) {
    throw new KioskError(
      'failed',
      `The previous revision ${previous.slice(0, 12)} is no longer on this kiosk.`,
    );
  }
  for (const file of manifest.files) {
    if (!(await intact(dataDir, media, file))) {
      throw new KioskError(
        'failed',
        `The previous revision's file ${file.path} is no longer on this kiosk, or is damaged.`,
      );
    }
  }
  return manifest;
}

function switched(
  state: Readonly<PersistedState>,
  manifest: Manifest,
  kind: SwitchKind,
  at: number,
  etag?: PersistedState['etag'],
): Partial<PersistedState> {
  const common = {
    pending: undefined,
    current: manifest.revision,
    sequence: sequenceOf(manifest),
    lastSyncAt: new Date(at).toISOString(),
  };
  if (kind === 'roll-back') {
    return { ...common, previous: undefined, rolledBackFrom: state.current };
  }
  return {
    ...common,
    etag,
    highest: Math.max(state.highest ?? 0, sequenceOf(manifest)),
    previous: state.current,
    rolledBackFrom: undefined,
  };
}
