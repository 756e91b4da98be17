/**
 * Publishing: write a kiosk's content as a static bundle any web server, bucket or CDN can host.
 *
 * The bundle is `manifest.json` plus `media/<sha256>.<ext>`. The same content gives the same
 * files: keys are sorted, the files are listed in order, and the created time is the time the
 * content was last saved (or `SOURCE_DATE_EPOCH`), kept from an earlier publish of the revision.
 */
import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BUNDLE_FORMAT,
  BUNDLE_SCHEMA_VERSION,
  MANIFEST_FILE,
  mediaRefsOf,
  sharedSettingsOf,
  type BundleFile,
  type Manifest,
} from '#core/bundle';
import { KioskError, ValidationError } from '#core/errors';
import { mediaType } from '#core/media';
import { mediaTypeOfExt } from '#core/media-types';
import { migrateContent } from '#core/migrations';
import { ContentFile, DEFAULT_SETTINGS, Settings } from '#core/schema';
import { writeAtomic } from '../atomic-write.js';
import { CONTENT_FILE, readValidated, SETTINGS_FILE } from '../content-store.js';
import { fileOfRef, INDEX_FILE, parseIndex } from '../media/media-index.js';
import { signManifest } from './keys.js';
import { hashFile, readManifestFile, revisionOf } from './manifest-io.js';

/** How far a publish has got. */
export interface PublishProgress {
  filesDone: number;
  filesTotal: number;
}

export interface PublishOptions {
  dataDir: string;
  outDir: string;
  /** Sign the manifest with this Ed25519 private key. */
  privateKey?: KeyObject;
  onProgress?(progress: PublishProgress): void;
  /**
   * The manifest's sequence; by default one more than the manifest already in `outDir` (or 1),
   * kept when that manifest has the same revision. When given, it must be higher than that one.
   */
  sequence?: number;
  /** The environment, for SOURCE_DATE_EPOCH (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

export interface Published {
  manifest: Manifest;
  manifestFile: string;
  /** Files copied this time (those already in the bundle folder are kept). */
  copied: number;
}

/** Write the bundle of a data folder's content into `outDir`. */
export async function publishBundle(options: PublishOptions): Promise<Published> {
  const { dataDir, outDir } = options;
  const content = await readValidated(
    path.join(dataDir, CONTENT_FILE),
    CONTENT_FILE,
    ContentFile,
    migrateContent,
  );
  if (!content.ok) throw new ValidationError(content.problems);
  // A folder without settings.json shares the default settings.
  const settingsFile = path.join(dataDir, SETTINGS_FILE);
  const settings = existsSync(settingsFile)
    ? await readValidated(settingsFile, SETTINGS_FILE, Settings)
    : { ok: true as const, value: DEFAULT_SETTINGS };
  if (!settings.ok) throw new ValidationError(settings.problems);
  await checkOutDir(outDir);

  const index = await readMediaIndex(dataDir);
  const files: BundleFile[] = [];
  for (const ref of mediaRefsOf(content.value)) {
    const name = fileOfRef(ref);
    const source = path.join(dataDir, 'media', name);
    const found = await hashFile(source).catch(() => undefined);
    if (!found) {
      throw new KioskError(
        'not-found',
        `The content uses ${ref}, but ${source} is missing; upload it again or remove it from the slides.`,
      );
    }
    const sha256 = name.slice(0, name.indexOf('.'));
    if (found.sha256 !== sha256) {
      throw new KioskError('failed', `${source} is damaged: its bytes do not match its name.`);
    }
    const item = index.get(ref);
    const kind = item?.kind ?? kindOf(name);
    files.push({
      path: `media/${name}`,
      ref,
      sha256,
      size: found.size,
      kind,
      mime: item?.mime ?? mediaType(name),
      name: item?.name ?? name,
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const shared = sharedSettingsOf(settings.value);
  const revision = revisionOf({ content: content.value, settings: shared, files });
  const manifestFile = path.join(outDir, MANIFEST_FILE);
  const earlier = await readManifestFile(manifestFile);
  const same = earlier.ok && earlier.manifest.revision === revision;
  const createdAt = same
    ? earlier.manifest.createdAt
    : await createdTime(dataDir, options.env ?? process.env);
  const sequence = await nextSequence(manifestFile, earlier, same, options.sequence);
  let manifest: Manifest = {
    format: BUNDLE_FORMAT,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    revision,
    createdAt,
    sequence,
    content: content.value,
    settings: shared,
    files,
  };
  if (options.privateKey) manifest = signManifest(manifest, options.privateKey);

  // Media first, the manifest last: a kiosk never sees a manifest whose files are not there yet.
  await mkdir(path.join(outDir, 'media'), { recursive: true });
  let copied = 0;
  options.onProgress?.({ filesDone: 0, filesTotal: files.length });
  for (const [done, file] of files.entries()) {
    const target = path.join(outDir, file.path);
    const there = await stat(target).catch(() => undefined);
    if (there?.size !== file.size || (await hashFile(target)).sha256 !== file.sha256) {
      const temp = `${target}.${process.pid}.tmp`;
      try {
        await copyFile(path.join(dataDir, 'media', fileOfRef(file.ref)), temp);
        await rename(temp, target);
      } finally {
        await rm(temp, { force: true });
      }
      copied += 1;
    }
    options.onProgress?.({ filesDone: done + 1, filesTotal: files.length });
  }
  await writeAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, manifestFile, copied };
}

// Refuse to write into a folder that holds something other than a bundle.
async function checkOutDir(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new KioskError('failed', `Cannot read ${outDir} (${error.code}).`);
  });
  const foreign = entries.filter((name) => name !== MANIFEST_FILE && name !== 'media');
  if (foreign.length > 0) {
    throw new KioskError(
      'conflict',
      `${outDir} is not empty and holds no bundle (it has ${foreign.slice(0, 3).join(', ')}); choose an empty folder or an earlier bundle's folder.`,
    );
  }
}

