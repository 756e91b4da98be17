/**
 * The names and addresses this machine answers to, for the Host check that stops DNS rebinding.
 *
 * A page on another site can make a browser on the LAN resolve its own name to the kiosk's
 * address; the request then carries that site's name in its Host header. Only the kiosk's own
 * names, its addresses and the names staff add (the `allowedHostNames` setting) are answered.
 */
import { isIP } from 'node:net';
import os from 'node:os';

// Interfaces change (DHCP, a cable plugged in), so the list is read again after this long.
const REFRESH_MS = 10_000;

let cached: { at: number; names: ReadonlySet<string> } | undefined;

/** This machine's host name (also as `<name>.local`) and every address of its interfaces. */
export function ownHostNames(now = Date.now()): ReadonlySet<string> {
  if (cached && now - cached.at < REFRESH_MS) return cached.names;
  const names = new Set<string>(['localhost']);
  const hostname = os.hostname().toLowerCase();
  if (hostname) {
    names.add(hostname);
    names.add(`${hostname.split('.')[0]}.local`);
  }
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list ?? []) names.add(entry.address.toLowerCase().replace(/%.*$/, ''));
  }
  cached = { at: now, names };
  return names;
}

/** The host name of a Host header, lower case, without brackets or port; undefined if malformed. */
export function hostNameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  try {
    const { hostname, username, pathname } = new URL(`http://${host}`);
    // `a@b` or `a/b` in a Host header is not a host name.
    if (username || pathname !== '/' || /[@/\\?#]/.test(host)) return undefined;
    return hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether `name` (from hostNameOf) is this machine or one of the names staff allow. */
export function isOwnHostName(name: string, extra: readonly string[] = []): boolean {
  if (ownHostNames().has(name)) return true;
  return extra.some((allowed) => allowed.replace(/^\[(.*)\]$/, '$1') === name) || isLocalIp(name);
}

// 127.x and ::1 are this machine whatever the interface list says.
function isLocalIp(name: string): boolean {
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1';
}
