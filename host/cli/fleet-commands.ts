/**
 * Fleet commands: `publish`, `keys generate`, and `validate` (content, playlist or bundle).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE } from '#core/bundle';
import { formatProblem, problemsFromZod, type Problem } from '#core/problems';
import { ContentFile, Playlist } from '#core/schema';
import { generateKeys, parsePrivateKey, parsePublicKey } from '../fleet/keys.js';
import { checkBundleFiles, parseManifest } from '../fleet/manifest-io.js';
import { publishBundle } from '../fleet/publish.js';
import { parseCommand, takeSubcommand } from './args.js';
import type { CliIo } from './main.js';

export const FLEET_USAGE = {
  publish: 'usage: openness-kiosk publish --data DIR --out DIR [--key FILE] [--sequence N]',
  keys: 'usage: openness-kiosk keys generate --out DIR',
  validate: 'usage: openness-kiosk validate FILE|DIR [--key FILE]',
};

export const FLEET_HELP = {
  publish: `${FLEET_USAGE.publish}

Writes the data folder's content as a static bundle for fleet sync: manifest.json (playlists,
the settings kiosks share, and every media file with its sha256 and size) and media/<sha256>.<ext>.
Host the folder on any web server, bucket or CDN and set each kiosk's "Manifest URL" to
.../manifest.json. The same content always gives the same files. Media of earlier revisions are
left in place for kiosks still syncing them. Each publish of new content numbers the manifest one
above the manifest already in the folder (the first is 1); kiosks take only a higher number than
they have, so an old bundle served again cannot switch them back.
  --data DIR      the data folder to publish
  --out DIR       the bundle folder: empty, new, or an earlier bundle's folder
  --key FILE      sign the manifest with this Ed25519 private key (from "keys generate")
  --sequence N    number the manifest N instead (above the folder's; e.g. for a new folder)`,
  keys: `${FLEET_USAGE.keys}

Makes an Ed25519 key pair for signing bundles: bundle-signing.key (private: keep it at
headquarters, readable by its owner only) and bundle-signing.pub (paste it into each kiosk's
"Bundle public key" setting). Existing keys are never overwritten.`,
  validate: `${FLEET_USAGE.validate}

Checks a content file (content.json), a single playlist, or a bundle manifest. Given a bundle
folder (or its manifest.json), every media file is also checked against its size and sha256.
Exit 0 when valid; otherwise exit 1 with one line per problem, naming its JSON path.
  --key FILE   also require a valid signature by this public key (bundles only)`,
};

const COMMANDS = {
  publish: {
    name: 'publish',
    usage: FLEET_USAGE.publish,
    help: FLEET_HELP.publish,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      key: { type: 'string' },
      sequence: { type: 'string' },
    },
  },
  keys: {
    name: 'keys',
    usage: FLEET_USAGE.keys,
    help: FLEET_HELP.keys,
    options: { out: { type: 'string' } },
  },
  validate: {
    name: 'validate',
    usage: FLEET_USAGE.validate,
    help: FLEET_HELP.validate,
    positionals: true,
    options: { key: { type: 'string' } },
  },
} as const;

/** `openness-kiosk publish --data DIR --out DIR [--key FILE]` */
export async function publishCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommand(COMMANDS.publish, argv, io);
  if (typeof args === 'number') return args;
  const { data, out, key, sequence: sequenceText } = args.values;
  const sequence = sequenceText === undefined ? undefined : Number(sequenceText);
  if (!data) return args.bad('--data is required');
  if (!out) return args.bad('--out is required');
  if (key === '') return args.bad('--key needs a file');
  if (sequence !== undefined && !(Number.isSafeInteger(sequence) && sequence >= 1)) {
    return args.bad(`--sequence needs a whole number from 1 (got "${sequenceText}")`);
  }
  try {
    const privateKey = key ? parsePrivateKey(await readText(key), key) : undefined;
    const published = await publishBundle({
      dataDir: path.resolve(data),
      outDir: path.resolve(out),
      privateKey,
      sequence,
      onProgress: ({ filesDone, filesTotal }) => {
        if (filesTotal > 0 && io.interactive) io.err(`  media ${filesDone}/${filesTotal}`);
      },
    });
    const { manifest } = published;
    io.out(
      `Published revision ${manifest.revision.slice(0, 12)} as sequence ${manifest.sequence} (${manifest.files.length} media files, ${published.copied} copied${manifest.signature ? `, signed with key ${manifest.signature.keyId}` : ', unsigned'}) to ${published.manifestFile}`,
    );
    return 0;
  } catch (error) {
    io.err(`openness-kiosk publish: ${(error as Error).message}`);
    return 1;
  }
}

