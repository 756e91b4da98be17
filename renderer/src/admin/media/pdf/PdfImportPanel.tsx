/**
 * "Import a PDF": each page becomes a picture in the library, and optionally a playlist.
 */
import { useId, useRef, useState } from 'react';
import type { KioskApi } from '#core/contract';
import { PDF_MAX_BYTES, PDF_MAX_PAGES, PDF_PAGE_LONG_SIDE_PX } from '#core/pdf-import';
import { formatBytes } from '../format';
import './pdf-import.css';
import { usePdfImport, type PdfImportState } from './usePdfImport';
import { Alert } from '../../ui/ErrorAlert';
import { Check } from '../../ui/fields';

/** The PDF import card of the Media section. */
export function PdfImportPanel({
  api,
  onChanged,
}: {
  api: KioskApi;
  onChanged: () => Promise<void>;
}) {
  const pdf = usePdfImport(api, onChanged);
  const input = useRef<HTMLInputElement>(null);
  const [makePlaylist, setMakePlaylist] = useState(true);
  const titleId = useId();
  const hintId = useId();
  const { state } = pdf;

  return (
    <section className="admin-card media-upload pdf-import" aria-labelledby={titleId}>
      <h3 id={titleId}>PDF</h3>
      <p id={hintId} className="admin-note">
        Each page becomes a picture {PDF_PAGE_LONG_SIDE_PX} pixels on its long side, drawn here in
        your browser; the PDF itself is not kept. Up to {formatBytes(PDF_MAX_BYTES)} and{' '}
        {PDF_MAX_PAGES} pages.
      </p>
      <Check
        label="Also make a playlist of the pages, in page order"
        checked={makePlaylist}
        disabled={pdf.busy}
        onChange={setMakePlaylist}
      />
      <button
        type="button"
        className="admin-button admin-button--primary"
        aria-describedby={hintId}
        disabled={pdf.busy}
        onClick={() => input.current?.click()}
      >
        Import a PDF
      </button>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so choosing the same file again imports it again.
          event.target.value = '';
          if (file) void pdf.start(file, makePlaylist);
        }}
      />
      {state.step === 'pages' && (
        <progress aria-label={`Importing ${state.name}`} max={state.pages} value={state.page - 1} />
      )}
      <p role="status" className="admin-status">
        {statusText(state)}
      </p>
      {state.step === 'failed' && <Alert message={`Not imported: ${state.message}`} />}
    </section>
  );
}

function statusText(state: PdfImportState): string {
  switch (state.step) {
    case 'idle':
    case 'failed':
      return '';
    case 'checking':
      return `Opening ${state.name}…`;
    case 'pages':
      return `Page ${state.page} of ${state.pages}`;
    case 'done': {
      const pages = `${state.pages} page${state.pages === 1 ? '' : 's'}`;
      return state.playlist
        ? `Imported ${state.name}: ${pages} added to the library and the playlist "${state.playlist}".`
        : `Imported ${state.name}: ${pages} added to the library.`;
    }
  }
}
