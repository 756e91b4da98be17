/**
 * Helpers for the admin specs: real media files made in the page, KioskApi calls made from the
 * page (the one test client over the page's fetch: same origin, with its session cookie), and
 * axe-core with the WCAG tags we hold to.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { CallName, CallOutput } from '#core/contract';
import { makeAnimatedGif, makeHeic, makePhoneVideo, makeSrt } from '../host/media/test-files';
import { ApiClient, type Answer, type Transport } from '../test-support/api-client';

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

/** Sends each request with the page's own fetch, so the page's staff session cookie applies. */
export function pageTransport(page: Page): Transport {
  return ({ method, path, headers, body }) =>
    page.evaluate(
      async ({ method, path, headers, text, base64 }) => {
        const bytes =
          base64 === undefined ? undefined : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const response = await fetch(path, { method, headers, body: bytes ?? text });
        return { status: response.status, text: await response.text() };
      },
      {
        method,
        path,
        headers,
        text: typeof body === 'string' ? body : undefined,
        base64: body instanceof Uint8Array ? Buffer.from(body).toString('base64') : undefined,
      },
    );
}

/** The KioskApi client of the page: calls made by the page itself, as the admin makes them. */
export function pageClient(page: Page): ApiClient {
  return new ApiClient(pageTransport(page));
}

/** A call's answer from the page, its body as the contract types it or as `T` where a spec says. */
export type PageAnswer<T, K extends CallName> = Omit<Answer<K>, 'body'> & {
  body: [T] extends [never] ? CallOutput<K> : T;
};

/** Make a KioskApi call from the page; resolves to the status, body and failure. */
export async function callFromPage<T = never, K extends CallName = CallName>(
  page: Page,
  name: K,
  input?: unknown,
): Promise<PageAnswer<T, K>> {
  return (await pageClient(page).call(name, input)) as PageAnswer<T, K>;
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
