/**
 * Layout measurements made in the page: every line of slide text, every control's box, what is
 * clipped and what scrolls, so specs can assert that text and controls never meet.
 */
import type { Page } from '@playwright/test';
import type { Rect } from './helpers';

/** A box with a name saying what it is, for readable failures. */
export interface NamedRect extends Rect {
  name: string;
}

/** What one state of the player looks like, measured in one go. */
export interface LayoutReport {
  /** One box per line of text on the slide at rest (Range.getClientRects over text nodes). */
  lines: NamedRect[];
  /** Buttons, tabs, the tab list, the language bar, the accessibility button and the hint. */
  controls: NamedRect[];
  /** What must stay clear of text and controls too: the announcement band, a slide's QR code. */
  figures: NamedRect[];
  /** Lines outside the screen or outside an ancestor that clips (overflow other than visible). */
  clipped: string[];
  /** Elements with more content than room: a scrollbar, or hidden overflow. */
  overflowing: string[];
  /** Words broken across lines without a hyphen at the break. */
  unhyphenated: string[];
  /** Words broken across lines at a hyphen (soft or hard). */
  hyphenated: string[];
  /** The document scrolls (documentElement.scrollWidth/Height beyond the window). */
  documentScrolls: boolean;
}

/** Measure the slide at rest and every control (the hint counts even while hidden: it keeps
 * its place in the layout, so the same box is where it shows in the attract loop). */
export function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const slide = document.querySelector('[aria-roledescription="slide"]')!;
    const rect = (r: DOMRect, name: string) => ({
      name,
      x: r.x,
      y: r.y,
      width: r.width,
      height: r.height,
    });
    const label = (el: Element) =>
      el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName;
    const controls = [
      ...document.querySelectorAll(
        'main button, main [role="tab"], main [role="tablist"], ' +
          'main [role="group"]:not([aria-roledescription]), main .hint',
      ),
    ]
      .filter((el) => !slide.contains(el))
      .map((el) => rect(el.getBoundingClientRect(), `${el.tagName} "${label(el)}"`))
      .filter((r) => r.width > 0 && r.height > 0);
    const figures = [...document.querySelectorAll('main .band, main .qr-code')]
      .map((el) => rect(el.getBoundingClientRect(), `${el.tagName} "${label(el)}"`))
      .filter((r) => r.width > 0 && r.height > 0);

    const lines: ReturnType<typeof rect>[] = [];
    const clipped: string[] = [];
    const unhyphenated: string[] = [];
    const hyphenated: string[] = [];
    const clippers: Element[] = [];
    for (let el = slide as Element | null; el; el = el.parentElement) {
      if (getComputedStyle(el).overflow !== 'visible') clippers.push(el);
    }
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!text.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const own = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const ancestors = [...clippers];
      for (let el = node.parentElement; el && el !== slide; el = el.parentElement) {
        if (getComputedStyle(el).overflow !== 'visible') ancestors.push(el);
      }
      for (const r of own) {
        const name = `"${text.trim().slice(0, 30)}…"`;
        lines.push(rect(r, name));
        if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) {
          clipped.push(`${name} outside the screen`);
        }
        for (const clip of ancestors) {
          const c = clip.getBoundingClientRect();
          if (r.left < c.left - 1 || r.top < c.top - 1 || r.right > c.right + 1) {
            clipped.push(`${name} outside ${clip.tagName}.${clip.className}`);
          } else if (r.bottom > c.bottom + 1) {
            clipped.push(`${name} outside ${clip.tagName}.${clip.className}`);
          }
        }
      }
      // A word over two lines must break at a hyphen (soft or hard).
      for (const match of text.matchAll(/[^\s]+/g)) {
        const word = document.createRange();
        word.setStart(node, match.index);
        word.setEnd(node, match.index + match[0].length);
        const tops = new Set([...word.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size < 2) continue;
        // The top of the line a character ends on (a character after a break reports a box
        // on each line; the last one is where it shows).
        const lineOf = (at: number) => {
          const char = document.createRange();
          char.setStart(node, at);
          char.setEnd(node, at + 1);
          const boxes = char.getClientRects();
          return boxes[boxes.length - 1]?.top ?? 0;
        };
        for (let i = 1; i < match[0].length; i++) {
          const breaks = lineOf(match.index + i) > lineOf(match.index + i - 1) + 2;
          if (!breaks) continue;
          const word = match[0].replace(/\u00ad/g, '');
          if (/[\u00ad\-‐]/.test(match[0][i - 1]!)) hyphenated.push(word);
          else unhyphenated.push(word);
        }
      }
    }

    const overflowing: string[] = [];
    for (const el of document.querySelectorAll('main, main *')) {
      if (!(el instanceof HTMLElement) || el.classList.contains('visually-hidden')) continue;
      // The band's scrolling window hides what has not scrolled in yet, on purpose.
      if (el.classList.contains('band__window')) continue;
      const style = getComputedStyle(el);
      const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY);
      const hides = style.overflowX === 'hidden' || style.overflowY === 'hidden';
      if (!scrolls && !hides) continue;
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
        const what = scrolls ? 'scrolls' : 'hides overflow';
        overflowing.push(
          `${el.tagName}.${el.className} ${what}: ${el.scrollWidth}×${el.scrollHeight} ` +
            `in ${el.clientWidth}×${el.clientHeight}`,
        );
      }
    }
    const root = document.documentElement;
    return {
      lines,
      controls,
      figures,
      clipped,
      overflowing,
      unhyphenated,
      hyphenated,
      documentScrolls: root.scrollHeight > innerHeight || root.scrollWidth > innerWidth,
    };
  });
}
