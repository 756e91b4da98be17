/**
 * Read a QR code back from a screenshot with jsQR, in a blank page of the same browser (the
 * player's CSP would refuse the decoder's script, and the screenshot is a PNG only a browser
 * decodes here).
 */
import { createRequire } from 'node:module';
import type { BrowserContext, Locator } from '@playwright/test';

const jsQrPath = createRequire(import.meta.url).resolve('jsqr');

/** The text of the QR code shown in `element`, read from a screenshot of it; null if none. */
export async function decodeQr(context: BrowserContext, element: Locator): Promise<string | null> {
  const png = (await element.screenshot({ animations: 'disabled' })).toString('base64');
  const blank = await context.newPage();
  try {
    await blank.addScriptTag({ path: jsQrPath });
    return await blank.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      type JsQr = (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
      const jsQR = (window as unknown as { jsQR: JsQr }).jsQR;
      return jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
    }, png);
  } finally {
    await blank.close();
  }
}
