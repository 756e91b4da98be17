/**
 * Admin, the slide form: texts in every enabled language with "Not translated" marks, the live
 * preview in the player's own slide component (languages, right-to-left, portrait), adding text,
 * picture and video slides with uploaded files and captions, slide options and schedules.
 */
import { setPinAndReduceMotion } from './admin-helpers';
import {
  button,
  editPlaylist,
  openPlaylist,
  openPlaylists,
  save,
  savedContent,
  SHIPPED,
  slideTitles,
  uploadFromPage,
} from './admin-playlists-helpers';
import { callFromPage, expectNoAxeViolations, makePng, makeWebm } from './admin-test-files';
import { expect, test } from './fixtures';
import { openPlayer } from './helpers';

test.beforeEach(({ dataDir, page }) => setPinAndReduceMotion(dataDir, page));

test('slide texts in two languages, "Not translated" marks and a live preview', async ({
  page,
  host,
}) => {
  await openPlaylist(page, host.url);
  const preview = page.locator('.pl-preview');
  await expect(preview.locator('.slide__title')).toHaveText('About us');

  await page.getByLabel('Title (English)', { exact: true }).fill('About the embassy');
  // The preview follows as staff type.
  await expect(preview.locator('.slide__title')).toHaveText('About the embassy');

  const french = page.getByLabel('Title (Français)', { exact: true });
  await french.fill('');
  await expect(french).toHaveAccessibleDescription('Not translated');
  await expect(page.getByText('Not translated', { exact: false })).toHaveCount(1);
  await expect(page.locator('.pl-slide.is-selected')).toContainText('1 untranslated');
  await page.getByLabel('Lead (Deutsch)', { exact: true }).fill('');
  await expect(page.locator('.pl-slide.is-selected')).toContainText('2 untranslated');

  await french.fill('À propos de l’ambassade');
  await expect(french).not.toHaveAccessibleDescription('Not translated');
  await page.getByLabel('Preview language').selectOption('fr');
  await expect(preview.locator('.slide__title')).toHaveText('À propos de l’ambassade');
  await expect(preview.locator('[dir]').first()).toHaveAttribute('dir', 'ltr');

  await save(page);
  const content = await savedContent(host.dataDir);
  expect(content.playlists[0]!.slides[0]!.title).toMatchObject({
    en: 'About the embassy',
    fr: 'À propos de l’ambassade',
  });
  const player = await page.context().newPage();
  await openPlayer(player, host.url);
  await expect(player.getByRole('heading', { name: 'About the embassy' })).toBeVisible();
});

test('add a text slide with a picture', async ({ page, host }) => {
  await openPlaylist(page, host.url);
  await button(page, 'Add text slide').click();
  const dialog = page.getByRole('dialog', { name: 'Add text slide' });
  await dialog.getByLabel('Title (English)').fill('Visit us!');
  await dialog
    .getByLabel('Picture (optional)')
    .selectOption({ label: 'Built-in: partnerships.svg' });
  await button(dialog, 'Add slide').click();

  await expect(slideTitles(page)).toHaveText([
    '1. About us',
    '2. Visit us!',
    '3. Open for innovation',
    '4. Open for partnerships',
    '5. Open for diversity',
  ]);
  await page.getByLabel('Body (English)').fill('Monday to Friday.\n\nClosed on public holidays.');
  await page.getByLabel('Alt text (English)').fill('Two hands meeting');
  const preview = page.locator('.pl-preview');
  await expect(preview.locator('.slide__title')).toHaveText('Visit us!');
  await expect(preview.locator('.slide__body p')).toHaveText([
    'Monday to Friday.',
    'Closed on public holidays.',
  ]);
  await expect(preview.getByRole('img', { name: 'Two hands meeting' })).toHaveAttribute(
    'src',
    '/builtin/art/partnerships.svg',
  );
  await save(page);
  const slide = (await savedContent(host.dataDir)).playlists[0]!.slides[1]!;
  expect(slide).toMatchObject({
    id: 'visit-us',
    kind: 'theme',
    title: { en: 'Visit us!' },
    image: { src: 'builtin:art/partnerships.svg', alt: { en: 'Two hands meeting' } },
  });
});

test('an Arabic translation: right-to-left fields and a mirrored preview, also in portrait', async ({
  page,
  host,
}) => {
  await openPlaylists(page, host.url);
  const { body: state } = await callFromPage<{
    revision: string;
    settings: Record<string, unknown>;
  }>(page, 'admin:get');
  const enabledLanguages = ['en', 'fr', 'nl', 'de', 'ar'];
  const saved = await callFromPage(page, 'settings:save', {
    baseRevision: state.revision,
    settings: { ...state.settings, enabledLanguages },
  });
  expect(saved.status).toBe(200);
  await page.reload();
  await editPlaylist(page, SHIPPED);

  const arabic = page.getByLabel('Title (العربية)', { exact: true });
  await expect(arabic).toHaveAttribute('dir', 'rtl');
  await expect(arabic).toHaveAttribute('lang', 'ar');
  await expect(arabic).toHaveAccessibleDescription('Not translated');
  await expect(page.locator('.pl-slide.is-selected')).toContainText('4 untranslated');
  await arabic.fill('من نحن');

  await page.getByLabel('Preview language').selectOption('ar');
  const stage = page.locator('.pl-preview__stage');
  await expect(stage).toHaveAttribute('dir', 'rtl');
  await expect(stage.locator('.slide__title')).toHaveText('من نحن');
  // Mirrored: the artwork, first in the markup, sits on the right.
  const art = await stage.locator('.slide__art').boundingBox();
  const text = await stage.locator('.slide__text').boundingBox();
  expect(art!.x).toBeGreaterThan(text!.x);
  // Portrait: artwork above the text, in a 9:16 frame.
  await button(page, 'Portrait screen (9:16)').click();
  await expect(button(page, 'Portrait screen (9:16)')).toHaveAttribute('aria-pressed', 'true');
  const frame = await page.locator('.pl-preview__frame').boundingBox();
  expect(frame!.height / frame!.width).toBeCloseTo(16 / 9, 1);
  await expect(async () => {
    const top = await stage.locator('.slide__art').boundingBox();
    const below = await stage.locator('.slide__text').boundingBox();
    expect(top!.y + top!.height).toBeLessThanOrEqual(below!.y + 1);
  }).toPass();

  await save(page);
  const slide = (await savedContent(host.dataDir)).playlists[0]!.slides[0]!;
  expect(slide.title.ar).toBe('من نحن');
});