/** `openness-kiosk keys generate --out DIR` */
export async function keysCommand(argv: string[], io: CliIo): Promise<number> {
  const rest = takeSubcommand(COMMANDS.keys, 'generate', argv, io);
  if (typeof rest === 'number') return rest;
  const args = parseCommand(COMMANDS.keys, rest, io);
  if (typeof args === 'number') return args;
  const { out } = args.values;
  if (!out) return args.bad('--out is required');
  try {
    const made = await generateKeys(path.resolve(out));
    io.out(`Made key ${made.keyId}:`);
    io.out(`  private: ${made.privateFile} (keep it secret; sign with publish --key)`);
    io.out(`  public:  ${made.publicFile} (paste into each kiosk's "Bundle public key" setting)`);
    return 0;
  } catch (error) {
    io.err(`openness-kiosk keys generate: ${(error as Error).message}`);
    return 1;
  }
}

/** `openness-kiosk validate FILE|DIR [--key FILE]` */
export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommand(COMMANDS.validate, argv, io);
  if (typeof args === 'number') return args;
  if (args.positionals.length !== 1) return args.bad('needs exactly one FILE');
  const { key } = args.values;
  if (key === '') return args.bad('--key needs a file');
  let file = args.positionals[0]!;
  const isDir = (await stat(file).catch(() => undefined))?.isDirectory() === true;
  if (isDir) file = path.join(file, MANIFEST_FILE);
  const source = path.basename(file);
  const report = (problems: Problem[]) => {
    for (const problem of problems) io.err(formatProblem(problem));
    return 1;
  };
  let text: string;
  let json: unknown;
  try {
    text = await readFile(file, 'utf8');
    json = JSON.parse(text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      `${source}: $: ${code ? `cannot read the file (${code})` : `not valid JSON: ${(error as Error).message}`}`,
    );
    return 1;
  }
  const kind = kindOf(json);
  if (kind === 'bundle manifest') {
    let publicKey;
    try {
      publicKey = key ? parsePublicKey(await readText(key), key) : undefined;
    } catch (error) {
      io.err(`openness-kiosk validate: ${(error as Error).message}`);
      return 1;
    }
    const parsed = parseManifest(text, source, publicKey);
    if (!parsed.ok) return report(parsed.problems);
    // Beside its media (a folder, or a manifest.json in one): check every file too.
    const folder = path.dirname(file);
    const checkFiles = isDir || (await stat(path.join(folder, 'media')).catch(() => undefined));
    if (checkFiles) {
      const problems = await checkBundleFiles(parsed.manifest, folder, source);
      if (problems.length > 0) return report(problems);
    }
    const { manifest } = parsed;
    io.out(
      `${source}: valid bundle manifest, revision ${manifest.revision.slice(0, 12)}, sequence ${manifest.sequence ?? 'none (counts as 0)'}, ${manifest.files.length} media files${checkFiles ? ' (all present and matching)' : ''}${manifest.signature ? `, signed with key ${manifest.signature.keyId}${publicKey ? ' (verified)' : ''}` : ', unsigned'}`,
    );
    return 0;
  }
  if (key) return args.bad('--key only applies to bundle manifests');
  const parsed = (kind === 'content file' ? ContentFile : Playlist).safeParse(json);
  if (parsed.success) {
    io.out(`${source}: valid ${kind}`);
    return 0;
  }
  return report(problemsFromZod(source, parsed.error));
}

// A file with `files` and `revision` is a bundle manifest; with `playlists`, a content file;
// otherwise it is judged as a single playlist.
function kindOf(json: unknown): 'bundle manifest' | 'content file' | 'playlist' {
  if (typeof json !== 'object' || json === null) return 'playlist';
  if ('files' in json && 'revision' in json) return 'bundle manifest';
  return 'playlists' in json ? 'content file' : 'playlist';
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code})`, {
      cause: error,
    });
  }
}
