/**
 * Issue 13, point 8: a video that cannot be decoded skips only itself. Real MP4 files made with
 * ffmpeg: a damaged H.264 file uploaded through the media API (Chromium reports a decode error),
 * and an HEVC/H.265 file with sound (Chromium plays the sound and shows no picture, with no error
 * at all). Uploads refuse HEVC now (issue 14), so that one is put in the media folder while the
 * host is stopped, as a kiosk that stored it before that rule may still hold it. Slides run
 * picture / broken video / text; the text slide must show next, the loop must go on from there,
 * and /api/health must name the broken slide.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { setPin, unlockAdmin } from './admin-helpers';
import { uploadFromPage } from './admin-playlists-helpers';
import { callFromPage, makePng, type TestFile } from './admin-test-files';
import {
  expect,
  expectPlayerReport,
  openPlayer,
  startHost,
  stopHost,
  tabs,
  test,
  type Host,
} from './helpers';

const run = promisify(execFile);

interface AdminState {
  revision: string;
  content: { defaultPlaylistId: string; playlists: { id: string; slides: unknown[] }[] };
}

/** Run ffmpeg with `args` and return the file it wrote. */
async function ffmpeg(name: string, args: string[]): Promise<TestFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-video-'));
  try {
    const out = path.join(dir, name);
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, out]);
    return { name, mimeType: 'video/mp4', buffer: await readFile(out) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const TEST_PATTERN = ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25'];

/** An HEVC (H.265) MP4 with AAC sound, as a phone records it; Chromium here has no HEVC decoder. */
function hevcVideo(seconds: number): Promise<TestFile> {
  return ffmpeg('phone-clip.mp4', [
    ...TEST_PATTERN,
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
    ...['-t', String(seconds), '-c:v', 'libx265', '-x265-params', 'log-level=error'],
    ...['-tag:v', 'hvc1', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
  ]);
}

/**
 * An H.264 MP4 whose boxes are whole (so the upload accepts it) but whose coded frames are noise:
 * Chromium reads its header, then fails to decode the first frame.
 */
async function damagedH264Video(seconds: number): Promise<TestFile> {
  const good = await ffmpeg('damaged.mp4', [
    ...TEST_PATTERN,
    ...['-t', String(seconds), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
  ]);
  const bytes = Buffer.from(good.buffer);
  let at = 0;
  while (at < bytes.length) {
    const size = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'mdat') {
      // A fixed pattern, so the test is the same on every run.
      for (let i = at + 8; i < at + size; i++) bytes[i] = (i * 151 + 7) & 0xff;
    }
    at += size;
  }
  return { ...good, buffer: bytes };
}

/**
 * Put `video` in the media folder of the stopped `host`, as a kiosk that stored it before uploads
 * checked codecs holds it, and start the host again on the same data folder.
 */
async function storedBefore(host: Host, video: TestFile): Promise<{ host: Host; ref: string }> {
  await stopHost(host);
  const media = path.join(host.dataDir, 'media');
  await mkdir(media, { recursive: true });
  const sha = createHash('sha256').update(video.buffer).digest('hex');
  await writeFile(path.join(media, `${sha}.mp4`), video.buffer);
  const index = path.join(media, 'index.json');
  const items = JSON.parse(await readFile(index, 'utf8').catch(() => '[]')) as unknown[];
  const ref = `media:${sha}.mp4`;
  items.push({
    ref,
    kind: 'video',
    mime: 'video/mp4',
    size: video.buffer.length,
    name: video.name,
    uploadedAt: new Date().toISOString(),
  });
  await writeFile(index, JSON.stringify(items, null, 2));
  return { host: await startHost(host.dataDir), ref };
}

/** Make the default playlist picture / `video` / text; returns the video's media ref. */
async function pictureBrokenVideoText(page: Page, host: Host, video: TestFile | string) {
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url);
  const picture = await uploadFromPage(page, await makePng(page));
  const ref = typeof video === 'string' ? video : await uploadFromPage(page, video);
  const { body: state } = await callFromPage<AdminState>(page, 'admin:get');
  const content = structuredClone(state.content);
  const playlist = content.playlists.find((p) => p.id === content.defaultPlaylistId)!;
  playlist.slides = [
    {
      id: 'picture',
      kind: 'image',
      durationMs: 4000,
      title: { en: 'A picture' },
      image: { src: picture, alt: { en: 'A test picture' } },
    },
    {
      id: 'broken-video',
      kind: 'video',
      durationMs: 4000,
      title: { en: 'A broken video' },
      video: { src: ref, muted: true, loop: false },
    },
    {
      id: 'text',
      kind: 'theme',
      durationMs: 4000,
      title: { en: 'Some text' },
      body: { en: 'A slide of text after the video.' },
    },
  ];
  const saved = await callFromPage(page, 'content:save', { baseRevision: state.revision, content });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  await callFromPage(page, 'auth:lock');
  return ref;
}

/** Watch the player: the titles of the slides in the order they came on screen. */
async function recordShownTitles(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { __shown: string[] }).__shown = shown;
    const look = () => {
      const title = document.querySelector(
        '[aria-roledescription="slide"]:not([aria-hidden]) .slide__title',
      )?.textContent;
      if (title && shown.at(-1) !== title) shown.push(title);
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true });
  });
}

/**
 * The titles shown, leaving out the broken video's (it is on screen until it fails); soft hyphens
 * (the player hyphenates titles once the language's patterns are in) are not part of a title.
 */
const shownTitles = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown))
    .map((title) => title.replaceAll('\u00ad', ''))
    .filter((title, i, all) => title !== 'A broken video' && title !== all[i - 1]);

for (const [label, make, onDisk, message] of [
  [
    'a damaged H.264 video',
    () => damagedH264Video(6),
    false,
    (ref: string) => `the video ${ref} could not be loaded or decoded`,
  ],
  [
    'an HEVC/H.265 video this Chromium cannot decode',
    () => hevcVideo(20),
    true,
    (ref: string) => `the video ${ref} shows no picture: this player cannot decode it`,
  ],
] as const) {
  test(`${label} skips only itself and is reported in health`, async ({ page, host: first }) => {
    let host = first;
    let video: TestFile | string = await make();
    if (onDisk) ({ host, ref: video } = await storedBefore(first, video));
    try {
      const ref = await pictureBrokenVideoText(page, host, video);
      await recordShownTitles(page);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openPlayer(page, host.url);

      // The loop goes on past the broken video: the text slide, then the picture again.
      await expect
        .poll(() => shownTitles(page), { timeout: 30_000 })
        .toEqual(['A picture', 'Some text', 'A picture']);
      await expect(tabs(page)).toHaveCount(2);
      await expect
        .poll(() => shownTitles(page), { timeout: 30_000 })
        .toEqual(['A picture', 'Some text', 'A picture', 'Some text']);

      await expectPlayerReport(host.url, 'slide broken-video', message(ref));
    } finally {
      // The fixture stops the first host; one started here is stopped here.
      if (host !== first) await stopHost(host);
    }
  });
}
