/**
 * The player's page as served: the built index.html with the current content snapshot inside it
 * (a JSON data block, which the CSP allows since it never runs), the first slide's picture
 * preloaded and the first slide's markup (first-slide-shell.ts), so the first slide needs no
 * second round trip and its title paints before the script has run.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentSnapshot } from '#core/contract';
import { mediaUrl } from '#core/media';
import type { Slide } from '#core/schema';
import { escapeHtml, firstSlide, slideShell } from './first-slide-shell.js';

/** The id the renderer reads the snapshot from (renderer/src/api/inline-snapshot.ts). */
export const SNAPSHOT_BLOCK_ID = 'kiosk-snapshot';

/**
 * JSON that cannot end or comment out its `<script>` element, whatever the text inside says
 * (`</script>`, `<!--` in a title): `<`, `>` and `&` become `\u003c`-style escapes, which JSON
 * reads back as the same characters.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The picture a slide shows, as a URL; undefined for none. */
function pictureOf(slide: Slide | undefined): string | undefined {
  if (slide?.kind === 'image' || slide?.kind === 'theme') {
    return slide.image ? mediaUrl(slide.image.src) : undefined;
  }
  return undefined;
}

/** Put the snapshot, the picture preload and the first slide's markup into the page's HTML. */
export function withSnapshot(html: string, snapshot: ContentSnapshot, now = Date.now()): string {
  // The schedule is resolved once per page: the preload and the markup show the same slide.
  const slide = firstSlide(snapshot, now);
  const picture = pictureOf(slide);
  const preload = picture
    ? `<link rel="preload" as="image" fetchpriority="high" href="${escapeHtml(picture)}">\n  `
    : '';
  const block = `<script type="application/json" id="${SNAPSHOT_BLOCK_ID}">${scriptSafeJson(snapshot)}</script>\n  `;
  // A function replacement: `$` in a slide's text must not be read as a replacement pattern.
  const shell = slideShell(slide, snapshot.settings);
  return html
    .replace('</head>', () => `${preload}</head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${shell}</div>`)
    .replace('</body>', () => `${block}</body>`);
}

/** Read the built page (on each request: it is small, and a rebuild must show at once). */
export async function renderIndexPage(
  rendererDir: string,
  snapshot: ContentSnapshot,
): Promise<string> {
  return withSnapshot(await readFile(path.join(rendererDir, 'index.html'), 'utf8'), snapshot);
}
