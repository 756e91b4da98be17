/**
 * Import a PDF: check it, draw each page as a picture in this page, upload the pictures, and
 * optionally add a playlist of picture slides in page order.
 */
import { useCallback, useState } from 'react';
import type { KioskApi } from '#core/contract';
import {
  pdfFileRefusal,
  pdfPageFileName,
  pdfPagesRefusal,
  pdfPlaylist,
  pdfTitle,
} from '#core/pdf-import';
import type { MediaRef } from '#core/schema';
import { uniqueId } from '../../playlists/content-edit';
import { uploadBlob } from './upload-blob';
import { errorMessage } from '../../ui/error-message';

/** Where an import stands, as staff see it. */
export type PdfImportState =
  | { step: 'idle' }
  | { step: 'checking'; name: string }
  | { step: 'pages'; name: string; page: number; pages: number }
  | { step: 'done'; name: string; pages: number; playlist?: string }
  | { step: 'failed'; name: string; message: string };

/** The import under way or last finished, and how to start one. */
export interface PdfImport {
  state: PdfImportState;
  busy: boolean;
  /** Import `file`; with `makePlaylist`, also add a playlist of its pages. */
  start(file: File, makePlaylist: boolean): Promise<void>;
}

/** Import PDFs one at a time through the KioskApi; `onChanged` reloads the admin's data. */
export function usePdfImport(api: KioskApi, onChanged: () => Promise<void>): PdfImport {
  const [state, setState] = useState<PdfImportState>({ step: 'idle' });

  const start = useCallback(
    async (file: File, makePlaylist: boolean) => {
      const name = file.name;
      setState({ step: 'checking', name });
      const uploaded: MediaRef[] = [];
      try {
        const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
        const refusal = pdfFileRefusal(name, file.size, head);
        if (refusal) throw new Error(refusal);
        const { openPdf } = await import('./pdf-render');
        const pdf = await openPdf(name, new Uint8Array(await file.arrayBuffer()));
        try {
          const tooMany = pdfPagesRefusal(name, pdf.pages);
          if (tooMany) throw new Error(tooMany);
          for (let page = 1; page <= pdf.pages; page++) {
            setState({ step: 'pages', name, page, pages: pdf.pages });
            const picture = await pdf.drawPage(page);
            const item = await uploadBlob(api, pdfPageFileName(name, page, pdf.pages), picture);
            uploaded.push(item.ref);
          }
        } finally {
          await pdf.close();
        }
        const playlist = makePlaylist ? await addPlaylist(api, name, uploaded) : undefined;
        setState({ step: 'done', name, pages: uploaded.length, playlist });
      } catch (error) {
        const message = errorMessage(error);
        const kept =
          uploaded.length > 0
            ? ` The ${uploaded.length} page${uploaded.length === 1 ? '' : 's'} already imported stay in the library.`
            : '';
        setState({ step: 'failed', name, message: message + kept });
      }
      await onChanged();
    },
    [api, onChanged],
  );

  return { state, busy: state.step === 'checking' || state.step === 'pages', start };
}

/** Add a playlist of the pages to the saved content; returns its name. */
async function addPlaylist(api: KioskApi, pdfName: string, pages: MediaRef[]): Promise<string> {
  // Read the content fresh, so a save made meanwhile elsewhere is not overwritten.
  const { revision, content, settings } = await api.invoke('admin:get', undefined);
  const id = uniqueId(
    pdfTitle(pdfName),
    content.playlists.map((p) => p.id),
  );
  const playlist = pdfPlaylist(id, pdfName, pages, settings.defaultLanguage);
  const names = new Set(content.playlists.map((p) => p.name));
  for (let n = 2; names.has(playlist.name); n++) playlist.name = `${pdfTitle(pdfName)} (${n})`;
  await api.invoke('content:save', {
    baseRevision: revision,
    content: { ...content, playlists: [...content.playlists, playlist] },
  });
  return playlist.name;
}
