#!/usr/bin/env node
/**
 * Render the app icon from build/icon.svg into every file electron-builder needs.
 *
 *   node scripts/make-icons.mjs
 *
 * Writes build/icon.png (1024 px), build/icons/<n>x<n>.png (Linux), build/icon.ico (Windows) and
 * build/icon.icns (macOS). Sizes of 32 px and less come from build/icon-small.svg, drawn with
 * fewer, bolder shapes so they stay legible. Rendering uses a headless Chromium (CHROMIUM_PATH,
 * else Debian's /usr/lib/chromium/chromium) through Playwright: its SVG rasteriser draws each
 * size from the vectors, never by scaling a bitmap. The outputs are committed as source assets;
 * run this again after changing the SVGs.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { dibFromRgba, encodeIcns, encodeIco, ICO_SIZES, LINUX_SIZES } from './icon-formats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = path.join(root, 'build');

const SMALL_MAX = 32;

const executablePath =
  process.env.CHROMIUM_PATH ??
  ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) =>
    existsSync(p),
  );

/* global Image, document */
/** In the page: draw an SVG at `size` px on a canvas; return its PNG and raw RGBA, base64. */
function drawInPage({ svg, size }) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, size, size);
      const rgba = context.getImageData(0, 0, size, size).data;
      let binary = '';
      for (let i = 0; i < rgba.length; i += 0x8000) {
        binary += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
      }
      resolve({ png: canvas.toDataURL('image/png').split(',')[1], rgba: btoa(binary) });
    };
    image.onerror = () => reject(new Error('the SVG did not load'));
    image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
  });
}

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const large = await readFile(path.join(build, 'icon.svg'), 'utf8');
  const small = await readFile(path.join(build, 'icon-small.svg'), 'utf8');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES])].sort((a, b) => a - b);
  const rendered = new Map();
  for (const size of sizes) {
    const svg = size <= SMALL_MAX ? small : large;
    const { png, rgba } = await page.evaluate(drawInPage, { svg, size });
    rendered.set(size, { png: Buffer.from(png, 'base64'), rgba: Buffer.from(rgba, 'base64') });
  }

  await mkdir(path.join(build, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    await writeFile(path.join(build, 'icons', `${size}x${size}.png`), rendered.get(size).png);
  }
  await writeFile(path.join(build, 'icon.png'), rendered.get(1024).png);

  const ico = ICO_SIZES.map((size) => {
    const { png, rgba } = rendered.get(size);
    return { size, data: size >= 256 ? png : dibFromRgba(size, rgba) };
  });
  await writeFile(path.join(build, 'icon.ico'), encodeIco(ico));

  const pngs = new Map([...rendered].map(([size, { png }]) => [size, png]));
  await writeFile(path.join(build, 'icon.icns'), encodeIcns(pngs));
  console.log(`icons written to ${path.relative(root, build)}/ (${sizes.join(', ')} px)`);
} finally {
  await browser.close();
}
