/**
 * Draw a PDF's pages as PNG pictures with PDF.js, in the admin page (loaded only when staff import
 * a PDF, so neither the player nor the rest of the admin carries it).
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
// The worker is a file of the build, served by the kiosk itself (CSP `worker-src 'self'`).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfPageScale } from '#core/pdf-import';
import { errorMessage } from '../../ui/error-message';

GlobalWorkerOptions.workerSrc = workerUrl;

/** A PDF opened for drawing. */
export interface OpenedPdf {
  pages: number;
  /** Draw page `page` (from 1) as a PNG, its long side at the kiosk's display size. */
  drawPage(page: number): Promise<Blob>;
  close(): Promise<void>;
}

/** Why a PDF could not be opened, in words for staff. */
export class PdfOpenError extends Error {}

/** Open the PDF in `bytes`; a damaged or password-protected file gives a PdfOpenError. */
export async function openPdf(name: string, bytes: Uint8Array): Promise<OpenedPdf> {
  const task = getDocument({ data: bytes, useSystemFonts: true, stopAtErrors: true });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    void task.destroy();
    throw new PdfOpenError(openFailure(name, error));
  }
  return {
    pages: doc.numPages,
    drawPage: (page) => drawPage(doc, page),
    // Ends the worker too: nothing of the PDF stays in memory.
    close: () => task.destroy(),
  };
}

async function drawPage(doc: PDFDocumentProxy, number: number): Promise<Blob> {
  const page = await doc.getPage(number);
  try {
    const { width, height } = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: pdfPageScale(width, height) });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw pictures (no 2D canvas)');
    // Pages are drawn on white, as printed: PDFs rarely paint their own background.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the page could not be saved'))),
        'image/png',
      ),
    );
  } finally {
    page.cleanup();
  }
}

function openFailure(name: string, error: unknown): string {
  const kind = error instanceof Error ? error.name : '';
  if (kind === 'PasswordException') {
    return `${name} is protected by a password. Save a copy without a password, then import that.`;
  }
  if (kind === 'InvalidPDFException') {
    return `${name} is damaged and cannot be read. Export it again from the program that made it.`;
  }
  const detail = errorMessage(error);
  return `${name} could not be read (${detail}). Export it again from the program that made it.`;
}