// One more than the folder's manifest: kiosks take only a higher sequence than they have.
async function nextSequence(
  manifestFile: string,
  earlier: Awaited<ReturnType<typeof readManifestFile>>,
  same: boolean,
  asked: number | undefined,
): Promise<number> {
  let last: number | undefined;
  if (earlier.ok) {
    last = earlier.manifest.sequence ?? 0;
  } else if (existsSync(manifestFile)) {
    // An edited or damaged manifest: its number still counts, if it can be read at all.
    const json = await readFile(manifestFile, 'utf8')
      .then((text) => JSON.parse(text) as { sequence?: unknown } | null)
      .catch(() => undefined);
    const found = json?.sequence;
    if (typeof found === 'number' && Number.isSafeInteger(found) && found >= 0) last = found;
    else if (asked === undefined) {
      throw new KioskError(
        'conflict',
        `${manifestFile} is not a valid bundle manifest, so its sequence cannot be continued; put back the last good manifest.json, or give --sequence with a number higher than any kiosk has taken.`,
      );
    }
  }
  if (asked !== undefined) {
    if (!Number.isSafeInteger(asked) || asked < 1 || (last !== undefined && asked <= last)) {
      throw new KioskError(
        'invalid-input',
        `The sequence must be a whole number above ${last ?? 0} (the one in ${manifestFile}); got ${asked}.`,
      );
    }
    return asked;
  }
  if (same && earlier.ok && earlier.manifest.sequence !== undefined)
    return earlier.manifest.sequence;
  return (last ?? 0) + 1;
}

async function readMediaIndex(
  dataDir: string,
): Promise<Map<string, { kind: BundleFile['kind']; mime: string; name: string }>> {
  const text = await readFile(path.join(dataDir, 'media', INDEX_FILE), 'utf8').catch(() => '[]');
  return new Map(parseIndex(text).items.map((item) => [item.ref, item]));
}

async function createdTime(dataDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000).toISOString();
  let newest = 0;
  for (const name of [CONTENT_FILE, SETTINGS_FILE]) {
    const found = await stat(path.join(dataDir, name)).catch(() => undefined);
    newest = Math.max(newest, Math.floor(found?.mtimeMs ?? 0));
  }
  return new Date(Math.floor(newest / 1000) * 1000).toISOString();
}

function kindOf(name: string): BundleFile['kind'] {
  return mediaTypeOfExt(name.slice(name.lastIndexOf('.') + 1))?.kind ?? 'image';
}
