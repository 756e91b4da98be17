/**
 * Paths the admin names for publishing (the bundle folder, the signing key), confined to one
 * folder of the data folder.
 *
 * A path outside it is refused with one message whatever is there, so the answer never says
 * whether an arbitrary path exists, is a file, is a folder or can be written. Symbolic links are
 * followed (realpath) before the check, so a link inside cannot lead out.
 */
import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { KioskError } from '#core/errors';

/** What a confined path is for, in the refusal. */
export interface Confinement {
  /** The folder everything must stay in (made when missing). */
  root: string;
  /** "The bundle folder", "The key file". */
  what: string;
  /** An example for staff, such as "my-bundle". */
  example: string;
}

/**
 * Resolve `asked` (a name inside `root`, or a full path inside it) to a full path inside `root`;
 * anything else is refused with `forbidden` and the same message.
 */
export async function confinedPath(asked: string, confinement: Confinement): Promise<string> {
  const { root } = confinement;
  const refuse = () => refusal(confinement);
  await mkdir(root, { recursive: true, mode: 0o700 });
  const realRoot = await realpath(root);
  const resolved = path.resolve(realRoot, asked);
  // The path as staff typed it may name the root by another spelling (a link above the data
  // folder): accept either, then judge what it really is.
  const inside = [realRoot, path.resolve(root)].some((base) => isStrictlyInside(base, resolved));
  if (!inside || asked.includes('\0')) throw refuse();
  const candidate = isStrictlyInside(realRoot, resolved)
    ? resolved
    : path.join(realRoot, path.relative(path.resolve(root), resolved));
  // The deepest part of the path that exists must really be inside, links followed.
  let existing = candidate;
  for (;;) {
    const found = await lstat(existing).then(
      () => true,
      () => false,
    );
    if (found) break;
    existing = path.dirname(existing);
  }
  const real = await realpath(existing).catch(() => undefined);
  if (real === undefined || !(real === realRoot || isStrictlyInside(realRoot, real))) {
    throw refuse();
  }
  const result = path.join(real, path.relative(existing, candidate));
  if (!isStrictlyInside(realRoot, result)) throw refuse();
  return result;
}

/** The one refusal for every path outside the folder. */
export function refusal({ root, what, example }: Confinement): KioskError {
  return new KioskError(
    'forbidden',
    `${what} must be inside ${root} on this kiosk: give a name such as "${example}".`,
  );
}

function isStrictlyInside(base: string, target: string): boolean {
  const relative = path.relative(base, target);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}
