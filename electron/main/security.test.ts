import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../test/fake-electron.js';
import { FakeWebContents, resetFakeElectron } from '../test/fake-electron.js';
import { isOwnOrigin, setupSecurity } from './security.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

/** An event like Electron's: a URL and a preventDefault that remembers being called. */
function navigation(url: string) {
  return { url, preventDefault: vi.fn() };
}

/** Run setupSecurity and create one web contents, as Electron would. */
function hardenedContents(): FakeWebContents {
  setupSecurity();
  const contents = new FakeWebContents();
  electron.app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('isOwnOrigin', () => {
  it('accepts pages of kiosk://app', () => {
    expect(isOwnOrigin('kiosk://app/index.html')).toBe(true);
    expect(isOwnOrigin('kiosk://app/index.html#/admin')).toBe(true);
  });

  it('refuses other schemes, hosts, credentials and garbage', () => {
    for (const url of [
      'https://example.com/',
      'http://app/index.html',
      'file:///etc/passwd',
      'kiosk://evil/index.html',
      'kiosk://app.evil.com/',
      'kiosk://user:pw@app/',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isOwnOrigin(url), url).toBe(false);
    }
  });
});

describe('setupSecurity', () => {
  beforeEach(() => resetFakeElectron());

  it('denies window.open', () => {
    const contents = hardenedContents();
    expect(contents.windowOpenHandler).not.toBeNull();
    const handler = contents.windowOpenHandler as unknown as (details: { url: string }) => unknown;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'kiosk://app/index.html' })).toEqual({ action: 'deny' });
  });

  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`prevents ${event} to another origin and allows our own`, () => {
      const contents = hardenedContents();
      const away = navigation('https://example.com/phish');
      contents.emit(event, away, away.url);
      expect(away.preventDefault).toHaveBeenCalled();

      const own = navigation('kiosk://app/index.html#/admin');
      contents.emit(event, own, own.url);
      expect(own.preventDefault).not.toHaveBeenCalled();
    });
  }

  it('prevents attaching a webview', () => {
    const contents = hardenedContents();
    const event = navigation('kiosk://app/index.html');
    contents.emit('will-attach-webview', event, {}, { src: 'kiosk://app/index.html' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests, checks and devices in every session', () => {
    const contents = hardenedContents();
    for (const target of [contents.session, electron.session.defaultSession]) {
      const request = target.permissionRequest as unknown as (...args: unknown[]) => void;
      const granted = vi.fn();
      request(contents, 'media', granted, {});
      expect(granted).toHaveBeenCalledExactlyOnceWith(false);

      const check = target.permissionCheck as unknown as (...args: unknown[]) => boolean;
      expect(check(contents, 'geolocation', 'kiosk://app', {})).toBe(false);
      expect(check(contents, 'notifications', 'kiosk://app', {})).toBe(false);

      const device = target.devicePermission as unknown as (...args: unknown[]) => boolean;
      expect(device({ deviceType: 'usb', origin: 'kiosk://app' })).toBe(false);
    }
  });
});
