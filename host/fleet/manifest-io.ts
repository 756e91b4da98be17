/**
 * Reading and checking bundle manifests: parse, revision, signature, and the files beside them.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson, Manifest, type BundleFile } from '#core/bundle';
import { problemsFromZod, type Problem } from '#core/problems';
import { signatureProblem } from './keys.js';

/** The revision of a bundle: the sha256 of the canonical JSON of what kiosks play. */
export function revisionOf(manifest: Pick<Manifest, 'content' | 'settings' | 'files'>): string {
  const { content, settings, files } = manifest;
  return createHash('sha256').update(canonicalJson({ content, settings, files })).digest('hex');
}

/** The result of reading a manifest: the manifest, or the problems, each with a JSON path. */
export type ParsedManifest = { ok: true; manifest: Manifest } | { ok: false; problems: Problem[] };

/** Parse and check a manifest's text (`source` names it in problems). */
export function parseManifest(text: string, source: string, publicKey?: KeyObject): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = `not valid JSON: ${(error as Error).message}`;
    return { ok: false, problems: [{ source, path: '$', message }] };
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(source, parsed.error) };
  const manifest = parsed.data;
  if (revisionOf(manifest) !== manifest.revision) {
    const message = 'does not match the content, settings and files (the manifest was edited)';
    return { ok: false, problems: [{ source, path: '$.revision', message }] };
  }
  if (publicKey) {
    const problem = signatureProblem(manifest, publicKey);
    if (problem)
      return { ok: false, problems: [{ source, path: '$.signature', message: problem }] };
  }
  return { ok: true, manifest };
}

/** The sha256 (hex) and size of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Check every file a manifest lists against the files in the bundle folder. */
export async function checkBundleFiles(
  manifest: Manifest,
  bundleDir: string,
  source: string,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [index, file] of manifest.files.entries()) {
    const problem = await checkFile(path.join(bundleDir, file.path), file);
    if (problem) problems.push({ source, path: `$.files[${index}]`, message: problem });
  }
  return problems;
}

async function checkFile(where: string, file: BundleFile): Promise<string | undefined> {
  const found = await stat(where).catch(() => undefined);
  if (!found?.isFile()) return `${file.path} is missing`;
  if (found.size !== file.size) return `${file.path} has ${found.size} bytes, not ${file.size}`;
  const { sha256 } = await hashFile(where);
  return sha256 === file.sha256 ? undefined : `${file.path} does not match its sha256`;
}

/** Read a manifest file from disk. */
export async function readManifestFile(
  file: string,
  publicKey?: KeyObject,
): Promise<ParsedManifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file is missing' : `cannot read the file (${code})`;
    return { ok: false, problems: [{ source: file, path: '$', message }] };
  }
  return parseManifest(text, path.basename(file), publicKey);
}
