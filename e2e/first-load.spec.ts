/**
 * Issue 19: what the player's first slide waits for. The page carries the content (no round
 * trip, escaped so no title can break out of it), the font and first picture are preloaded, and
 * the first load leaves out what the first slide does not need. Speed itself is in bench/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ContentFile } from '#core/schema';
import { FIRST_LOAD_JS_GZIP_BYTES } from '#core/speed-budget';
import { expect, openPlayer, test } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '..');
const RENDERER = path.join(ROOT, 'dist', 'renderer');
// The player escapes the call name: `content%3Aget`.
const CONTENT_GET = /\/api\/call\/content(:|%3A)get/;
const TRICKY = 'Us & them </script><script>window.__escaped = true</script><!-- end';

/** The shipped content with a first-slide title that tries to end the page's data block. */
function trickyContent(): ContentFile {
  const file = path.join(ROOT, 'assets/content/content.json');
  const content = JSON.parse(readFileSync(file, 'utf8')) as ContentFile;
  const first = content.playlists[0]!.slides[0]!;
  first.title = { ...first.title, en: TRICKY };
  return content;
}

/**
 * The JS files the built page loads at start: its scripts, the player its entry script imports
 * once the first slide has painted (boot.ts), and their static imports.
 */
function startupChunks(): string[] {
  const html = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const queue = [...entries];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(RENDERER, file), 'utf8');
    const imports = [
      ...code.matchAll(/(?<![\w$.])import\s*(?:[\w$\s{},*]*?from\s*)?"\.\/([^"]+\.js)"/g),
      ...(entries.includes(file)
        ? code.matchAll(/(?<![\w$.])import\(\s*[`"']\.\/([^`"']+\.js)[`"']\s*\)/g)
        : []),
    ];
    for (const m of imports) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

test.describe('a first-slide title with markup in it', () => {
  test.use({ content: trickyContent() });

  test('the page carries the current content, and the title stays text', async ({ page, host }) => {
    // content:get is held unanswered: the first slide must not need it.
    const held: (() => Promise<void>)[] = [];
    await page.route(CONTENT_GET, (route) => {
      held.push(() => route.continue());
    });
    await openPlayer(page, host.url);
    await expect(page.getByRole('heading', { name: TRICKY })).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => 'escaped' in window || '__escaped' in window)).toBe(false);

    // The served page holds the same snapshot content:get answers, as one data block.
    const html = await (await page.request.get(host.url)).text();
    expect(html.match(/<script type="application\/json" id="kiosk-snapshot">/g)).toHaveLength(1);
    const block = await page.evaluate(() =>
      JSON.parse(document.getElementById('kiosk-snapshot')!.textContent!),
    );
    const fromApi = await (await page.request.post(`${host.url}/api/call/content:get`)).json();
    expect(block.revision).toBe(fromApi.revision);
    expect(block.playlist.slides[0].title.en).toBe(TRICKY);
    // It was asked for (after the first slide, to follow the host), and is let through now.
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    for (const release of held) await release();
    await expect(page.getByRole('heading', { name: TRICKY })).toBeVisible();
  });
});

test('the page preloads the Latin font and the first slide’s picture', async ({ page, host }) => {
  const html = await (await page.request.get(host.url)).text();
  expect(html).toMatch(
    /<link rel="preload" as="font" type="font\/woff2" crossorigin="" href="\.\/assets\/inter-latin-wght-normal-[\w-]+\.woff2">/,
  );
  expect(html).toMatch(
    /<link rel="preload" as="image" fetchpriority="high" href="\/builtin\/art\//,
  );
  expect(html.indexOf('rel="preload" as="image"')).toBeLessThan(html.indexOf('</head>'));
});

test('the first load leaves out schemas, the animation library and rarely shown parts', () => {
  const sizes = JSON.parse(
    readFileSync(path.join(RENDERER, '.vite', 'module-sizes.json'), 'utf8'),
  ) as Record<string, { module: string }[]>;
  const chunks = startupChunks();
  expect(chunks.length).toBeGreaterThan(0);
  const modules = chunks.flatMap((file) => (sizes[file] ?? []).map((m) => m.module));
  expect(modules).toContain('renderer/src/player/Carousel.tsx');
  const deferred = [
    /node_modules\/zod\//,
    // The slides move with Web Animations; the animation library comes with the overlays.
    /node_modules\/(framer-motion|motion-dom|motion-utils)\//,
    /renderer\/src\/player\/(IdleDialog|EmergencyOverlay|VideoCaptions|FallbackScreen)\.tsx$/,
    /renderer\/src\/admin\//,
    /core\/contract\.ts$/,
  ];
  for (const pattern of deferred) {
    expect(
      modules.filter((m) => pattern.test(m)),
      String(pattern),
    ).toEqual([]);
  }
});

test('the first load stays within the JavaScript budget', () => {
  const chunks = startupChunks();
  expect(chunks.length).toBeGreaterThan(0);
  // Gzip level 9 of each file, as bench/ measures it.
  const sizes = chunks.map((file) => ({
    file,
    gzip: gzipSync(readFileSync(path.join(RENDERER, file)), { level: 9 }).length,
  }));
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(FIRST_LOAD_JS_GZIP_BYTES);
  // framer-motion's own attribute name, which minifying keeps: the library is not in them.
  for (const file of chunks) {
    expect(readFileSync(path.join(RENDERER, file), 'utf8'), file).not.toContain('data-framer-');
  }
});

test('the first slide shows before any script runs, and the player takes its place', async ({
  browser,
  page,
  host,
}) => {
  // Script off: what the page itself draws once its stylesheet is in.
  const still = await browser.newContext({ javaScriptEnabled: false });
  const bare = await still.newPage();
  await bare.goto(host.url);
  await expect(bare.getByRole('heading', { name: 'About us' })).toBeVisible();
  await expect(bare.getByRole('img', { name: /red door/ })).toBeVisible();
  await still.close();

  // Script on: the player replaces it (one title, the carousel's own), with the same picture.
  await page.addInitScript(() => {
    // Every frame until the carousel is up shows the title: no blank frame in between.
    const w = window as unknown as { __blank: number };
    w.__blank = 0;
    const frame = () => {
      if (document.querySelector('[aria-roledescription="carousel"]')) return;
      const titles = [...document.getElementsByTagName('h2')];
      if (document.readyState !== 'loading' && !titles.some((h) => h.checkVisibility())) {
        w.__blank++;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await openPlayer(page, host.url);
  await expect(page.getByRole('heading', { name: 'About us' })).toHaveCount(1);
  await expect(page.locator('[data-first-slide-shell]')).toHaveCount(0);
  await expect(page.getByRole('group', { name: '1 of 4' }).getByRole('heading')).toHaveText(
    'About us',
  );
  expect(await page.evaluate(() => (window as unknown as { __blank: number }).__blank)).toBe(0);
});
