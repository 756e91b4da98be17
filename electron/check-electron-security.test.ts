import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findingsOf,
  GLOBAL,
  judge,
  type AllowedFinding,
} from '../scripts/check-electron-security.mjs';

// `npm run check:electron` (scripts/check-electron-security.mjs): electronegativity over electron/,
// failing on any finding electron/electronegativity-allowed.json does not justify.
const ROOT = path.resolve(import.meta.dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts/check-electron-security.mjs');
const ALLOWED = path.join(ROOT, 'electron/electronegativity-allowed.json');
const work = mkdtempSync(path.join(os.tmpdir(), 'check-electron-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run the script; its exit code and everything it printed. */
function check(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A folder holding one main-process file, and an allowed list. */
function fixture(name: string, source: string, allowed: AllowedFinding[] = []) {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'main'), { recursive: true });
  writeFileSync(path.join(dir, 'main', 'index.ts'), source);
  const list = path.join(work, `${name}.json`);
  writeFileSync(list, JSON.stringify({ skippedChecks: [], allowed }));
  return ['--dir', dir, '--allowed', list];
}

describe('the report reader', () => {
  const result = (ruleId: string, uri: string, startLine = 1) => ({
    ruleId,
    message: { text: `about ${ruleId}` },
    locations: [
      { physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn: 3 } } },
    ],
  });

  it('reads check, file, place and message from SARIF, global findings included', () => {
    const sarif = JSON.stringify({
      runs: [
        {
          results: [
            result('CSP_GLOBAL_CHECK', 'file:///'),
            result('SANDBOX_JS_CHECK', 'main/window.ts', 82),
          ],
        },
      ],
    });
    expect(findingsOf(sarif)).toEqual([
      {
        check: 'CSP_GLOBAL_CHECK',
        file: GLOBAL,
        line: 1,
        column: 3,
        message: 'about CSP_GLOBAL_CHECK',
      },
      {
        check: 'SANDBOX_JS_CHECK',
        file: 'main/window.ts',
        line: 82,
        column: 3,
        message: 'about SANDBOX_JS_CHECK',
      },
    ]);
    expect(() => findingsOf('{"version":"2.1.0"}')).toThrow(
      /not an electronegativity SARIF report/,
    );
    expect(() => findingsOf('issue, severity\n')).toThrow();
  });

  it('matches justifications on check and file, and reports stale ones', () => {
    const finding = {
      check: 'SANDBOX_JS_CHECK',
      file: 'main/window.ts',
      line: 1,
      column: 1,
      message: '',
    };
    const entry = { check: 'SANDBOX_JS_CHECK', file: 'main/window.ts', reason: 'r' };
    const other = { check: 'SANDBOX_JS_CHECK', file: 'main/other.ts', reason: 'r' };
    expect(judge([finding], [entry, other])).toEqual({ unjustified: [], stale: [other] });
    expect(judge([finding], [])).toEqual({ unjustified: [finding], stale: [] });
  });
});

// Each run of electronegativity takes several seconds (most of it waiting for the network).
describe.concurrent('npm run check:electron', { timeout: 120_000 }, () => {
  it('passes on the shell as it is, each finding justified with a reason', async () => {
    const { code, output } = await check();
    expect(output).toMatch(/finding\(s\), each justified/);
    expect(code).toBe(0);
    const list = JSON.parse(readFileSync(ALLOWED, 'utf8')) as { allowed: AllowedFinding[] };
    for (const entry of list.allowed) expect(entry.reason.length, entry.check).toBeGreaterThan(40);
  });

  it('fails on an unisolated, unsandboxed window, naming the check and the place', async () => {
    const { code, output } = await check(
      ...fixture(
        'node-integration',
        "import { BrowserWindow } from 'electron';\n" +
          'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, ' +
          'contextIsolation: false, sandbox: false } });\n',
      ),
    );
    expect(code).toBe(1);
    expect(output).toMatch(/CONTEXT_ISOLATION_JS_CHECK in electron\/main\/index\.ts:2:\d+/);
    expect(output).toMatch(/SANDBOX_JS_CHECK in electron\/main\/index\.ts:2:\d+/);
    expect(output).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK in the whole app/);
    expect(output).toMatch(/unjustified finding\(s\)/);
  });

  it('fails on an entry that no longer matches any finding', async () => {
    const { code, output } = await check(
      ...fixture('stale', 'export const nothing = 1;\n', [
        { check: 'SANDBOX_JS_CHECK', file: 'main/gone.ts', reason: 'was there once' },
        { check: 'CSP_GLOBAL_CHECK', file: GLOBAL, reason: 'served as a header' },
        { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: GLOBAL, reason: 'x' },
        { check: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', file: GLOBAL, reason: 'x' },
      ]),
    );
    expect(code).toBe(1);
    expect(output).toMatch(/allows SANDBOX_JS_CHECK in main\/gone\.ts, which electronegativity/);
    expect(output).toMatch(/0 unjustified finding\(s\), 1 stale entry/);
  });
});
