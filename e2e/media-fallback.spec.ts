/**
 * Missing media: a slide whose file is gone from the data folder is skipped and reported in
 * /api/health; when no slide of the playlist can play, a calm branded screen shows, never black.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { setPin, unlockAdmin } from './admin-helpers';
import { uploadFromPage } from './admin-playlists-helpers';
import { callFromPage, expectNoAxeViolations, makePng } from './admin-test-files';
import {
  carousel,
  expect,
  expectPlayerReport,
  openPlayer,
  SLIDES,
  skipAnimations,
  tabs,
  test,
} from './helpers';

interface AdminState {
  revision: string;
  content: { defaultPlaylistId: string; playlists: { id: string; slides: unknown[] }[] };
}

/** A full-screen picture slide. */
const pictureSlide = (id: string, src: string) => ({
  id,
  kind: 'image',
  title: { en: `Picture ${id}` },
  image: { src, alt: { en: 'A test picture' } },
});

/**
 * Upload a picture, make the default playlist play `slides(ref)`, then delete the picture's
 * file from `<dataDir>/media` behind the host's back.
 */
async function playlistWithMissingPicture(
  page: Page,
  host: { url: string; dataDir: string },
  slides: (ref: string) => unknown[],
): Promise<string> {
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url);
  const ref = await uploadFromPage(page, await makePng(page));
  const { body: state } = await callFromPage<AdminState>(page, 'admin:get');
  const content = structuredClone(state.content);
  const playlist = content.playlists.find((p) => p.id === content.defaultPlaylistId)!;
  playlist.slides = slides(ref);
  const saved = await callFromPage(page, 'content:save', {
    baseRevision: state.revision,
    content,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  await callFromPage(page, 'auth:lock');
  await rm(path.join(host.dataDir, 'media', ref.slice('media:'.length)));
  return ref;
}

test.beforeEach(async ({ page }) => skipAnimations(page));

test('a slide whose picture is missing is skipped and reported in health', async ({
  page,
  host,
}) => {
  const second = SLIDES[1]!;
  const ref = await playlistWithMissingPicture(page, host, (src) => [
    pictureSlide('missing-picture', src),
    second,
  ]);

  await openPlayer(page, host.url);
  const title = second.title.en!;
  await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
  // The broken slide left the rotation: one tab remains, and the player keeps playing it.
  await expect(tabs(page)).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Picture missing-picture' })).toHaveCount(0);

  await expectPlayerReport(
    host.url,
    'slide missing-picture',
    `the picture ${ref} could not be loaded`,
  );
});

test('when no slide can play, a calm branded screen shows instead of black', async ({
  page,
  host,
}) => {
  await playlistWithMissingPicture(page, host, (src) => [
    pictureSlide('first-picture', src),
    pictureSlide('second-picture', src),
  ]);

  await page.goto(host.url);
  const fallback = page.getByRole('main');
  await expect(fallback.getByRole('heading', { level: 1 })).toHaveText('Belgium, open by nature');
  await expect(fallback).toContainText('The presentation will be back shortly.');
  await expect(carousel(page)).toHaveCount(0);
  // Not a black screen: the page is painted in the brand's light paper colour.
  const background = await page
    .locator('main.fallback')
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).toBe('rgb(247, 244, 236)');
  await expectNoAxeViolations(page, 'on the fallback screen');

  await expect(async () => {
    const health = await (await fetch(`${host.url}/api/health`)).json();
    const paths = health.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['slide first-picture', 'slide second-picture']));
  }).toPass({ timeout: 10_000 });
});
