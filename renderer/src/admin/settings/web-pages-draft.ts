/**
 * The web page allowlist as staff type it: one site a line, "scripts" after a site whose pages
 * may run scripts ("https://example.org scripts").
 */
import type { WebOrigin } from '#core/schema';
import { MAX_WEB_ORIGINS, originOf } from '#core/web-page';

/** The allowlist as the form shows it. */
export function webPagesText(entries: readonly WebOrigin[]): string {
  return entries.map((e) => (e.scripts ? `${e.origin} scripts` : e.origin)).join('\n');
}

/** The allowlist typed in the form, or what is wrong with it (naming the line). */
export function parseWebPages(
  text: string,
): { ok: true; entries: WebOrigin[] } | { ok: false; message: string } {
  const entries: WebOrigin[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const words = raw.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const where = `line ${index + 1}`;
    const [site, option, ...rest] = words as [string, string?, ...string[]];
    // "https://example.org/" is the site itself; a path or query would be more than a site.
    const origin = originOf(site.replace(/\/$/, ''));
    if (origin === undefined || origin !== site.replace(/\/$/, '').toLowerCase()) {
      return {
        ok: false,
        message: `${where}: "${site}" is not a web site such as https://example.org (no path after the name)`,
      };
    }
    if ((option !== undefined && option.toLowerCase() !== 'scripts') || rest.length > 0) {
      return { ok: false, message: `${where}: after the site, only the word "scripts" may follow` };
    }
    if (entries.some((e) => e.origin === origin)) continue;
    entries.push({ origin, scripts: option !== undefined });
  }
  if (entries.length > MAX_WEB_ORIGINS) {
    return { ok: false, message: `at most ${MAX_WEB_ORIGINS} web sites can be listed` };
  }
  return { ok: true, entries };
}
