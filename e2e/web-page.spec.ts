/**
 * Web page slides: a page from a site on the allowlist shows in a locked-down frame; the CSP's
 * frame-src is the allowlist; other sites are refused by the admin and the host; a page that never
 * answers, a site that refuses the connection and a kiosk that is offline skip the slide and report
 * it; touches inside the frame keep the visitor's session, and the idle reset loads the page afresh.
 */
import net from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AdminState } from '#core/contract';
import type { Slide } from '#core/schema';
import { PIN, setPin, unlockAdmin } from './admin-helpers';
import { button, editPlaylist } from './admin-playlists-helpers';
import { callFromPage, expectNoAxeViolations } from './admin-test-files';
import {
  expect,
  expectPlayerReport,
  idleDialog,
  openPlayer,
  openPlayerOnFakeClock,
  test,
  touchTap,
  type Host,
} from './helpers';
import { startWebSite, type WebSite } from './web-page-server';

let site: WebSite;
// Axe across frames and PDF.js are slow on a loaded machine: time for both.
test.describe.configure({ timeout: 150_000 });

test.beforeEach(async () => {
  site = await startWebSite();
});
test.afterEach(async () => site.close());

const webSlide = (id: string, url: string, durationMs = 20_000): Slide => ({
  id,
  kind: 'web',
  enabled: true,
  durationMs,
  title: { en: 'Appointments' },
  web: { url },
});
const textSlide: Slide = {
  id: 'text',
  kind: 'theme',
  enabled: true,
  durationMs: 4000,
  title: { en: 'Some text' },
  body: { en: 'A slide of text.' },
};

/** Allow the stand-in site and make `slides` the default playlist, through the API as staff. */
async function setUp(
  page: Page,
  host: Host,
  slides: Slide[],
  settings: Partial<AdminState['settings']> = {},
  lock = true,
): Promise<void> {
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url);
  let { body: state } = await callFromPage<AdminState>(page, 'admin:get');
  const saved = await callFromPage(page, 'settings:save', {
    baseRevision: state.revision,
    settings: {
      ...state.settings,
      webPages: [{ origin: site.origin, scripts: false }],
      ...settings,
    },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  ({ body: state } = await callFromPage<AdminState>(page, 'admin:get'));
  const content = structuredClone(state.content);
  content.playlists.find((p) => p.id === content.defaultPlaylistId)!.slides = slides;
  const stored = await callFromPage(page, 'content:save', {
    baseRevision: state.revision,
    content,
  });
  expect(stored.status, JSON.stringify(stored.body)).toBe(200);
  if (lock) await callFromPage(page, 'auth:lock');
}

const frame = (page: Page) => page.locator('iframe.web-page__frame');

test('an allowed page shows in a sandboxed frame, and frame-src is the allowlist', async ({
  page,
  host,
}) => {
  // Long enough to stay on screen through the checks below.
  await setUp(page, host, [webSlide('appointments', `${site.origin}/page`, 600_000), textSlide]);
  const response = await page.request.get(`${host.url}/`);
  const csp = response.headers()['content-security-policy']!;
  const frameSrc = csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-src'));
  expect(frameSrc).toBe(`frame-src ${site.origin}`);

  await openPlayer(page, host.url);
  await expect(frame(page)).toHaveAttribute('src', `${site.origin}/page`);
  await expect(frame(page)).toHaveAttribute('sandbox', 'allow-forms');
  await expect(frame(page)).toHaveAttribute('allow', '');
  await expect(frame(page)).toHaveAttribute('referrerpolicy', 'no-referrer');
  await expect(frame(page)).toHaveAttribute('title', 'Appointments');
  await expect(
    page
      .frameLocator('iframe.web-page__frame')
      .getByRole('heading', { name: 'Consular appointments' }),
  ).toBeVisible({ timeout: 15_000 });
  // The page in the frame is the embassy's own site, not the player: axe checks the player around it.
  await expectNoAxeViolations(page, 'with a web page slide', 'iframe.web-page__frame');
  await page.screenshot({
    path: path.resolve(import.meta.dirname, '../docs/screenshots/landscape-web-page.png'),
    animations: 'disabled',
    caret: 'hide',
  });
});

test('a site not on the allowlist is refused by the admin and by the host', async ({
  page,
  host,
}) => {
  await setUp(page, host, [textSlide], {}, false);
  await page.goto(`${host.url}/#/admin/playlists`);
  await page.reload();
  await editPlaylist(page, 'Belgium: open by nature');
  await button(page, 'Add web page slide').click();
  const dialog = page.getByRole('dialog', { name: 'Add web page slide' });
  await dialog.getByLabel('Title (English)').fill('Elsewhere');
  const address = dialog.getByLabel('Web page address');
  await address.fill('https://elsewhere.example/visa');
  await expect(dialog.getByRole('alert')).toHaveText(
    'https://elsewhere.example is not on the list of allowed web sites. Add it in Settings, Web pages, first.',
  );
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(button(dialog, 'Add slide')).toBeDisabled();
  await expectNoAxeViolations(page, 'with a refused web page address');
  await address.fill('ftp://files.example/');
  await expect(dialog.getByRole('alert')).toContainText('is not a web page address');
  await address.fill(`${site.origin}/page`);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await button(dialog, 'Add slide').click();
  await expect(page.getByText(`Web page: ${site.origin}/page`)).toBeVisible();

  // The host refuses a web page slide from another site, whoever sends it.
  const { body: state } = await callFromPage<AdminState>(page, 'admin:get');
  const content = structuredClone(state.content);
  content.playlists[0]!.slides.push(webSlide('elsewhere', 'https://elsewhere.example/visa'));
  const refused = await callFromPage<{ error: { problems?: unknown[]; details?: unknown } }>(
    page,
    'content:save',
    { baseRevision: state.revision, content },
  );
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.body)).toContain(
    'https://elsewhere.example is not on the list of allowed web sites',
  );
});

