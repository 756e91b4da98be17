/**
 * The first slide as plain markup, written into the served page so its title paints as soon as
 * the HTML, the stylesheet and the font are in, before any script runs. The player's first render
 * replaces it (React clears the root in the same commit), with the same classes, so the slide
 * stays where it was; the player then adds what needs script (QR code, controls, text fitting).
 * No inline style or script: the page's CSP allows neither.
 */
import type { ContentSnapshot } from '#core/contract';
import { langAttributes, pickText } from '#core/i18n';
import { mediaUrl } from '#core/media';
import type { LocalizedText, Slide } from '#core/schema';
import { resolvePlaylist } from '#core/schedule';

/** Marks the shell in the page (tests and the renderer can tell it from the player). */
export const SHELL_ATTRIBUTE = 'data-first-slide-shell';

/** Text safe inside an element or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The slide the player starts with now (per the schedule); undefined for none. */
export function firstSlide(snapshot: ContentSnapshot, now: number): Slide | undefined {
  const zone = snapshot.settings.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  return resolvePlaylist(snapshot.content, now, zone).slides[0];
}

/**
 * The markup of the first slide (from `firstSlide`) when it is a theme slide (text beside
 * artwork: the usual start); an empty string for other kinds, which the player draws alone.
 */
export function slideShell(
  slide: Slide | undefined,
  settings: ContentSnapshot['settings'],
): string {
  if (slide?.kind !== 'theme') return '';
  const lang = settings.defaultLanguage;
  const text = (value: LocalizedText | undefined) => pickText(value, lang, lang);
  const langAttrs = (value: string) => {
    const attrs = langAttributes(value);
    return `lang="${escapeHtml(attrs.lang)}" dir="${attrs.dir}"`;
  };
  const element = (tag: string, className: string, value: { text: string; lang: string }) =>
    `<${tag}${className ? ` class="${className}"` : ''} ${langAttrs(value.lang)}>${escapeHtml(value.text)}</${tag}>`;

  const title = text(slide.title);
  const lead = text(slide.lead);
  const body = text(slide.body);
  const paragraphs = body.text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('');
  let art = '';
  if (slide.image) {
    const alt = text(slide.image.alt);
    art =
      `<div class="slide__art"><img src="${escapeHtml(mediaUrl(slide.image.src))}"` +
      ` alt="${escapeHtml(alt.text)}" ${langAttrs(alt.lang)} draggable="false"></div>`;
  }
  const classes = [
    'player',
    settings.hideCursor && 'is-cursor-hidden',
    settings.reducedMotion === 'always' && 'is-reduced-motion',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    `<main class="${classes}" ${SHELL_ATTRIBUTE} aria-busy="true">` +
    '<div class="carousel"><div class="carousel__viewport"><div class="carousel__slide">' +
    `<div class="slide slide--theme slide--${escapeHtml(slide.id)}">${art}` +
    '<div class="slide__text"><div class="slide__copy">' +
    '<div class="slide__flag" aria-hidden="true"><span></span><span></span><span></span></div>' +
    element('h2', 'slide__title', title) +
    (lead.text ? element('p', 'slide__lead', lead) : '') +
    `<div class="slide__body" ${langAttrs(body.lang)}>${paragraphs}</div>` +
    '</div></div></div></div></div></div></main>'
  );
}
