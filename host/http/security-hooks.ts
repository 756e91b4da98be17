/**
 * Guards on the HTTP API: the staff session cookie, refusal of cross-site writes, rate limits,
 * and telling requests made on the kiosk itself from those made over the LAN.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HTTP_STATUS, KioskError, type KioskFailure } from '#core/errors';
import { hostNameOf, isOwnHostName } from './host-names.js';

/** Name of the cookie that carries the staff session id. */
export const SESSION_COOKIE = 'kiosk_session';

/** Calls that try a PIN, held to a much lower rate than the rest of the API. */
export const PIN_CALLS: ReadonlySet<string> = new Set([
  'auth:unlock',
  'auth:create-pin',
  'auth:change-pin',
]);

/** How the guards behave. */
export interface SecurityOptions {
  /**
   * Remote admin over the LAN is on. When off, the API answers only to loopback host names; when
   * on, also to this machine's own names and addresses and to `extraHostNames`.
   */
  lan: boolean;
  /**
   * Plain HTTP answers only the kiosk's own screen (127.0.0.1, ::1): other machines must use the
   * HTTPS listener (host/http/listen.ts). On whenever remote admin is.
   */
  httpsOnlyFromNetwork?: boolean;
  /** Other names staff reach the kiosk by (the `allowedHostNames` setting), read per request. */
  extraHostNames?: () => readonly string[];
  /** API requests per minute from one address (default 1200: the player and tests never hit it). */
  apiPerMinute?: number;
  /** PIN calls per minute from one address (default 20). */
  pinCallsPerMinute?: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Register the cookie parser, the rate limits and the cross-site guard on every `/api` route. */
export async function registerSecurityHooks(
  app: FastifyInstance,
  options: SecurityOptions,
): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  const apiLimit = app.createRateLimit({ max: options.apiPerMinute ?? 1200, timeWindow: 60_000 });
  const pinLimit = app.createRateLimit({
    max: options.pinCallsPerMinute ?? 20,
    timeWindow: 60_000,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (options.httpsOnlyFromNetwork && !isEncrypted(request) && !isKioskAddress(request)) {
      // Never the PIN or a session cookie in clear text over the network.
      return refuse(
        reply,
        new KioskError(
          'forbidden',
          "Other computers reach this kiosk over HTTPS only: open the https:// address shown on the kiosk's Status screen.",
        ),
      );
    }
    const target = apiTarget(request);
    if (!target) return;
    if (!isAllowedHost(request.headers.host, options)) {
      // A page on another site that resolves its name to the kiosk (DNS rebinding) lands here.
      return refuse(reply, new KioskError('forbidden', hostRefusal(options.lan)));
    }
    const api = await apiLimit(request);
    if (!api.isAllowed && api.isExceeded) {
      return tooMany(reply, 'Too many requests', api.ttlInSeconds);
    }
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) {
      return refuse(reply, new KioskError('forbidden', 'Requests from other sites are refused.'));
    }
    if (target.call !== undefined && PIN_CALLS.has(target.call)) {
      const pin = await pinLimit(request);
      if (!pin.isAllowed && pin.isExceeded) {
        return tooMany(reply, 'Too many PIN tries from this address', pin.ttlInSeconds);
      }
    }
  });
}

/** The staff session id the request's cookie carries, if any. */
export function readSessionId(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[SESSION_COOKIE];
  return value !== undefined && /^[\w-]{16,128}$/.test(value) ? value : undefined;
}

/** Give the caller its staff session cookie. */
export function setSessionCookie(
  reply: FastifyReply,
  sessionId: string,
  request: FastifyRequest = reply.request,
): void {
  reply.setCookie(SESSION_COOKIE, sessionId, cookieOptions(request));
}

/** Remove the caller's staff session cookie. */
export function clearSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest = reply.request,
): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

function cookieOptions(request: FastifyRequest) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: request.protocol === 'https',
  };
}

/** Whether the request comes from this machine, by a loopback address and a loopback host name. */
export function isLocalRequest(request: FastifyRequest): boolean {
  // The socket, not request.ip: a forwarded-for header must never make a request local.
  return isLoopbackAddress(request.socket.remoteAddress) && isLoopbackHost(request.headers.host);
}

