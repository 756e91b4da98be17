/**
 * Importing a PDF as pictures: the checks made on the PDF before it is opened, the size each page
 * is drawn at, and the playlist of picture slides made from the pages.
 *
 * The PDF itself never reaches the host or the player: the admin page draws each page and uploads
 * the pictures through the normal media path, where their own type and size limits apply.
 */
import { PDF_MAX_BYTES, PDF_MAX_PAGES } from './limits.js';
import type { ImageSlide, LocalizedText, MediaRef, Playlist } from './schema.js';
import { formatMB } from './units.js';

// The limits live in core/limits.ts; readers of the PDF rules find them here too.
export { PDF_MAX_BYTES, PDF_MAX_PAGES };

/**
 * The long side of the kiosk's display, in pixels: each page is drawn so that its longer side is
 * this long, so the picture is sharp on a 1920 × 1080 screen in either orientation.
 */
export const PDF_PAGE_LONG_SIDE_PX = 1920;

/** How long each page stays on screen in the playlist made from a PDF, in milliseconds. */
export const PDF_SLIDE_DURATION_MS = 12_000;

/** The bytes every PDF file starts with. */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Whether `head` (the file's first bytes) starts like a PDF. */
export function isPdfHeader(head: Uint8Array): boolean {
  return PDF_MAGIC.every((byte, index) => head[index] === byte);
}

/** Why a file cannot be imported as a PDF, before it is opened; undefined when it may be. */
export function pdfFileRefusal(name: string, size: number, head: Uint8Array): string | undefined {
  if (size === 0) return `${name} is empty.`;
  if (size > PDF_MAX_BYTES) {
    return `${name} is ${formatMB(size)}; the limit for a PDF is ${formatMB(PDF_MAX_BYTES)}.`;
  }
  if (!isPdfHeader(head)) return `${name} is not a PDF: its contents do not start with "%PDF-".`;
  return undefined;
}

/** Why a PDF with `pages` pages cannot be imported; undefined when it may be. */
export function pdfPagesRefusal(name: string, pages: number): string | undefined {
  if (pages < 1) return `${name} has no pages.`;
  if (pages > PDF_MAX_PAGES) {
    return `${name} has ${pages} pages; at most ${PDF_MAX_PAGES} pages can be imported at once.`;
  }
  return undefined;
}

/** The scale that draws a page of `width` × `height` (PDF points) with its long side `longSide`. */
export function pdfPageScale(
  width: number,
  height: number,
  longSide = PDF_PAGE_LONG_SIDE_PX,
): number {
  return longSide / Math.max(width, height, 1);
}

/** The name a page's picture is uploaded with: "flyer-page-03.png". */
export function pdfPageFileName(pdfName: string, page: number, pages: number): string {
  const base = pdfName.replace(/\.pdf$/i, '').slice(0, 200) || 'document';
  return `${base}-page-${String(page).padStart(String(pages).length, '0')}.png`;
}

/** A PDF's name without its extension, as the playlist and slide titles use it. */
export function pdfTitle(pdfName: string): string {
  return (pdfName.replace(/\.pdf$/i, '').trim() || 'PDF').slice(0, 100);
}

/**
 * A playlist of picture slides, one per page in page order, named after the PDF.
 *
 * `id` must be free among the playlists; texts are written in `lang` (the default language).
 */
export function pdfPlaylist(
  id: string,
  pdfName: string,
  pages: MediaRef[],
  lang: string,
): Playlist {
  const title = pdfTitle(pdfName);
  const text = (value: string): LocalizedText => ({ [lang]: value });
  const slides: ImageSlide[] = pages.map((src, index) => ({
    id: `page-${index + 1}`,
    enabled: true,
    durationMs: PDF_SLIDE_DURATION_MS,
    kind: 'image',
    title: text(`${title}, page ${index + 1}`),
    image: { src, alt: text(`${title}, page ${index + 1} of ${pages.length}`) },
    framing: { fit: 'fit', backdrop: 'blur', focusX: 50, focusY: 50 },
  }));
  return { id, name: title, slides, translations: {} };
}
