/**
 * The two HTTP servers a run compares, both on 127.0.0.1:
 * - the real kiosk host (`openness-kiosk serve`) with a throwaway data folder, serving the player;
 * - a tiny node:http static server for the plain-HTML baseline in bench/baseline/.
 */
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './config.mjs';

const BASELINE_DIR = path.join(ROOT, 'bench', 'baseline');
const ART_DIR = path.join(ROOT, 'assets', 'art');
const CONTENT_FILE = path.join(ROOT, 'assets', 'content', 'content.json');
/** The same Inter subset the player's CSS resolves to for Latin text. */
const FONT_FILE = path.join(
  ROOT,
  'node_modules',
  '@fontsource-variable',
  'inter',
  'files',
  'inter-latin-wght-normal.woff2',
);

/** Start the kiosk host on a free port with an empty data folder (seeded with the defaults). */
export async function startPlayerHost() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'openness-bench-'));
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'openness-kiosk.mjs'), 'serve', '--data', dataDir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `${url}/`,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The default playlist's enabled slides, straight from the shipped content file. */
async function baselineSlides() {
  const content = JSON.parse(await readFile(CONTENT_FILE, 'utf8'));
  // The schema has named the playing playlist both ways; without either, the first one plays.
  const id = content.defaultPlaylistId ?? content.activePlaylistId;
  const playlist = content.playlists.find((p) => p.id === id) ?? content.playlists[0];
  if (!playlist) throw new Error(`${CONTENT_FILE}: no playlists`);
  return playlist.slides.filter((slide) => slide.enabled);
}

/** The data block the slides go in, whatever its formatting. */
const DATA_BLOCK = /(<script type="application\/json" id="content">)[\s\S]*?(<\/script>)/;

/** index.html with the slides inlined as a JSON data block (`<` escaped so it cannot end it). */
async function baselineIndex() {
  const html = await readFile(path.join(BASELINE_DIR, 'index.html'), 'utf8');
  if (!DATA_BLOCK.test(html)) throw new Error('bench/baseline/index.html: no #content data block');
  const json = JSON.stringify({ slides: await baselineSlides() }).replace(/</g, '\\u003c');
  return html.replace(DATA_BLOCK, (_, open, close) => `${open}${json}${close}`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Map a request path to a file (or null): the page's own files, the artwork and the font. */
function baselineFile(urlPath) {
  if (urlPath === '/baseline.js' || urlPath === '/baseline.css') {
    return path.join(BASELINE_DIR, urlPath.slice(1));
  }
  if (urlPath === '/fonts/inter-latin-wght-normal.woff2') return FONT_FILE;
  const art = /^\/builtin\/art\/([a-z0-9][a-z0-9-]*\.svg)$/.exec(urlPath);
  return art ? path.join(ART_DIR, art[1]) : null;
}

/** Start the baseline's static server on a free port. */
export async function startBaselineServer() {
  const index = await baselineIndex();
  const server = createServer(async (request, response) => {
    const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
    try {
      if (urlPath === '/' || urlPath === '/index.html') {
        response.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-cache' });
        response.end(index);
        return;
      }
      const file = baselineFile(urlPath);
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(500).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