/**
 * Who sent a request, for counting per source: its socket's address (IPv4 mapped into IPv6 as
 * plain IPv4), never what a forwarding header claims.
 */
export function sourceOf(request: FastifyRequest): string {
  const address = request.socket.remoteAddress ?? 'unknown';
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

/**
 * Whether the request comes from the kiosk's own screen: the player and admin on this machine
 * reach the host from 127.0.0.1 (or ::1) by a loopback name. Other loopback addresses are this
 * machine too, but no browser uses them, so they are counted like any other source.
 */
export function isKioskScreen(request: FastifyRequest): boolean {
  return isKioskAddress(request) && isLocalRequest(request);
}

function isKioskAddress(request: FastifyRequest): boolean {
  const source = sourceOf(request);
  return source === '127.0.0.1' || source === '::1';
}

function isEncrypted(request: FastifyRequest): boolean {
  return (request.raw.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether an IP address is loopback: 127.0.0.0/8, ::1, or 127.x mapped into IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  if (isIPv4(address)) return loopback.check(address, 'ipv4');
  return isIPv6(address) && loopback.check(address, 'ipv6');
}

/** Whether a Host header names this machine: localhost or a loopback address, any port. */
export function isLoopbackHost(host: string | undefined): boolean {
  const hostname = hostNameOf(host);
  if (hostname === undefined) return false;
  return hostname === 'localhost' || isLoopbackAddress(hostname);
}

/** Whether the Host header names this kiosk: loopback always, its own names in LAN mode. */
export function isAllowedHost(host: string | undefined, options: SecurityOptions): boolean {
  if (isLoopbackHost(host)) return true;
  if (!options.lan) return false;
  const name = hostNameOf(host);
  return name !== undefined && isOwnHostName(name, options.extraHostNames?.() ?? []);
}

function hostRefusal(lan: boolean): string {
  return lan
    ? 'This kiosk answers only to its own names and addresses. Add another name under Settings, "Other names of this kiosk".'
    : 'This kiosk answers only to 127.0.0.1 or localhost.';
}

/** Whether a browser says the request comes from a page of another origin. */
function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin !== undefined) return !sameHost(origin, request.headers.host);
  // Older browsers and some forms send no Origin; the page they came from still tells.
  const referer = request.headers.referer;
  return referer !== undefined && !sameHost(referer, request.headers.host);
}

// `origin` is an Origin or a whole Referer URL: only its scheme and host are compared.
function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const from = new URL(origin);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
    // Parsed with the origin's scheme so that default ports compare equal (`:80` and none).
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/** The API request's path, decoded as the router decodes it, and the call it names. */
function apiTarget(request: FastifyRequest): { call: string | undefined } | undefined {
  const raw = request.url.split('?')[0] ?? '';
  let pathname: string;
  try {
    // Decoded, or `/%61pi/call/auth%3Aunlock` would reach the route yet miss these checks.
    pathname = decodeURIComponent(raw);
  } catch {
    pathname = raw;
  }
  pathname = pathname.replace(/\/{2,}/g, '/');
  // The route the router chose counts too, whatever spelling of the path led there.
  const route = request.routeOptions.url ?? '';
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  if (!isApi(pathname) && !isApi(route)) return undefined;
  const params = request.params as { name?: unknown } | undefined;
  const call =
    route === '/api/call/:name' && typeof params?.name === 'string'
      ? params.name
      : /^\/api\/call\/([^/]+)/.exec(pathname)?.[1];
  return { call };
}

/**
 * Send a refusal as `{ error: KioskFailure }` with its HTTP status (the wire format scripts and
 * the fleet read); a lock-out also says when to try again in the standard Retry-After header.
 */
export function refuse(reply: FastifyReply, failure: KioskFailure | KioskError): FastifyReply {
  const error = failure instanceof KioskError ? failure.toFailure() : failure;
  if (error.code === 'locked-out' && error.details) {
    reply.header('Retry-After', String(error.details.retryAfterSec));
  }
  return reply.code(HTTP_STATUS[error.code]).send({ error });
}

function tooMany(reply: FastifyReply, what: string, retryAfterSec: number): FastifyReply {
  return refuse(
    reply,
    new KioskError('locked-out', `${what}. Try again in ${retryAfterSec} seconds.`, [], {
      retryAfterSec,
    }),
  );
}
