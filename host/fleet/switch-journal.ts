/**
 * The journal that makes a fleet switch one step: content and settings are two files, so both
 * new texts are first written together into one file; a start that finds it writes them again.
 * A crash at any point thus leaves the old content with the old settings, or the new with the new.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import { writeAtomic } from '../atomic-write.js';

/** The journal's name in the data folder. */
export const SWITCH_JOURNAL = 'fleet-switch.json';

/** The exact texts of the files a switch writes, by file name. */
export const SwitchTexts = z.record(z.string(), z.string());
export type SwitchTexts = z.infer<typeof SwitchTexts>;

/**
 * Write several files of the data folder as one step: the journal, then each file, then the
 * journal is removed. On a failure the old texts are put back (or, if even that fails, the
 * journal stays and the next start completes the switch).
 */
export async function switchFiles(dataDir: string, texts: SwitchTexts): Promise<void> {
  const old: Record<string, string | undefined> = {};
  for (const name of Object.keys(texts)) {
    old[name] = await readFile(path.join(dataDir, name), 'utf8').catch(() => undefined);
  }
  faultPoint('fleet-switch:before-commit');
  await writeJournal(dataDir, texts);
  try {
    for (const [index, [name, text]] of Object.entries(texts).entries()) {
      if (index > 0) faultPoint('fleet-switch:between-writes');
      await writeAtomic(path.join(dataDir, name), text);
    }
  } catch (error) {
    for (const [name, text] of Object.entries(old)) {
      if (text !== undefined) await writeAtomic(path.join(dataDir, name), text);
    }
    await removeJournal(dataDir);
    throw error;
  }
  await removeJournal(dataDir);
}

/** Commit a switch: once this returns, a start completes it. */
function writeJournal(dataDir: string, texts: SwitchTexts): Promise<void> {
  return writeAtomic(path.join(dataDir, SWITCH_JOURNAL), `${JSON.stringify(texts)}\n`);
}

/** The switch was written through (or undone): forget it. */
function removeJournal(dataDir: string): Promise<void> {
  return rm(path.join(dataDir, SWITCH_JOURNAL), { force: true });
}

/**
 * Finish a switch a crash interrupted: write each file of the journal, then remove it. Only the
 * names in `owned` are written; a journal that cannot be read is dropped (the files stay as
 * they are, both old: the journal is written whole before either file).
 */
export async function replayJournal(dataDir: string, owned: readonly string[]): Promise<boolean> {
  const text = await readFile(path.join(dataDir, SWITCH_JOURNAL), 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  let texts: SwitchTexts | undefined;
  try {
    const parsed = SwitchTexts.safeParse(JSON.parse(text));
    if (parsed.success) texts = parsed.data;
  } catch {
    // Not JSON: dropped below.
  }
  for (const [name, contents] of Object.entries(texts ?? {})) {
    if (owned.includes(name)) await writeAtomic(path.join(dataDir, name), contents);
  }
  await removeJournal(dataDir);
  return texts !== undefined;
}

/**
 * A fault hook for tests: when `OPENNESS_KIOSK_FAULT` names this point, the process kills itself
 * here with SIGKILL, as a power cut would (faults/fleet.test.ts).
 */
export function faultPoint(name: string): void {
  if (process.env.OPENNESS_KIOSK_FAULT === name) process.kill(process.pid, 'SIGKILL');
}
