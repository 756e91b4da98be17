/**
 * The sandbox of a fault test against the real host: a temp folder with an empty `data` folder
 * inside (so a test can also check nothing was written beside it), removed with its host after.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { killHost, requireBuiltHost, type HostProcess } from './host-process.js';

/** Makes a sandbox `<tmp>/<prefix>XXXXXX` with an empty `data` folder; needs the built host. */
export async function sandboxWithData(
  prefix: string,
): Promise<{ sandbox: string; dataDir: string }> {
  requireBuiltHost();
  const sandbox = await mkdtemp(path.join(os.tmpdir(), prefix));
  const dataDir = path.join(sandbox, 'data');
  await mkdir(dataDir);
  return { sandbox, dataDir };
}

/** Kills the host (if one started) and removes the sandbox (if one was made). */
export async function removeSandbox(host: HostProcess | undefined, sandbox: string): Promise<void> {
  if (host) await killHost(host);
  if (sandbox) await rm(sandbox, { recursive: true, force: true });
}
