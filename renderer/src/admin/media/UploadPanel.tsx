/**
 * Choose or drop files to upload; each file shows a progress bar and how it ended.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import { UPLOAD_ACCEPT, uploadFormatsSummary } from '#core/media-types';
import { formatBytes } from './format';
import type { Uploads } from './useUpload';
import { Alert } from '../ui/ErrorAlert';

/** The "Upload files" button, the drop zone, and the list of uploads in progress or done. */
export function UploadPanel({ uploads }: { uploads: Uploads }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const titleId = useId();
  const failed = uploads.entries.filter((entry) => entry.state === 'failed');

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void uploads.add([...event.dataTransfer.files]);
  };

  return (
    <section className="admin-card media-upload" aria-labelledby={titleId}>
      <h3 id={titleId}>Upload</h3>
      <div
        className={`media-drop${dragging ? ' media-drop--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <button
          type="button"
          className="admin-button admin-button--primary"
          aria-describedby={hintId}
          onClick={() => input.current?.click()}
        >
          Upload files
        </button>
        <p id={hintId} className="admin-note">
          Or drop files here. {uploadFormatsSummary()}
        </p>
        <input
          ref={input}
          type="file"
          accept={UPLOAD_ACCEPT}
          multiple
          hidden
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            // Cleared so choosing the same file again still uploads it.
            event.target.value = '';
            void uploads.add(files);
          }}
        />
      </div>

      {failed.length > 0 && (
        <Alert
          message={
            failed.length === 1 ? 'A file was not uploaded:' : 'Some files were not uploaded:'
          }
          items={failed.map((entry) => (
            <>
              <strong>{entry.name}</strong>: {entry.message}
            </>
          ))}
        />
      )}

      {uploads.entries.length > 0 && (
        <>
          <ul className="media-uploads" aria-label="Uploads">
            {uploads.entries.map((entry) => (
              <li key={entry.key} className={`media-uploads__item is-${entry.state}`}>
                <span className="media-uploads__name">{entry.name}</span>
                <progress aria-label={entry.name} max={entry.size || 1} value={entry.sent} />
                <span className="media-uploads__status">{statusText(entry)}</span>
              </li>
            ))}
          </ul>
          {!uploads.busy && (
            <button type="button" className="admin-button" onClick={uploads.clearFinished}>
              Clear this list
            </button>
          )}
        </>
      )}
    </section>
  );
}

function statusText(entry: Uploads['entries'][number]): string {
  const total = formatBytes(entry.size);
  switch (entry.state) {
    case 'waiting':
      return `Waiting (${total})`;
    case 'uploading':
      return `${formatBytes(entry.sent)} of ${total}`;
    case 'done':
      // Bytes already in the library: said with the name they are kept under.
      return entry.message ? capitalise(entry.message) : `Uploaded (${total})`;
    case 'failed':
      return 'Not uploaded';
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
