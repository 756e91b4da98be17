import { describe, expect, it } from 'vitest';
import { ContentSnapshot } from '#core/contract';
import { CONTENT_SCHEMA_VERSION, ContentFile, DEFAULT_SETTINGS } from '#core/schema';
import { firstSlide, SHELL_ATTRIBUTE, slideShell } from './first-slide-shell.js';
import { SNAPSHOT_BLOCK_ID, withSnapshot } from './index-page.js';

const PAGE =
  '<!doctype html><html><head><title>Kiosk</title></head><body><div id="root"></div></body></html>';

const snapshot = (title: string, image = true): ContentSnapshot => {
  const content = ContentFile.parse({
    schemaVersion: CONTENT_SCHEMA_VERSION,
    defaultPlaylistId: 'main',
    playlists: [
      {
        id: 'main',
        name: 'Main',
        slides: [
          {
            id: 'first',
            kind: 'theme',
            title: { en: title },
            body: { en: 'Text & more' },
            ...(image ? { image: { src: 'builtin:art/intro.svg', alt: { en: 'Art' } } } : {}),
          },
        ],
      },
    ],
  });
  return ContentSnapshot.parse({
    revision: 'r1',
    playlist: content.playlists[0],
    content,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'UTC' },
    problems: [],
  });
};

// The data block as the browser would read it: the text up to the first `</script`.
function readBlock(html: string): unknown {
  const start = html.indexOf(`<script type="application/json" id="${SNAPSHOT_BLOCK_ID}">`);
  expect(start).toBeGreaterThan(-1);
  const text = html.slice(html.indexOf('>', start) + 1, html.indexOf('</script', start));
  return JSON.parse(text);
}

describe('the served index page', () => {
  it('carries the snapshot as JSON that markup in a title cannot break out of', () => {
    const title = '</script><script>alert(1)</script><!-- « Ünïcode » \u2028';
    const data = snapshot(title);
    const html = withSnapshot(PAGE, data);
    expect(readBlock(html)).toEqual(data);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    expect(html.indexOf(SNAPSHOT_BLOCK_ID)).toBeLessThan(html.indexOf('</body>'));
  });

  it('preloads the first slide’s picture, and nothing when it has none', () => {
    const html = withSnapshot(PAGE, snapshot('About us'));
    expect(html).toContain(
      '<link rel="preload" as="image" fetchpriority="high" href="/builtin/art/intro.svg">',
    );
    expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf('</head>'));
    expect(withSnapshot(PAGE, snapshot('About us', false))).not.toContain('rel="preload"');
  });

  it('draws the first slide’s text in the root, escaped, with no inline style or script', () => {
    const title = '<img src=x onerror=alert(1)> "$&" $\' R&D';
    const html = withSnapshot(PAGE, snapshot(title));
    const root = html.slice(html.indexOf('<div id="root">'), html.indexOf('<script'));
    expect(root).toContain(`<main class="player" ${SHELL_ATTRIBUTE} aria-busy="true">`);
    expect(root).toContain(
      '<h2 class="slide__title" lang="en" dir="ltr">&lt;img src=x onerror=alert(1)&gt; ' +
        '&quot;$&amp;&quot; $&#39; R&amp;D</h2>',
    );
    expect(root).toContain('<p>Text &amp; more</p>');
    expect(root).toContain('<img src="/builtin/art/intro.svg" alt="Art" lang="en" dir="ltr"');
    expect(root).not.toMatch(/<img src=x|style=|<script/);
    expect(readBlock(html)).toEqual(snapshot(title));
  });

  it('leaves the root empty when the first slide is not a theme slide, or there is none', () => {
    const data = snapshot('About us');
    const main = data.content.playlists[0]!;
    const picture = ContentFile.parse({
      ...data.content,
      playlists: [
        {
          ...main,
          slides: [
            {
              id: 'pic',
              kind: 'image',
              title: { en: 'A picture' },
              image: { src: 'builtin:art/intro.svg', alt: { en: 'Art' } },
            },
          ],
        },
      ],
    });
    const shellOf = (shown: ContentSnapshot) =>
      slideShell(firstSlide(shown, Date.now()), shown.settings);
    expect(shellOf({ ...data, content: picture })).toBe('');
    const empty = { ...data.content, playlists: [{ ...main, slides: [] }] };
    expect(shellOf({ ...data, content: empty })).toBe('');
    expect(withSnapshot(PAGE, { ...data, content: picture })).toContain('<div id="root"></div>');
  });
});
