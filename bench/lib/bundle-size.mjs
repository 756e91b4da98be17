/**
 * What the player page loads before any admin code, measured from the build output: the scripts
 * and stylesheets named in dist/renderer/index.html, the player the entry script imports after the
 * first paint, and every JS chunk those import statically.
 * Chunks reached only through `import()` (the lazy AdminScreen) are listed but not counted.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static `import … from './x.js'`, `import './x.js'` and `export … from './x.js'`. */
// The clause between keyword and `from` holds only identifiers, braces, commas, `*` and spaces,
// so `import('./x.js')` (dynamic) and `import.meta` never match.
const STATIC_IMPORT =
  /(?<![\w$.])(?:import|export)\s*(?:[\w$\s{},*]*?from\s*)?(["'])(\.{0,2}\/[^"']+)\1/g;

/**
 * `import('./x.js')` in the page's entry script: boot.ts loads the player that way once the first
 * slide has painted, so it counts as startup; dynamic imports deeper down are the lazy chunks.
 */
const ENTRY_DYNAMIC_IMPORT = /(?<![\w$.])import\(\s*(["'`])(\.{0,2}\/[^"'`]+)\1\s*\)/g;

/** Sizes of one file: raw and gzip level 9. */
async function fileSize(file) {
  const bytes = await readFile(file);
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Add up the sizes of a list of files. */
function totals(files) {
  return {
    files: files.map((f) => ({ ...f, file: path.basename(f.file) })),
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}

/** Attribute values of tags matching `tag` whose attributes satisfy `accept`. */
function tagUrls(html, tag, attribute, accept) {
  const urls = [];
  for (const [whole] of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'gi'))) {
    const value = new RegExp(`\\b${attribute}\\s*=\\s*["']([^"']+)["']`, 'i').exec(whole)?.[1];
    if (value && accept(whole)) urls.push(value);
  }
  return urls;
}

/** Resolve a URL from the page (or a chunk) to a file in the build folder. */
function toFile(rendererDir, fromFile, url) {
  const clean = url.split(/[?#]/)[0];
  if (clean.startsWith('/')) return path.join(rendererDir, clean);
  return path.resolve(path.dirname(fromFile), clean);
}

/**
 * Measure the player's startup JS and CSS.
 * @param {string} rendererDir the built renderer (dist/renderer)
 */
export async function measurePlayerBundle(rendererDir) {
  const indexFile = path.join(rendererDir, 'index.html');
  const html = await readFile(indexFile, 'utf8');
  const scripts = tagUrls(html, 'script', 'src', () => true);
  const preloads = tagUrls(html, 'link', 'href', (tag) => /rel=["']?modulepreload/i.test(tag));
  const styles = tagUrls(html, 'link', 'href', (tag) => /rel=["']?stylesheet/i.test(tag));

  // Walk the static import graph from the entry scripts.
  const jsFiles = new Set();
  const entries = scripts.map((url) => toFile(rendererDir, indexFile, url));
  const queue = [...entries, ...preloads.map((url) => toFile(rendererDir, indexFile, url))];
  while (queue.length > 0) {
    const file = queue.shift();
    if (jsFiles.has(file)) continue;
    jsFiles.add(file);
    const code = await readFile(file, 'utf8');
    const imports = [...code.matchAll(STATIC_IMPORT)];
    if (entries.includes(file)) imports.push(...code.matchAll(ENTRY_DYNAMIC_IMPORT));
    for (const match of imports) {
      const target = toFile(rendererDir, file, match[2]);
      if (target.endsWith('.js') || target.endsWith('.mjs')) queue.push(target);
    }
  }

  const cssFiles = styles.map((url) => toFile(rendererDir, indexFile, url));
  const css = await Promise.all(cssFiles.map(fileSize));

  // Everything else the build emitted: lazy chunks (not counted) and the fonts the CSS declares.
  const assetsDir = path.join(rendererDir, 'assets');
  const emitted = await readdir(assetsDir);
  const lazy = emitted
    .filter((name) => /\.(m?js|css)$/.test(name))
    .map((name) => path.join(assetsDir, name))
    .filter((file) => !jsFiles.has(file) && !cssFiles.includes(file));
  const fontFaces = [];
  for (const file of cssFiles) {
    const text = await readFile(file, 'utf8');
    for (const [, url] of text.matchAll(/url\(\s*["']?([^"')]+\.woff2?)["']?\s*\)/g)) {
      fontFaces.push(path.basename(url));
    }
  }

  const js = totals(await Promise.all([...jsFiles].map(fileSize)));
  return {
    js,
    modules: await moduleShares(rendererDir, js.files),
    css: totals(css),
    excludedLazy: (await Promise.all(lazy.map(fileSize))).map((f) => ({
      ...f,
      file: path.basename(f.file),
    })),
    fontFacesDeclared: fontFaces,
  };
}

/** Where a module's bytes are counted: its npm package, else its folder in this repository. */
export function moduleGroup(module) {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (inPackage) return inPackage[1];
  if (module.startsWith('renderer/src/')) return module.split('/').slice(0, 3).join('/');
  return module.split('/')[0] || module;
}

/**
 * Gzip bytes of the startup JS by package or folder: each chunk's real gzip size, shared out
 * among its modules in proportion to their own (unminified) gzip size, from the build's
 * .vite/module-sizes.json. Empty when the build did not write that file.
 */
async function moduleShares(rendererDir, startupFiles) {
  let chunks;
  try {
    chunks = JSON.parse(
      await readFile(path.join(rendererDir, '.vite', 'module-sizes.json'), 'utf8'),
    );
  } catch {
    return [];
  }
  const groups = new Map();
  for (const { file, gzip } of startupFiles) {
    const modules = chunks[`assets/${file}`] ?? [];
    const weight = modules.reduce((n, m) => n + m.gzip, 0);
    for (const m of modules) {
      if (weight === 0 || m.gzip === 0) continue;
      const group = moduleGroup(m.module);
      groups.set(group, (groups.get(group) ?? 0) + (gzip * m.gzip) / weight);
    }
  }
  return [...groups]
    .map(([group, gzip]) => ({ group, gzip: Math.round(gzip) }))
    .sort((a, b) => b.gzip - a.gzip);
}

/**
 * Measure the baseline page's script and stylesheet.
 * @param {string} baselineDir bench/baseline
 */
export async function measureBaselineBundle(baselineDir) {
  return {
    js: totals([await fileSize(path.join(baselineDir, 'baseline.js'))]),
    css: totals([await fileSize(path.join(baselineDir, 'baseline.css'))]),
  };
}
