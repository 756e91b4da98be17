import { describe, expect, it } from 'vitest';
import {
  isPdfHeader,
  PDF_MAX_BYTES,
  PDF_MAX_PAGES,
  pdfFileRefusal,
  pdfPageFileName,
  pdfPageScale,
  pdfPagesRefusal,
  pdfPlaylist,
} from './pdf-import.js';
import { Playlist } from './schema.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('PDF import rules', () => {
  it('knows a PDF by its first bytes, not its name', () => {
    expect(isPdfHeader(bytes('%PDF-1.7\n'))).toBe(true);
    expect(isPdfHeader(bytes('%PDF'))).toBe(false);
    expect(isPdfHeader(bytes('\x89PNG\r\n'))).toBe(false);
    expect(pdfFileRefusal('a.pdf', 10, bytes('%PDF-1.4'))).toBeUndefined();
    expect(pdfFileRefusal('a.pdf', 10, bytes('GIF89a'))).toBe(
      'a.pdf is not a PDF: its contents do not start with "%PDF-".',
    );
    expect(pdfFileRefusal('a.pdf', 0, bytes(''))).toBe('a.pdf is empty.');
  });

  it('refuses a PDF over the size limit or with too many pages', () => {
    expect(pdfFileRefusal('big.pdf', PDF_MAX_BYTES + 1024 * 1024, bytes('%PDF-1.4'))).toBe(
      'big.pdf is 51 MB; the limit for a PDF is 50 MB.',
    );
    expect(pdfFileRefusal('ok.pdf', PDF_MAX_BYTES, bytes('%PDF-1.4'))).toBeUndefined();
    expect(pdfPagesRefusal('x.pdf', PDF_MAX_PAGES)).toBeUndefined();
    expect(pdfPagesRefusal('x.pdf', PDF_MAX_PAGES + 1)).toMatch(/201 pages; at most 200/);
    expect(pdfPagesRefusal('x.pdf', 0)).toBe('x.pdf has no pages.');
  });

  it('draws the long side at the display size in either orientation', () => {
    expect(612 * pdfPageScale(612, 792)).toBeCloseTo(1483.64, 1);
    expect(792 * pdfPageScale(792, 612)).toBe(1920);
  });

  it('names pages so they sort in order', () => {
    expect(pdfPageFileName('Flyer.PDF', 3, 12)).toBe('Flyer-page-03.png');
    expect(pdfPageFileName('.pdf', 1, 1)).toBe('document-page-1.png');
  });

  it('makes a valid playlist of picture slides in page order', () => {
    const refs = ['a', 'b'].map((c) => `media:${c.repeat(64)}.png`);
    const playlist = Playlist.parse(pdfPlaylist('flyer', 'flyer.pdf', refs, 'fr'));
    expect(playlist.name).toBe('flyer');
    expect(playlist.slides.map((s) => (s.kind === 'image' ? s.image.src : ''))).toEqual(refs);
    expect(playlist.slides[1]!.title).toEqual({ fr: 'flyer, page 2' });
  });
});
