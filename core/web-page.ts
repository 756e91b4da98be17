/**
 * Web page slides: which pages may be shown (an allowlist of origins staff keep in settings), how
 * the frame is sandboxed, the CSP `frame-src` built from the allowlist, and how long a page may
 * take to load before its slide is skipped.
 *
 * URLs are parsed by a strict pattern rather than `URL`, so the same rule runs in core, the host,
 * Electron and the renderer alike: http(s), a host name or address, an optional port, no user name
 * or password, nothing but printable characters.
 */

import { MAX_WEB_URL_LENGTH } from './limits.js';

// The limits live in core/limits.ts; readers of web page rules find them here too.
export { MAX_WEB_ORIGINS, MAX_WEB_URL_LENGTH, WEB_PAGE_LOAD_TIMEOUT_MS } from './limits.js';

/** One allowlist entry: an origin, and whether its pages may run scripts. */
export interface WebOriginEntry {
  origin: string;
  scripts: boolean;
}

const URL_PATTERN =
  /^(https?):\/\/([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?([/?#][\x21-\x7e]*)?$/i;

/** The origin of an http(s) address ("https://example.org"), or undefined if it is not one. */
export function originOf(url: string): string | undefined {
  if (url.length > MAX_WEB_URL_LENGTH) return undefined;
  const match = URL_PATTERN.exec(url);
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  const host = match[2]!.toLowerCase();
  const port = match[3] === undefined ? undefined : Number(match[3]);
  if (port !== undefined && (port < 1 || port > 65_535)) return undefined;
  const defaultPort = scheme === 'https' ? 443 : 80;
  return port === undefined || port === defaultPort
    ? `${scheme}://${host}`
    : `${scheme}://${host}:${port}`;
}

/** Whether `text` is an origin as the allowlist writes it: scheme, host and port, nothing else. */
export function isOrigin(text: string): boolean {
  return originOf(text) === text;
}

/** The allowlist entry that covers `url`, if any. */
export function allowedEntry(
  url: string,
  allowlist: readonly WebOriginEntry[],
): WebOriginEntry | undefined {
  const origin = originOf(url);
  return origin === undefined ? undefined : allowlist.find((entry) => entry.origin === origin);
}

/** Why `url` cannot be a web page slide; undefined when it can. */
export function webPageRefusal(
  url: string,
  allowlist: readonly WebOriginEntry[],
): string | undefined {
  const origin = originOf(url);
  if (origin === undefined) {
    return `"${url}" is not a web page address: it must start with http:// or https:// and name a host.`;
  }
  if (!allowlist.some((entry) => entry.origin === origin)) {
    return `${origin} is not on the list of allowed web sites. Add it in Settings, Web pages, first.`;
  }
  return undefined;
}

/**
 * The frame's sandbox: scripts only when the entry allows them; forms post within the frame.
 *
 * Never top navigation, pop-ups, downloads or modal dialogs, and never `allow-same-origin`: the page
 * runs in an opaque origin, so it keeps no cookies or storage from one visitor to the next.
 */
export function frameSandbox(entry: WebOriginEntry): string {
  return entry.scripts ? 'allow-scripts allow-forms' : 'allow-forms';
}

/** The CSP `frame-src` for an allowlist: its origins, or `'none'` when it is empty. */
export function frameSrc(allowlist: readonly WebOriginEntry[]): string {
  const origins = [...new Set(allowlist.map((entry) => entry.origin))];
  return origins.length === 0 ? "frame-src 'none'" : `frame-src ${origins.join(' ')}`;
}

/**
 * The CSP `connect-src` for an allowlist: the kiosk itself and those origins. The player asks a
 * site whether it answers at all (a request that reads nothing back) before it frames a page, since
 * a frame whose site is unreachable shows the browser's error page and never says it failed.
 */
export function connectSrc(allowlist: readonly WebOriginEntry[]): string {
  const origins = [...new Set(allowlist.map((entry) => entry.origin))];
  return ["connect-src 'self'", ...origins].join(' ');
}

/** The slide-level problems of web page slides whose origin is not on the allowlist. */
export function webSlideProblems(
  content: { playlists: readonly { slides: readonly { kind: string; web?: { url: string } }[] }[] },
  allowlist: readonly WebOriginEntry[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  content.playlists.forEach((playlist, p) =>
    playlist.slides.forEach((slide, s) => {
      if (slide.kind !== 'web' || !slide.web) return;
      const refusal = webPageRefusal(slide.web.url, allowlist);
      if (refusal)
        problems.push({ path: `$.playlists[${p}].slides[${s}].web.url`, message: refusal });
    }),
  );
  return problems;
}
