import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../test/fake-electron.js';
import { FakeWebContents, resetFakeElectron } from '../test/fake-electron.js';
import {
  filterShortcuts,
  isBlockedShortcut,
  isOwnOrigin,
  NETWORK_URLS,
  setupSecurity,
} from './security.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

/** An event like Electron's: a URL and a preventDefault that remembers being called. */
function navigation(url: string) {
  return { url, preventDefault: vi.fn() };
}

/** Run setupSecurity and create one web contents, as Electron would. */
function hardenedContents(options?: Parameters<typeof setupSecurity>[0]): FakeWebContents {
  setupSecurity(options);
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

describe('setupSecurity, the rest of the lockdown', () => {
  beforeEach(() => resetFakeElectron());

  it('prevents the context menu', () => {
    const contents = hardenedContents();
    const event = navigation('kiosk://app/index.html');
    contents.emit('context-menu', event, { x: 1, y: 1 });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('closes DevTools at once in production, and leaves them in development', () => {
    const production = hardenedContents();
    production.emit('devtools-opened');
    expect(production.closeDevTools).toHaveBeenCalledOnce();

    resetFakeElectron();
    const development = hardenedContents({ devTools: true });
    development.emit('devtools-opened');
    expect(development.closeDevTools).not.toHaveBeenCalled();
  });

  it('cancels every request to the network in every session', () => {
    const contents = hardenedContents();
    expect(NETWORK_URLS).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    for (const target of [contents.session, electron.session.defaultSession]) {
      const rule = target.webRequest.beforeRequest;
      expect(rule?.filter).toEqual({ urls: NETWORK_URLS });
      const handler = rule?.handler as unknown as (...args: unknown[]) => void;
      const callback = vi.fn();
      handler({ url: 'https://tracker.example/pixel.gif' }, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
    }
  });
});

describe('web page slide frames', () => {
  beforeEach(() => resetFakeElectron());
  const allowlist = [{ origin: 'https://appointments.example', scripts: false }];

  function framedContents(): FakeWebContents {
    return hardenedContents({ webOrigins: () => allowlist });
  }

  it('lets a subframe load a page of an allowed site, but not of another', () => {
    const contents = framedContents();
    const allowed = { ...navigation('https://appointments.example/book'), isMainFrame: false };
    contents.emit('will-frame-navigate', allowed);
    expect(allowed.preventDefault).not.toHaveBeenCalled();

    const other = { ...navigation('https://elsewhere.example/'), isMainFrame: false };
    contents.emit('will-frame-navigate', other);
    expect(other.preventDefault).toHaveBeenCalled();

    const redirect = { ...navigation('https://elsewhere.example/'), isMainFrame: false };
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('never lets the top navigate to an allowed site, nor open a window there', () => {
    const contents = framedContents();
    const top = { ...navigation('https://appointments.example/book'), isMainFrame: true };
    contents.emit('will-frame-navigate', top);
    expect(top.preventDefault).toHaveBeenCalled();
    const away = { ...navigation('https://appointments.example/book'), isMainFrame: true };
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const handler = contents.windowOpenHandler as unknown as (details: { url: string }) => unknown;
    expect(handler({ url: 'https://appointments.example/book' })).toEqual({ action: 'deny' });
  });

  it('lets the framed page reach the network, and nothing else', () => {
    const contents = framedContents();
    const handler = contents.session.webRequest.beforeRequest?.handler as unknown as (
      ...args: unknown[]
    ) => void;
    const ask = (details: Record<string, unknown>) => {
      const callback = vi.fn();
      handler({ url: 'https://cdn.example/x.js', resourceType: 'script', ...details }, callback);
      return callback.mock.calls[0]![0];
    };
    const top = { url: 'kiosk://app/index.html', parent: null };
    const framed = { url: 'https://appointments.example/book', parent: top };
    expect(ask({ url: 'https://appointments.example/book', resourceType: 'subFrame' })).toEqual({});
    expect(ask({ frame: framed })).toEqual({});
    expect(ask({ url: 'https://elsewhere.example/', resourceType: 'subFrame' })).toEqual({
      cancel: true,
    });
    // The player itself (the top frame) still reaches nothing, even an allowed site.
    expect(
      ask({ url: 'https://appointments.example/api', resourceType: 'xhr', frame: top }),
    ).toEqual({ cancel: true });
    expect(ask({ frame: { url: 'https://elsewhere.example/', parent: top } })).toEqual({
      cancel: true,
    });
    // Except to ask an allowed site whether it answers, with HEAD, before framing its page.
    const probe = { resourceType: 'xhr', method: 'HEAD', frame: top };
    expect(ask({ ...probe, url: 'https://appointments.example/book' })).toEqual({});
    expect(ask({ ...probe, url: 'https://elsewhere.example/book' })).toEqual({ cancel: true });
    expect(ask({ ...probe, method: 'GET', url: 'https://appointments.example/book' })).toEqual({
      cancel: true,
    });
    // Without an allowlist, nothing changes.
    resetFakeElectron();
    const locked = hardenedContents();
    const lockedHandler = locked.session.webRequest.beforeRequest?.handler as unknown as (
      ...args: unknown[]
    ) => void;
    const callback = vi.fn();
    lockedHandler({ url: 'https://appointments.example/', resourceType: 'subFrame' }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
  });
});

/** A key as before-input-event reports it. */
function key(spec: string, type: 'keyDown' | 'keyUp' = 'keyDown') {
  const [, modifiers = '', name = ''] = /^((?:(?:Ctrl|Meta|Alt|Shift)\+)*)(.+)$/.exec(spec) ?? [];
  const has = (modifier: string) => modifiers.includes(`${modifier}+`);
  return {
    type,
    key: name,
    control: has('Ctrl'),
    meta: has('Meta'),
    alt: has('Alt'),
    shift: has('Shift'),
  };
}

describe('isBlockedShortcut', () => {
  it('swallows shortcuts that close, reload, print, zoom, navigate or open tools', () => {
    for (const spec of [
      'Ctrl+w',
      'Meta+w',
      'Ctrl+q',
      'Meta+q',
      'Ctrl+F4',
      'Alt+F4',
      'Ctrl+r',
      'Ctrl+Shift+R',
      'F5',
      'Ctrl+p',
      'Meta+p',
      'Ctrl+n',
      'Ctrl+t',
      'Ctrl+o',
      'Ctrl+s',
      'Ctrl+u',
      'Meta+h',
      'Meta+m',
      'Ctrl++',
      'Ctrl+=',
      'Ctrl+-',
      'Ctrl+0',
      'F11',
      'F12',
      'Ctrl+Shift+I',
      'Ctrl+Shift+J',
      'Ctrl+Shift+C',
      'Meta+Alt+i',
      'Alt+ArrowLeft',
      'Alt+ArrowRight',
      'Alt+Home',
      'BrowserBack',
      'BrowserRefresh',
    ]) {
      expect(isBlockedShortcut(key(spec)), spec).toBe(true);
    }
  });

  it('lets typing, editing and the staff entry through', () => {
    for (const spec of [
      'a',
      'Shift+A',
      'Enter',
      'Escape',
      'ArrowLeft',
      'F1',
      'Ctrl+c',
      'Ctrl+v',
      'Ctrl+x',
      'Ctrl+a',
      'Ctrl+z',
      'Ctrl+Shift+Z',
      'Meta+c',
      'Ctrl+Shift+A',
      'Alt+a',
    ]) {
      expect(isBlockedShortcut(key(spec)), spec).toBe(false);
    }
  });
});

describe('filterShortcuts', () => {
  beforeEach(() => resetFakeElectron());

  it('prevents blocked keys, down and up, and lets others reach the page', () => {
    const contents = new FakeWebContents();
    filterShortcuts(contents as unknown as Parameters<typeof filterShortcuts>[0]);
    for (const type of ['keyDown', 'keyUp'] as const) {
      const blocked = navigation('');
      contents.emit('before-input-event', blocked, key('Ctrl+w', type));
      expect(blocked.preventDefault, type).toHaveBeenCalled();
    }
    const typed = navigation('');
    contents.emit('before-input-event', typed, key('Ctrl+c'));
    expect(typed.preventDefault).not.toHaveBeenCalled();
  });
});
