import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security-policy.js';
import { Settings, Slide } from './schema.js';
import {
  allowedEntry,
  frameSandbox,
  frameSrc,
  isOrigin,
  originOf,
  webPageRefusal,
  webSlideProblems,
} from './web-page.js';

const allowlist = [
  { origin: 'https://appointments.example', scripts: true },
  { origin: 'http://127.0.0.1:8080', scripts: false },
];

describe('web page rules', () => {
  it('reads the origin of http(s) addresses only, without user names or odd characters', () => {
    expect(originOf('HTTPS://Appointments.Example:443/visa?x=1#top')).toBe(
      'https://appointments.example',
    );
    expect(originOf('http://127.0.0.1:8080/page')).toBe('http://127.0.0.1:8080');
    expect(originOf('http://[::1]:3000')).toBe('http://[::1]:3000');
    for (const bad of [
      'javascript:alert(1)',
      'ftp://files.example/',
      'https://user:pw@example.org/',
      'https://example.org:99999/',
      'https://exa mple.org/',
      'https://example.org/a b',
      'data:text/html,hi',
      'https://',
    ]) {
      expect(originOf(bad), bad).toBeUndefined();
    }
    expect(isOrigin('https://example.org')).toBe(true);
    expect(isOrigin('https://example.org/')).toBe(false);
    expect(isOrigin('https://Example.org')).toBe(false);
  });

  it('allows a page only when its origin is listed, and says why not', () => {
    expect(allowedEntry('https://appointments.example/book', allowlist)).toBe(allowlist[0]);
    expect(allowedEntry('https://appointments.example.evil/book', allowlist)).toBeUndefined();
    expect(webPageRefusal('http://127.0.0.1:8080/x', allowlist)).toBeUndefined();
    expect(webPageRefusal('http://127.0.0.1:8081/x', allowlist)).toBe(
      'http://127.0.0.1:8081 is not on the list of allowed web sites. Add it in Settings, Web pages, first.',
    );
    expect(webPageRefusal('visa page', allowlist)).toMatch(/is not a web page address/);
  });

  it('sandboxes the frame: scripts only as the entry says, never top navigation or pop-ups', () => {
    for (const entry of allowlist) {
      const sandbox = frameSandbox(entry).split(' ');
      expect(sandbox.includes('allow-scripts')).toBe(entry.scripts);
      for (const never of [
        'allow-top-navigation',
        'allow-popups',
        'allow-downloads',
        'allow-modals',
        'allow-same-origin',
      ]) {
        expect(sandbox).not.toContain(never);
      }
    }
  });

  it('builds frame-src from the allowlist', () => {
    expect(frameSrc([])).toBe("frame-src 'none'");
    expect(frameSrc(allowlist)).toBe(
      'frame-src https://appointments.example http://127.0.0.1:8080',
    );
    expect(contentSecurityPolicy(allowlist)).toContain(
      'frame-src https://appointments.example http://127.0.0.1:8080;',
    );
    expect(contentSecurityPolicy([])).toContain("frame-src 'none'");
    expect(contentSecurityPolicy(allowlist)).toContain(
      "connect-src 'self' https://appointments.example http://127.0.0.1:8080;",
    );
    expect(contentSecurityPolicy([])).toContain("connect-src 'self';");
  });

  it('finds web page slides of sites not on the allowlist', () => {
    const slide = Slide.parse({
      id: 'visa',
      kind: 'web',
      title: { en: 'Visa' },
      web: { url: 'https://elsewhere.example/visa' },
    });
    expect(webSlideProblems({ playlists: [{ slides: [slide] }] }, allowlist)).toEqual([
      {
        path: '$.playlists[0].slides[0].web.url',
        message:
          'https://elsewhere.example is not on the list of allowed web sites. Add it in Settings, Web pages, first.',
      },
    ]);
    expect(Slide.safeParse({ ...slide, web: { url: 'javascript:alert(1)' } }).success).toBe(false);
    expect(Settings.safeParse({ webPages: [{ origin: 'https://x.example/path' }] }).success).toBe(
      false,
    );
  });
});
