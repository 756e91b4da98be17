/**
 * Video captions a visitor can read: a real H.264 MP4 made with ffmpeg and real WebVTT files in
 * English and French, uploaded through the media API. Exactly one track shows, in the visitor's
 * language (falling back to the default language); its cue lies on screen, above every control,
 * and passes WCAG AA contrast (axe-core's color-contrast rule), in landscape and portrait.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { setPin, unlockAdmin } from './admin-helpers';
import { uploadFromPage } from './admin-playlists-helpers';
import { callFromPage, type TestFile } from './admin-test-files';
import {
  button,
  expect,
  insideViewport,
  openPlayer,
  ORIENTATIONS,
  overlaps,
  skipAnimations,
  test,
  UI,
} from './helpers';
import { measureLayout } from './layout-measure';

const run = promisify(execFile);

/** A 6-second 640×360 H.264 MP4 (test pattern), made by ffmpeg. */
async function makeMp4(): Promise<TestFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-mp4-'));
  try {
    const file = path.join(dir, 'lobby-film.mp4');
    await run('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi'],
      ...['-i', 'testsrc=size=640x360:rate=25:duration=6'],
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', file],
    ]);
    return { name: 'lobby-film.mp4', mimeType: 'video/mp4', buffer: await readFile(file) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A WebVTT file with one cue that lasts the whole (looping) film. */
function vtt(name: string, line: string): TestFile {
  const text = `WEBVTT\n\n00:00.000 --> 00:10.000\n${line}\n`;
  return { name, mimeType: 'text/vtt', buffer: Buffer.from(text) };
}

const CUES = { en: 'Welcome to the embassy', fr: 'Bienvenue à l’ambassade' };

/** Make the default playlist one looping video slide with English and French captions. */
async function videoPlaylist(page: Page, host: { url: string; dataDir: string }): Promise<void> {
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url);
  const src = await uploadFromPage(page, await makeMp4());
  const en = await uploadFromPage(page, vtt('film-en.vtt', CUES.en));
  const fr = await uploadFromPage(page, vtt('film-fr.vtt', CUES.fr));
  const { body: state } = await callFromPage<{
    revision: string;
    content: { defaultPlaylistId: string; playlists: { id: string; slides: unknown[] }[] };
  }>(page, 'admin:get');
  const content = structuredClone(state.content);
  const playlist = content.playlists.find((p) => p.id === content.defaultPlaylistId)!;
  playlist.slides = [
    {
      id: 'our-film',
      kind: 'video',
      durationMs: 60_000,
      title: { en: 'Our film', fr: 'Notre film' },
      description: { en: 'A short film about the embassy.', fr: 'Un court métrage.' },
      video: { src, muted: true, loop: true, captions: { en, fr } },
    },
  ];
  const saved = await callFromPage(page, 'content:save', { baseRevision: state.revision, content });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  await callFromPage(page, 'auth:lock');
}

/** The tracks' languages and modes, in order. */
const trackModes = (page: Page) =>
  page
    .locator('video')
    .evaluate((video: HTMLVideoElement) =>
      Array.from(video.textTracks).map((t) => `${t.language}:${t.mode}`),
    );

/** The cue on screen: on screen, above every control, and AA contrast by axe-core. */
async function expectReadableCue(
  page: Page,
  text: string,
  viewport: { width: number; height: number },
) {
  const cue = page.locator('.slide__cues');
  await expect(cue).toHaveText(text, { timeout: 15_000 });
  const box = (await cue.boundingBox())!;
  expect(insideViewport(box, viewport), 'the cue is on screen').toBe(true);
  const { controls } = await measureLayout(page);
  expect(controls.length).toBeGreaterThanOrEqual(5);
  const below = controls.filter((c) => c.y + c.height / 2 > viewport.height / 2);
  expect(below.length, 'the previous/next buttons and tabs are at the bottom').toBeGreaterThan(4);
  for (const control of controls) {
    expect(overlaps(box, control), `the cue and ${control.name}`).toBe(false);
  }
  for (const control of below) {
    expect(box.y + box.height, `the cue ends above ${control.name}`).toBeLessThanOrEqual(
      control.y + 0.5,
    );
  }
  const axe = await new AxeBuilder({ page })
    .include('.slide__cues')
    .withRules(['color-contrast'])
    .analyze();
  expect(axe.violations, 'contrast violations').toEqual([]);
  expect(axe.incomplete, 'contrast axe could not decide').toEqual([]);
  const checked = axe.passes.find((rule) => rule.id === 'color-contrast');
  expect(checked?.nodes.length, 'axe checked the cue').toBeGreaterThan(0);
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });

    test(`one caption track in the visitor's language, readable above the controls (${viewport.width}×${viewport.height})`, async ({
      page,
      host,
    }) => {
      test.setTimeout(120_000);
      await videoPlaylist(page, host);
      await skipAnimations(page);
      await openPlayer(page, host.url);
      await expect(page.getByRole('heading', { name: 'Our film' })).toBeVisible();
      await expect.poll(() => trackModes(page)).toEqual(['en:showing', 'fr:disabled']);
      await expectReadableCue(page, CUES.en, viewport);

      await button(page, UI.fr.name).click();
      await expect(page.getByRole('heading', { name: 'Notre film' })).toBeVisible();
      await expect.poll(() => trackModes(page)).toEqual(['en:disabled', 'fr:showing']);
      await expectReadableCue(page, CUES.fr, viewport);

      // No Dutch captions: the default language's show instead, still only one track.
      await button(page, UI.nl.name).click();
      await expect.poll(() => trackModes(page)).toEqual(['en:showing', 'fr:disabled']);
      await expectReadableCue(page, CUES.en, viewport);
    });
  });
}