test('the allowlist is edited in Settings and becomes the CSP frame-src', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url, PIN);
  await page.goto(`${host.url}/#/admin/settings`);
  const field = page.getByLabel('Web sites for web page slides');
  await field.fill('https://elsewhere.example/visa');
  await button(page, 'Save settings').click();
  await expect(page.getByRole('alert')).toContainText(
    'line 1: "https://elsewhere.example/visa" is not a web site such as https://example.org',
  );
  await expectNoAxeViolations(page, 'with a refused allowlist');
  await field.fill(`${site.origin} scripts\nhttps://appointments.example`);
  await button(page, 'Save settings').click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect
    .poll(async () => {
      const csp = (await page.request.get(`${host.url}/`)).headers()['content-security-policy']!;
      return csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('frame-src'));
    })
    .toBe(`frame-src ${site.origin} https://appointments.example`);
  const { body: state } = await callFromPage<AdminState>(page, 'admin:get');
  expect(state.settings.webPages).toEqual([
    { origin: site.origin, scripts: true },
    { origin: 'https://appointments.example', scripts: false },
  ]);
});

test('a page that never answers is skipped and reported like missing media', async ({
  page,
  host,
}) => {
  await setUp(page, host, [webSlide('never', `${site.origin}/hang`), textSlide]);
  await openWithWebSlideSkipped(page, host.url);
  await expectPlayerReport(
    host.url,
    'slide never',
    `the web page ${site.origin}/hang did not load within 10 seconds`,
  );
});

/**
 * Open the player under reduced motion and see the web page slide left out: the text slide
 * shows, alone in the rotation.
 */
async function openWithWebSlideSkipped(page: Page, url: string): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPlayer(page, url);
  await expect(page.getByRole('heading', { name: 'Some text' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('tab')).toHaveCount(1, { timeout: 20_000 });
}

/** A loopback port nothing listens on: a connection to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('a site that refuses the connection is skipped and reported, not shown as an error page', async ({
  page,
  host,
}) => {
  const origin = `http://127.0.0.1:${await closedPort()}`;
  await setUp(page, host, [webSlide('refused', `${origin}/page`), textSlide], {
    webPages: [{ origin, scripts: false }],
  });
  await openWithWebSlideSkipped(page, host.url);
  await expectPlayerReport(
    host.url,
    'slide refused',
    `the web site of ${origin}/page does not answer`,
  );
});

test('on a kiosk that is offline the web page slide is skipped and reported', async ({
  page,
  host,
}) => {
  await setUp(page, host, [textSlide, webSlide('offline', `${site.origin}/page`)]);
  // A kiosk whose network is down still reaches its own host on loopback; the browser says it is
  // offline (Chromium's offline emulation would cut loopback too, which a real kiosk never sees).
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'onLine', { get: () => false }),
  );
  await openWithWebSlideSkipped(page, host.url);
  expect(site.loads()).toBe(0);
  await expectPlayerReport(
    host.url,
    'slide offline',
    `the kiosk is offline, so the web page ${site.origin}/page cannot load`,
  );
});

test('touches inside the frame delay the idle reset, which loads the page afresh', async ({
  page,
  host,
}) => {
  await setUp(page, host, [webSlide('appointments', `${site.origin}/page`)], {
    idleTimeoutSec: 10,
    countdownSec: 5,
  });
  await openPlayerOnFakeClock(page, host.url);
  const inside = page.frameLocator('iframe.web-page__frame');
  await expect(inside.getByText('Load number 1.')).toBeVisible({ timeout: 15_000 });
  const box = (await frame(page).boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 3 };
  const cdp = await page.context().newCDPSession(page);

  // A touch in the page starts a session (the hint goes), like a touch anywhere else.
  await touchTap(cdp, at);
  await page.clock.runFor(100);
  await expect(page.locator('.hint')).toHaveClass(/is-hidden/);
  await page.clock.runFor(8_000);
  // A second touch 8 s later: without it the dialog would come 10 s after the first.
  await touchTap(cdp, at);
  await page.clock.runFor(100);
  await page.clock.runFor(4_000);
  await expect(idleDialog(page)).toHaveCount(0);
  // The dialog's code loads lazily: its first render waits a moment (React shows a lazy part
  // after a short throttle), so give it one more second of the countdown's five.
  await page.clock.runFor(7_000);
  await expect(idleDialog(page)).toBeVisible();
  expect(site.loads()).toBe(1);

  // The countdown runs out: the next visitor gets the page as it first loads.
  await page.clock.runFor(6_000);
  await expect(idleDialog(page)).toHaveCount(0);
  await expect(inside.getByText('Load number 2.')).toBeVisible({ timeout: 15_000 });
  expect(site.loads()).toBe(2);
});