test('a video slide and a picture slide from uploaded files, with captions per language', async ({
  page,
  host,
}) => {
  await openPlaylists(page, host.url);
  const video = await uploadFromPage(page, await makeWebm(page, 'lobby-film.webm'));
  const picture = await uploadFromPage(page, await makePng(page, 'front-door.png'));
  const captions = await uploadFromPage(page, {
    name: 'film-fr.vtt',
    mimeType: 'text/vtt',
    buffer: Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nBienvenue\n'),
  });
  await page.reload();
  await editPlaylist(page, SHIPPED);

  await button(page, 'Add video slide').click();
  const addVideo = page.getByRole('dialog', { name: 'Add video slide' });
  await addVideo.getByLabel('Title (English)').fill('Our film');
  await expect(addVideo.getByLabel('Video')).toHaveValue(video);
  await button(addVideo, 'Add slide').click();
  await page.getByLabel('Captions (Français)').selectOption({ label: 'film-fr.vtt' });
  await page.getByLabel(/^Loop/).check();
  await expect(page.getByLabel('Muted')).toBeChecked();
  await expect(page.locator('.pl-preview video.slide__full')).toHaveAttribute(
    'src',
    `/media/${video.slice('media:'.length)}`,
  );

  await button(page, 'Add picture slide').click();
  const addPicture = page.getByRole('dialog', { name: 'Add picture slide' });
  await addPicture.getByLabel('Title (English)').fill('Our front door');
  await addPicture.getByLabel('Picture').selectOption({ label: 'front-door.png' });
  await button(addPicture, 'Add slide').click();
  await page.getByLabel('Caption (English)').fill('Rue de la Loi 1');
  await expect(page.locator('.pl-preview .slide__caption')).toContainText('Rue de la Loi 1');
  await expectNoAxeViolations(page, 'with a picture slide open');

  await save(page);
  const slides = (await savedContent(host.dataDir)).playlists[0]!.slides;
  expect(slides.map((s) => s.id)).toEqual([
    'intro',
    'our-film',
    'our-front-door',
    'innovation',
    'partnerships',
    'diversity',
  ]);
  expect(slides[1]!.video).toEqual({
    src: video,
    muted: true,
    loop: true,
    captions: { fr: captions },
  });
  expect(slides[2]!.image?.src).toBe(picture);
});

test('slide options: duration, off, fade, a slide schedule, and deleting a slide', async ({
  page,
  host,
}) => {
  await openPlaylist(page, host.url);
  await page.locator('.pl-slide__select').nth(1).click();
  await expect(
    page.getByRole('heading', { name: 'Text slide: Open for innovation' }),
  ).toBeVisible();
  await page.getByLabel('Duration (seconds)').fill('25');
  await page.getByLabel('Transition').selectOption('fade');
  await page.getByLabel('Show this slide').uncheck();
  const schedule = page.getByRole('group', { name: 'When this slide plays' });
  await schedule.getByRole('radio', { name: 'Only at certain times' }).check();
  await schedule.getByLabel('Start date').fill('2026-06-01');
  await schedule.getByLabel('End date').fill('2026-06-30');
  // Dates are written in the browser's language (en-US unless the test says otherwise).
  const june = await page.evaluate(() =>
    ['2026-06-01', '2026-06-30']
      .map((d) =>
        new Intl.DateTimeFormat(navigator.language, {
          timeZone: 'UTC',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
        }).format(new Date(d)),
      )
      .join(' – '),
  );
  await expect(schedule).toContainText(`Plays: ${june}`);
  const item = page.locator('.pl-slide').nth(1);
  await expect(item).toContainText('25 s');
  await expect(item).toContainText('Off');
  await expect(item).toContainText('Scheduled');

  // The last slide of the list goes; a playlist's only slide could not.
  await page.locator('.pl-slide__select').nth(3).click();
  await button(page, 'Delete slide Open for diversity').click();
  await button(page.getByRole('dialog'), 'Delete slide').click();
  await expect(slideTitles(page)).toHaveCount(3);

  await save(page);
  const slides = (await savedContent(host.dataDir)).playlists[0]!.slides;
  expect(slides.map((s) => s.id)).toEqual(['intro', 'innovation', 'partnerships']);
  expect(slides[1]).toMatchObject({
    durationMs: 25_000,
    enabled: false,
    transition: 'fade',
    schedule: { startDate: '2026-06-01', endDate: '2026-06-30' },
  });
  const player = await page.context().newPage();
  await openPlayer(player, host.url);
  await expect(player.getByRole('tab')).toHaveCount(2);
});
