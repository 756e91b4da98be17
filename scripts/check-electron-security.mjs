#!/usr/bin/env node
/**
 * `npm run check:electron`: scan the Electron shell with @doyensec/electronegativity and fail on
 * any finding that electron/electronegativity-allowed.json does not justify.
 *
 * electronegativity exits 0 whatever it finds, so this script reads its report instead: SARIF,
 * since its CSV leaves code samples unquoted, commas and all, which no reader can split. It
 * scans the TypeScript sources of electron/ (main, preload, common), not the built out/: the
 * sources are what people edit, findings then name a real file, and `npm test` runs this before
 * the build. Tests and the fake Electron (`*.test.ts`, electron/test/) are left out: they build
 * BrowserWindows with empty options on purpose. A justified finding matches on its check and file
 * (not its line, which moves); an entry that no longer matches anything is an error too, so the
 * list never outlives its reasons. Runs offline (the tool warns that it cannot fetch translations).
 *
 * Options, for the tests: `--dir DIR` (default electron/), `--allowed FILE`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where a global finding (one about the whole app, not a line) is filed. */
export const GLOBAL = '(global)';

/**
 * The findings of an electronegativity SARIF report: check, file (relative, or {@link GLOBAL}),
 * line, column and message.
 */
export function findingsOf(sarif) {
  const runs = JSON.parse(sarif)?.runs;
  if (!Array.isArray(runs)) throw new Error('not an electronegativity SARIF report');
  return runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      return {
        check: result.ruleId,
        file: uri === '' || uri.startsWith('file:') ? GLOBAL : uri.split(path.sep).join('/'),
        line: location?.region?.startLine ?? 0,
        column: location?.region?.startColumn ?? 0,
        message: result.message?.text ?? '',
      };
    }),
  );
}

/** Split findings into justified and not, and list allowed entries that matched nothing. */
export function judge(findings, allowed) {
  const used = new Set();
  const unjustified = [];
  for (const finding of findings) {
    const entry = allowed.find((a) => a.check === finding.check && a.file === finding.file);
    if (entry) used.add(entry);
    else unjustified.push(finding);
  }
  return { unjustified, stale: allowed.filter((entry) => !used.has(entry)) };
}

/** Copy the shell's sources, without tests, into a fresh folder to scan. */
function sourcesToScan(dir) {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
  cpSync(dir, path.join(copy, 'src'), {
    recursive: true,
    filter: (from) => {
      const relative = path.relative(dir, from).split(path.sep);
      if (relative[0] === 'test') return false;
      return !from.endsWith('.test.ts') && !from.endsWith('.json');
    },
  });
  return copy;
}

function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: path.join(root, 'electron') },
      allowed: {
        type: 'string',
        default: path.join(root, 'electron', 'electronegativity-allowed.json'),
      },
    },
  });
  const list = JSON.parse(readFileSync(values.allowed, 'utf8'));
  const electronVersion = JSON.parse(
    readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const work = sourcesToScan(path.resolve(values.dir));
  try {
    const report = path.join(work, 'report.sarif');
    const bin = path.join(
      root,
      'node_modules',
      '@doyensec',
      'electronegativity',
      'dist',
      'index.js',
    );
    const skipped = (list.skippedChecks ?? []).map((entry) => entry.check);
    const args = [bin, '-i', path.join(work, 'src'), '-o', report, '-r', '-e', electronVersion];
    if (skipped.length > 0) args.push('-x', skipped.join(','));
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
    let sarif;
    try {
      sarif = readFileSync(report, 'utf8');
    } catch {
      console.error(
        `check:electron: electronegativity wrote no report (exit ${run.status}).\n` +
          `${run.stdout}${run.stderr}`,
      );
      return 1;
    }
    const findings = findingsOf(sarif);
    const { unjustified, stale } = judge(findings, list.allowed ?? []);
    for (const finding of unjustified) {
      const where =
        finding.file === GLOBAL
          ? 'the whole app'
          : `electron/${finding.file}:${finding.line}:${finding.column}`;
      console.error(`check:electron: ${finding.check} in ${where}: ${finding.message}`);
    }
    for (const entry of stale) {
      console.error(
        `check:electron: ${path.relative(root, values.allowed)} allows ${entry.check} in ` +
          `${entry.file}, which electronegativity no longer reports; remove the entry.`,
      );
    }
    if (unjustified.length > 0 || stale.length > 0) {
      console.error(
        `check:electron: ${unjustified.length} unjustified finding(s), ${stale.length} stale ` +
          `entr${stale.length === 1 ? 'y' : 'ies'}. Fix the code, or justify a finding in ` +
          `${path.relative(root, values.allowed)} with a reason.`,
      );
      return 1;
    }
    console.log(
      `check:electron: electronegativity (Electron ${electronVersion}): ${findings.length} ` +
        `finding(s), each justified in ${path.relative(root, values.allowed)}.`,
    );
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
