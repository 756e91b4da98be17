/**
 * "Take it with you": a slide's link shown as a QR code that phones can read, big enough to scan
 * from a metre, captioned in the visitor's language; only http(s) links get past the admin and
 * the host.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setPin, setPinAndReduceMotion } from './admin-helpers';
import { openPlaylist, openPlaylists } from './admin-playlists-helpers';
import { callFromPage, expectNoAxeViolations } from './admin-test-files';
import { button, expect, LANGS, openStoppedPlayer, showSlide, SLIDES, test, UI } from './helpers';
import { decodeQr } from './qr-decode';

/** 3 cm at 96 CSS px to the inch: the smallest code that scans from a metre. */
const MIN_QR_PX = Math.ceil((3 / 2.54) * 96);

const shipped = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../assets/content/content.json'), 'utf8'),
) as { playlists: { slides: { id: string; link?: string }[] }[] };
const LINKS = shipped.playlists[0]!.slides.map((slide) => slide.link);

const CAPTIONS = {
  en: 'Scan to take this page with you',
  fr: 'Scannez pour emporter cette page',
  nl: 'Scan om deze pagina mee te nemen',
  de: 'Scannen, um diese Seite mitzunehmen',
} as const;

test('the default slides link to their source page and show it as a QR code that reads back', async ({
  page,
  host,
  context,
}) => {
  test.setTimeout(120_000);
  expect(LINKS).toHaveLength(4);
  for (const link of LINKS) expect(link).toMatch(/^https:\/\/embracingopenness\.be\//);

  await openStoppedPlayer(page, host.url);
  for (let n = 1; n <= SLIDES.length; n++) {
    await showSlide(page, n);
    const code = page.getByRole('img', { name: LINKS[n - 1]!, exact: true });
    await expect(code).toBeVisible({ timeout: 15_000 });
    const box = (await code.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(MIN_QR_PX);
    expect(box.height).toBeGreaterThanOrEqual(MIN_QR_PX);
    expect(await decodeQr(context, code)).toBe(LINKS[n - 1]);
  }
});

test('the caption is in the visitor language; the code stays dark on light in high contrast', async ({
  page,
  host,
  context,
}) => {
  test.setTimeout(120_000);
  await openStoppedPlayer(page, host.url);
  for (const lang of LANGS) {
    await button(page, UI[lang].name).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // Only the one for this screen's shape shows (on the artwork or in the text).
    const caption = page.getByText(CAPTIONS[lang], { exact: true }).filter({ visible: true });
    await expect(caption).toBeVisible({ timeout: 15_000 });
    await expect(caption).toHaveAttribute('lang', lang);
  }
  await button(page, UI.en.name).click();
  await button(page, 'Accessibility').click();
  await button(page, 'High contrast').click();
  await button(page, 'Larger text').click();
  await button(page, 'Accessibility').click();
  const code = page.getByRole('img', { name: LINKS[0]!, exact: true });
  await expect(code).toBeVisible({ timeout: 15_000 });
  expect((await code.boundingBox())!.width).toBeGreaterThanOrEqual(MIN_QR_PX);
  expect(await decodeQr(context, code)).toBe(LINKS[0]);
  await expectNoAxeViolations(page, 'on a slide with a QR code, high contrast and larger text');
});

// The preview is the player scaled down to fit the admin: a denser screen keeps the code's
// modules several device pixels wide, as a phone held close to the admin's screen sees them.
test.describe('admin', () => {
  test.use({ deviceScaleFactor: 4 });

  test('the admin refuses a link that is not http(s), and the preview shows the code', async ({
    page,
    host,
    dataDir,
    context,
  }) => {
    test.setTimeout(120_000);
    await setPinAndReduceMotion(dataDir, page);

    await openPlaylist(page, host.url);
    const link = page.getByLabel('Link', { exact: true });
    await expect(link).toHaveValue(LINKS[0]!);
    const preview = page.locator('.pl-preview');
    await expect(preview.getByRole('img', { name: LINKS[0]!, exact: true })).toBeVisible();

    await link.fill('javascript:alert(1)');
    await expect(link).toHaveAttribute('aria-invalid', 'true');
    await expect(link).toHaveAccessibleDescription(/must be a web address starting with http:\/\//);
    await button(page, 'Save').click();
    await expect(page.getByRole('alert')).toContainText('Link:');
    await expect(page.getByRole('alert')).toContainText('http:// or https://');
    await expectNoAxeViolations(page, 'slide editor with a refused link');

    const visa = 'https://embassy.example/visa?lang=en';
    await link.fill(visa);
    await expect(link).not.toHaveAttribute('aria-invalid');
    const code = preview.getByRole('img', { name: visa, exact: true });
    await expect(code).toBeVisible();
    expect(await decodeQr(context, code)).toBe(visa);
  });
});

test('the host refuses a link that is not http(s), naming where', async ({
  page,
  host,
  dataDir,
}) => {
  await setPin(dataDir);
  await openPlaylists(page, host.url);
  const { body: state } = await callFromPage<{
    revision: string;
    content: { playlists: { slides: Record<string, unknown>[] }[] };
  }>(page, 'admin:get');
  for (const bad of ['ftp://embassy.example/form.pdf', 'file:///etc/passwd', 'not a link']) {
    const content = structuredClone(state.content);
    content.playlists[0]!.slides[1]!.link = bad;
    const reply = await callFromPage(page, 'content:save', {
      baseRevision: state.revision,
      content,
    });
    expect(reply.status).toBe(400);
    const said = JSON.stringify(reply.body);
    expect(said).toContain('playlists[0].slides[1].link');
    expect(said).toContain('must be a web address starting with http:// or https://');
  }
});
