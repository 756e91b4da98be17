/**
 * The `kiosk://app` protocol: serves the built player, shipped art and uploaded media.
 *
 * Serving from a privileged custom scheme (not file://) gives the player a real origin, so the
 * strict CSP in core/security-policy.ts and the origin checks in security.ts and ipc.ts apply.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { mediaType, parseMediaPath } from '#core/media';
import { SECURITY_HEADERS, securityHeaders } from '#core/security-policy';
import type { WebOriginEntry } from '#core/web-page';
import { KIOSK_HOST, KIOSK_SCHEME } from './security.js';

/** The folders the protocol serves from. */
export interface KioskRoots {
  /** The built renderer (`out/renderer`). */
  renderer: string;
  /** The shipped assets, for `/builtin/...`. */
  assets: string;
  /** The kiosk's data folder, for `/media/...`. */
  data: string;
}

/** A file to serve and its Content-Type. */
export interface KioskTarget {
  file: string;
  type: string;
}

/** Fetches a file: URL; `net.fetch` in Electron, a stand-in in tests. */
export type FetchFile = (fileUrl: string, init: { headers: Headers }) => Promise<Response>;

const RENDERER_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  ico: 'image/x-icon',
};

/** Content-Type of a file of the built renderer, by extension. */
export function rendererType(file: string): string {
  const ext = path.extname(file).slice(1).toLowerCase();
  return RENDERER_TYPES[ext] ?? mediaType(file);
}

/** The file a `kiosk://` URL names, or null when it names nothing we serve. */
export function resolveKioskRequest(url: string, roots: KioskRoots): KioskTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${KIOSK_SCHEME}:` || parsed.host !== KIOSK_HOST) return null;
  if (parsed.username || parsed.password) return null;
  const { pathname } = parsed;

  const media = parseMediaPath(pathname);
  if (media) {
    const file = within(media.root === 'assets' ? roots.assets : roots.data, media.relative);
    return file ? { file, type: mediaType(file) } : null;
  }
  // These prefixes belong to media; a name parseMediaPath refused must not fall through.
  if (pathname.startsWith('/builtin/') || pathname.startsWith('/media/')) return null;

  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Decoding can reveal separators and dot segments the URL parser never saw (`..%2f`).
  if (/[\0\\]/.test(relative) || relative.split('/').some((part) => part === '..')) return null;
  if (relative.endsWith('/')) relative += 'index.html';
  const file = within(roots.renderer, relative);
  return file ? { file, type: rendererType(file) } : null;
}

/** `relative` resolved under `root`, or null if it would land outside it. */
export function within(root: string, relative: string): string | null {
  const base = path.resolve(root);
  const file = path.resolve(base, relative.replace(/^[/\\]+/, ''));
  return file.startsWith(base + path.sep) ? file : null;
}

/** A copy of `response` carrying the kiosk's security headers (and `type`, when given). */
export function withSecurityHeaders(
  response: Response,
  type?: string,
  security: Readonly<Record<string, string>> = SECURITY_HEADERS,
): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(security)) headers.set(name, value);
  if (type) headers.set('Content-Type', type);
  const status = response.status >= 200 ? response.status : 200;
  return new Response(response.body, { status, statusText: response.statusText, headers });
}

function plain(status: number, text: string): Response {
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' };
  return new Response(text, { status, headers });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Answer one `kiosk://` request: the file it names with security headers, else 404. */
export async function handleKioskRequest(
  request: Request,
  roots: KioskRoots,
  fetchFile: FetchFile,
  /** The web page allowlist now: the CSP's frame-src is built from it for each response. */
  allowlist: readonly WebOriginEntry[] = [],
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return plain(405, 'Method not allowed');
  const target = resolveKioskRequest(request.url, roots);
  if (!target || !(await isFile(target.file))) return plain(404, 'Not found');
  // Pass Range on so video can seek where the file loader honours it.
  const headers = new Headers();
  const range = request.headers.get('Range');
  if (range) headers.set('Range', range);
  return withSecurityHeaders(
    await fetchFile(pathToFileURL(target.file).href, { headers }),
    target.type,
    securityHeaders(allowlist),
  );
}

/** Register `kiosk` as a privileged standard scheme. Must run before the app is ready. */
export function registerKioskScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: KIOSK_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

/** Serve `kiosk://app/...` from the given folders. Call after the app is ready. */
export function setupProtocol(
  roots: KioskRoots,
  allowlist: () => readonly WebOriginEntry[] = () => [],
): void {
  protocol.handle(KIOSK_SCHEME, (request) =>
    handleKioskRequest(request, roots, (url, init) => net.fetch(url, init), allowlist()),
  );
}
