import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SECURITY_HEADERS } from '#core/security-policy';
import * as electron from '../test/fake-electron.js';
import { resetFakeElectron } from '../test/fake-electron.js';
import {
  registerKioskScheme,
  resolveKioskRequest,
  setupProtocol,
  type KioskRoots,
} from './protocol.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const SHA = 'a'.repeat(64);
let base: string;
let roots: KioskRoots;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-protocol-'));
  roots = {
    renderer: path.join(base, 'out', 'renderer'),
    assets: path.join(base, 'assets'),
    data: path.join(base, 'data'),
  };
  const files: Record<string, string> = {
    'out/renderer/index.html': '<!doctype html><title>kiosk</title>',
    'out/renderer/assets/index-abc.js': 'console.log(1)',
    'assets/art/open-innovation.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    [`data/media/${SHA}.png`]: 'png bytes',
    'secret.txt': 'outside every root',
    'out/secret.txt': 'beside the renderer',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(base, name)), { recursive: true });
    await writeFile(path.join(base, name), text);
  }
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveKioskRequest', () => {
  it('serves files of the built renderer, with index.html for the root', () => {
    expect(resolveKioskRequest('kiosk://app/', roots)).toEqual({
      file: path.join(roots.renderer, 'index.html'),
      type: 'text/html; charset=utf-8',
    });
    expect(resolveKioskRequest('kiosk://app/assets/index-abc.js?v=1', roots)).toEqual({
      file: path.join(roots.renderer, 'assets', 'index-abc.js'),
      type: 'text/javascript; charset=utf-8',
    });
  });

  it('serves builtin art from the assets folder and media from the data folder', () => {
    expect(resolveKioskRequest('kiosk://app/builtin/art/open-innovation.svg', roots)).toEqual({
      file: path.join(roots.assets, 'art', 'open-innovation.svg'),
      type: 'image/svg+xml',
    });
    expect(resolveKioskRequest(`kiosk://app/media/${SHA}.png`, roots)).toEqual({
      file: path.join(roots.data, 'media', `${SHA}.png`),
      type: 'image/png',
    });
  });

  it('refuses media names that are not content hashes or known art', () => {
    expect(resolveKioskRequest('kiosk://app/media/photo.png', roots)).toBeNull();
    expect(
      resolveKioskRequest('kiosk://app/builtin/art/../content/content.json', roots),
    ).toBeNull();
    expect(resolveKioskRequest('kiosk://app/builtin/content/content.json', roots)).toBeNull();
  });

  it('never leaves the renderer folder, however the traversal is spelled', () => {
    for (const url of [
      'kiosk://app/../secret.txt',
      'kiosk://app/../../secret.txt',
      'kiosk://app/%2e%2e/secret.txt',
      'kiosk://app/%2e%2e/%2e%2e/secret.txt',
      'kiosk://app/..%2fsecret.txt',
      'kiosk://app/..%2f..%2fsecret.txt',
      'kiosk://app/assets/..%5c..%5csecret.txt',
      'kiosk://app/%252e%252e/secret.txt',
      'kiosk://app/index.html%00.png',
      'kiosk://app/%E0%A4%A',
    ]) {
      const target = resolveKioskRequest(url, roots);
      if (target) expect(target.file.startsWith(roots.renderer + path.sep), url).toBe(true);
      expect(target?.file, url).not.toBe(path.join(base, 'secret.txt'));
      expect(target?.file, url).not.toBe(path.join(base, 'out', 'secret.txt'));
    }
    expect(resolveKioskRequest('kiosk://app/..%2f..%2fsecret.txt', roots)).toBeNull();
  });

  it('answers only for host app of the kiosk scheme', () => {
    expect(resolveKioskRequest('kiosk://evil/index.html', roots)).toBeNull();
    expect(resolveKioskRequest('kiosk://user@app/index.html', roots)).toBeNull();
    expect(resolveKioskRequest('https://app/index.html', roots)).toBeNull();
    expect(resolveKioskRequest('file:///index.html', roots)).toBeNull();
  });
});

describe('setupProtocol', () => {
  beforeEach(() => resetFakeElectron());

  async function get(url: string, init?: RequestInit): Promise<Response> {
    setupProtocol(roots);
    const handler = electron.protocol.handlers.get('kiosk');
    if (!handler) throw new Error('no kiosk handler registered');
    return handler(new Request(url, init));
  }

  function expectSecurityHeaders(response: Response) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(response.headers.get(name), name).toBe(value);
    }
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
  }

  it('registers kiosk as a standard, secure scheme that can stream video', () => {
    registerKioskScheme();
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0] ?? [];
    expect(schemes).toEqual([
      expect.objectContaining({
        scheme: 'kiosk',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
          stream: true,
        }),
      }),
    ]);
    expect(JSON.stringify(schemes)).not.toContain('bypassCSP');
  });

  it('serves the player page, art and media with their types and the security headers', async () => {
    const page = await get('kiosk://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>kiosk</title>');
    expectSecurityHeaders(page);

    const art = await get('kiosk://app/builtin/art/open-innovation.svg');
    expect(art.headers.get('Content-Type')).toBe('image/svg+xml');
    expectSecurityHeaders(art);

    const media = await get(`kiosk://app/media/${SHA}.png`);
    expect(await media.text()).toBe('png bytes');
    expectSecurityHeaders(media);
  });

  it('passes a Range header on to the file loader so video can seek', async () => {
    await get(`kiosk://app/media/${SHA}.png`, { headers: { Range: 'bytes=0-3' } });
    const init = electron.net.fetch.mock.calls[0]?.[1] as { headers: Headers } | undefined;
    expect(init?.headers.get('Range')).toBe('bytes=0-3');
  });

  it('answers 404, with the security headers, for anything it does not serve', async () => {
    for (const url of [
      'kiosk://app/missing.js',
      'kiosk://app/assets',
      'kiosk://app/..%2fsecret.txt',
      'kiosk://app/%2e%2e/secret.txt',
      'kiosk://other/index.html',
      `kiosk://app/media/${'b'.repeat(64)}.png`,
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expectSecurityHeaders(response);
    }
    expect(electron.net.fetch).not.toHaveBeenCalled();
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('kiosk://app/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });

  it('builds the CSP frame-src from the web page allowlist as it is at each request', async () => {
    let allowlist = [{ origin: 'https://appointments.example', scripts: false }];
    setupProtocol(roots, () => allowlist);
    const handler = electron.protocol.handlers.get('kiosk')!;
    const frameSrc = async () =>
      (await handler(new Request('kiosk://app/index.html'))).headers
        .get('Content-Security-Policy')!
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('frame-src'));
    expect(await frameSrc()).toBe('frame-src https://appointments.example');
    allowlist = [];
    expect(await frameSrc()).toBe("frame-src 'none'");
  });
});
