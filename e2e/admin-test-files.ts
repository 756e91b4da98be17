/**
 * Helpers for the admin specs: real media files made in the page, KioskApi calls made from the
 * page (same origin, with its session cookie), and axe-core with the WCAG tags we hold to.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { makeAnimatedGif, makeHeic, makePhoneVideo, makeSrt } from '../host/media/test-files';

/** A file for `setFiles`. */
export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A PNG drawn on a canvas in the page (`canvas.toBlob('image/png')`). */
export async function makePng(page: Page, name = 'test-picture.png'): Promise<TestFile> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 270;
    const ctx = canvas.getContext('2d')!;
    const gradient = ctx.createLinearGradient(0, 0, 480, 270);
    gradient.addColorStop(0, '#fdda24');
    gradient.addColorStop(1, '#ef3340');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 480, 270);
    ctx.fillStyle = '#000';
    ctx.font = 'bold 48px sans-serif';
    ctx.fillText('Test picture', 60, 150);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('toBlob gave nothing'))),
        'image/png',
      ),
    );
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return { name, mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') };
}

/** A one-second WebM video recorded in the page from an animated canvas (MediaRecorder). */
export async function makeWebm(page: Page, name = 'test-video.webm'): Promise<TestFile> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    const ctx = canvas.getContext('2d')!;
    const stream = canvas.captureStream(25);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    let frame = 0;
    const draw = () => {
      ctx.fillStyle = `hsl(${(frame * 15) % 360} 80% 50%)`;
      ctx.fillRect(0, 0, 320, 180);
      ctx.fillStyle = '#fff';
      ctx.fillRect((frame * 10) % 320, 70, 40, 40);
      frame++;
    };
    draw();
    recorder.start(100);
    const timer = setInterval(draw, 40);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    recorder.stop();
    clearInterval(timer);
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return { name, mimeType: 'video/webm', buffer: Buffer.from(base64, 'base64') };
}

/** An SVG with a script in it: the library must refuse it. */
export function makeSvg(name = 'drawing.svg'): TestFile {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>alert(1)</script><rect width="10" height="10"/></svg>';
  return { name, mimeType: 'image/svg+xml', buffer: Buffer.from(svg) };
}

/**
 * What staff's phones and PCs make, made by ffmpeg and ImageMagick as the test runs (a missing
 * tool fails the test with how to install it): iPhone videos, HEIC photos, GIFs, SubRip captions.
 */
export const phoneFiles = {
  mov: (name = 'IMG_0042.MOV'): TestFile => ({
    name,
    mimeType: 'video/quicktime',
    buffer: makePhoneVideo('h264', 'mov'),
  }),
  hevc: (name = 'IMG_0043.MOV'): TestFile => ({
    name,
    mimeType: 'video/quicktime',
    buffer: makePhoneVideo('hevc', 'mov'),
  }),
  heic: (name = 'IMG_0044.HEIC'): TestFile => ({
    name,
    mimeType: 'image/heic',
    buffer: makeHeic(),
  }),
  gif: (name = 'wave.gif'): TestFile => ({
    name,
    mimeType: 'image/gif',
    buffer: makeAnimatedGif(),
  }),
  srt: (name = 'welcome.srt'): TestFile => ({
    name,
    mimeType: 'application/x-subrip',
    buffer: makeSrt(),
  }),
};

/** The error body the host sends with a refusal. */
export interface ErrorReply {
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

/** Make a KioskApi call from the page over HTTP; resolves to the status and JSON body. */
export async function callFromPage<T = ErrorReply>(
  page: Page,
  name: string,
  input?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([name, input]) => {
      const response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        ...(input === undefined
          ? {}
          : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) }),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as T };
    },
    [name, input] as const,
  );
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Run axe-core on the page and expect no violations, naming the state in the message; `exclude`
 * leaves out a part that is not ours, such as a web page slide's frame (a sandboxed frame with
 * scripts off never runs axe, so the check would wait for it forever).
 */
export async function expectNoAxeViolations(
  page: Page,
  state: string,
  exclude?: string,
): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations ${state}`).toEqual([]);
}
