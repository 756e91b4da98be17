#!/usr/bin/env node
/**
 * Launch the built Electron kiosk (`npm start`), or explain clearly why it cannot run here.
 *
 * Electron 45 fetches its binary on first use: `require('electron')` downloads it synchronously
 * (node_modules/electron/index.js runs install.js) and throws "Electron failed to install
 * correctly" when that fails. The lookup runs in a child process so a hung download can be
 * killed after a timeout. Exits 1, naming `npm run start:browser`, when no binary can be had or
 * it dies on launch; otherwise exits with Electron's own code. Arguments are passed on to the
 * app (`npm start -- --data DIR`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOOKUP_TIMEOUT_MS = 60_000;
// A non-zero exit this soon after launch means Electron could not start, not that it crashed later.
const EARLY_EXIT_MS = 15_000;
const MARK = '@@electron-path@@';

/** Print the one paragraph people need, then exit 1. */
function giveUp(reason, why = '') {
  console.error(
    `\nopenness-kiosk: the Electron binary could not be downloaded or started on this machine ` +
      `(${reason}).${why} The kiosk runs the same in a browser with \`npm run start:browser\` ` +
      `(add \`-- --data DIR\` to choose the data folder).\n`,
  );
  process.exit(1);
}

const DOWNLOAD_WHY =
  ' Electron 45 downloads its binary from GitHub on first launch, which needs network access.';

/** The most telling line of an error output: the first `SomethingError: ...` line, else the first. */
function firstErrorLine(text) {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const errors = lines.filter((line) => /^[\w.]*Error\b/.test(line));
  const download = errors.find((line) => !line.includes('failed to install correctly'));
  const failed = errors.find((line) => line.includes('failed to install correctly'));
  if (download && failed) return `${failed.split('. ')[0]}: ${download}`;
  return errors[0] ?? lines[0] ?? 'no error message';
}

/** Ask the electron package for its binary, in a child that is killed if it takes too long. */
function lookUpElectron() {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-e', `process.stdout.write('\\n${MARK}' + require('electron') + '\\n')`],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr = `Error: the Electron download did not finish within ${LOOKUP_TIMEOUT_MS / 1000} s`;
      // Kill the whole group: the download runs in a grandchild.
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, LOOKUP_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ error: `Error: ${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(MARK));
      if (code === 0 && line) resolve({ path: line.slice(MARK.length).trim() });
      else resolve({ error: firstErrorLine(stderr || stdout) });
    });
  });
}

const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

if (!existsSync(path.join(root, 'out', 'main', 'index.js'))) {
  console.error(
    'openness-kiosk: out/main/index.js is missing; run `npm run build:electron` first.',
  );
  process.exit(1);
}

const found = await lookUpElectron();
if (found.error) giveUp(found.error, DOWNLOAD_WHY);
if (!existsSync(found.path)) giveUp(`no file at ${found.path}`);

const started = Date.now();
const electron = spawn(found.path, ['.', ...args], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'pipe'],
  windowsHide: false,
});
let firstStderr = '';
electron.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  if (firstStderr.length < 4096) firstStderr += chunk;
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => electron.kill(signal));
}
electron.on('error', (error) => giveUp(`cannot run ${found.path}: ${error.message}`));
electron.on('close', (code, signal) => {
  const early = Date.now() - started < EARLY_EXIT_MS;
  if (early && (code !== 0 || signal)) {
    const status = `it exited with ${signal ?? `code ${code}`}`;
    giveUp(firstStderr.trim() ? `${firstErrorLine(firstStderr)}; ${status}` : status);
  }
  process.exit(code ?? 1);
});
