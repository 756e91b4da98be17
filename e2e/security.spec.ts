/**
 * The served page and API: a strict Content-Security-Policy with no violations, a JSON API that
 * rejects unknown calls and bad input, and media routes that never serve files outside them.
 */
import http from 'node:http';
import {
  button,
  expect,
  expectSlide,
  openPlayer,
  openPlayerOnFakeClock,
  test,
  UI,
  DEFAULT_SETTINGS,
  idleDialog,
} from './helpers';

/** A raw GET whose path is sent exactly as written (no `..` normalisation by a URL parser). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

test('the page is served with a strict Content-Security-Policy', async ({ request, host }) => {
  const response = await request.get(`${host.url}/`);
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'];
  expect(csp).toBeTruthy();
  const directives = new Map(
    csp!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('style-src')).toEqual(["'self'"]);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  // The built page has no inline script or style for the policy to block; its one inline
  // `<script>` is the content snapshot, a JSON data block that never runs.
  const html = await response.text();
  expect(html).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>/);
  expect(html.match(/<script type="application\/json"/g)).toHaveLength(1);
  expect(html).not.toMatch(/<style|style="/);
});

test('the player runs without CSP violations or console errors', async ({ page, host }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await openPlayerOnFakeClock(page, host.url);
  await expectSlide(page, 1);
  // Exercise what injects styles: transitions, the accessibility panel, the idle dialog.
  await button(page, UI.en.next).click();
  await expectSlide(page, 2);
  await button(page, 'Accessibility').click();
  await button(page, 'High contrast').click();
  await button(page, 'Deutsch').click();
  await page.clock.runFor(DEFAULT_SETTINGS.idleTimeoutSec * 1000 + 500);
  await expect(idleDialog(page)).toBeVisible();
  await page.clock.runFor(DEFAULT_SETTINGS.countdownSec * 1000);
  await expectSlide(page, 1);
  expect(problems).toEqual([]);
});

test('the player with real animations causes no CSP violations', async ({ page, host }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
      );
    });
  });
  await openPlayer(page, host.url);
  for (const n of [2, 3]) {
    await button(page, UI.en.next).click();
    await expectSlide(page, n);
  }
  expect(violations).toEqual([]);
});

test('GET /api/health says ok', async ({ request, host }) => {
  const response = await request.get(`${host.url}/api/health`);
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ ok: true, problems: [] });
  expect(typeof body.version).toBe('string');
});

test('an unknown API call is rejected with 404 and a message', async ({ request, host }) => {
  const response = await request.post(`${host.url}/api/call/nope`, { data: {} });
  expect(response.status()).toBe(404);
  const body = await response.json();
  expect(body.error.message).toMatch(/nope/);
});

test('bad input to an API call is rejected with 400 listing the problems', async ({
  request,
  host,
}) => {
  const response = await request.post(`${host.url}/api/call/content:get`, { data: { x: 1 } });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(typeof body.error.message).toBe('string');
  expect(Array.isArray(body.error.problems)).toBe(true);
  expect(body.error.problems.length).toBeGreaterThan(0);
  expect(body.error.problems[0]).toMatchObject({ source: 'content:get', path: expect.any(String) });
  // The same call without input works.
  const ok = await request.post(`${host.url}/api/call/content:get`);
  expect(ok.status()).toBe(200);
});

test('media routes serve their own files and nothing outside them', async ({ host }) => {
  const art = await rawGet(host.url, '/builtin/art/intro.svg');
  expect(art.status).toBe(200);
  expect(art.body).toContain('<svg');
  for (const path of [
    '/builtin/art/../../package.json',
    '/builtin/art/..%2f..%2fpackage.json',
    '/builtin/art/%2e%2e/%2e%2e/package.json',
    '/builtin/../content/settings.json',
    '/media/../settings.json',
    '/media/..%2fsettings.json',
    '/media/%2e%2e/settings.json',
    '/settings.json',
    '/content.json',
    '/../package.json',
    '/%2e%2e/package.json',
  ]) {
    const response = await rawGet(host.url, path);
    expect(response.status, `GET ${path}`).toBeGreaterThanOrEqual(400);
    expect(response.body, `GET ${path}`).not.toMatch(/idleTimeoutSec|"openness-kiosk"|playlists/);
  }
});
