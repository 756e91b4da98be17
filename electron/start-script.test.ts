import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` runs scripts/start-electron.mjs after the Electron build. Electron's own package
// honours ELECTRON_OVERRIDE_DIST_PATH, so a stand-in executable plays the binary here.
const ROOT = path.resolve(import.meta.dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts/start-electron.mjs');
const built = existsSync(path.join(ROOT, 'out/main/index.js'));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function standIn(script: string | undefined) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fake-electron-'));
  dirs.push(dir);
  if (script !== undefined) {
    writeFileSync(path.join(dir, 'electron'), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(dir, 'electron'), 0o755);
  }
  return dir;
}

function start(dist: string, ...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe.skipIf(!built || process.platform === 'win32')(
  'npm start (needs `npm run build:electron` first)',
  () => {
    it('launches Electron on the app with the arguments given', () => {
      const dist = standIn(`echo "$@" > "$(dirname "$0")/args"`);
      const result = start(dist, '--data', '/tmp/kiosk');
      expect(result.status).toBe(0);
      expect(readFileSync(path.join(dist, 'args'), 'utf8').trim()).toBe('. --data /tmp/kiosk');
    });

    it('explains in one paragraph and names start:browser when there is no binary', () => {
      const result = start(standIn(undefined));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('the Electron binary could not be downloaded or started');
      expect(result.stderr).toContain('npm run start:browser');
    });

    it('says the same when Electron dies as it starts', () => {
      const result = start(standIn('echo "Missing X server or $DISPLAY" >&2; exit 1'));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Missing X server');
      expect(result.stderr).toContain('npm run start:browser');
    });
  },
);
