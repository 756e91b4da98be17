/**
 * Media: upload pictures, videos and captions, see the library, delete what no slide uses.
 */
import './media.css';
import { useEffect, useId, useMemo, useState } from 'react';
import type { MediaItem } from '#core/contract';
import { mediaRefsUsedBy } from '#core/media-usage';
import { ApiError } from '../../api/api-error';
import type { SectionProps } from '../section';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { MediaLibrary } from './MediaLibrary';
import { PdfImportPanel } from './pdf/PdfImportPanel';
import { UploadPanel } from './UploadPanel';
import { useUpload } from './useUpload';
import { errorMessage } from '../ui/error-message';
import { Alert } from '../ui/ErrorAlert';

/** Why a delete was refused; `slides` lists the slides that use the file. */
interface DeleteFailure {
  name: string;
  message: string;
  slides: string[];
}

/** The Media section. */
export function MediaSection({ api, data }: SectionProps) {
  const uploads = useUpload(api, data.reload);
  const [confirming, setConfirming] = useState<MediaItem | undefined>();
  const [deleteFailure, setDeleteFailure] = useState<DeleteFailure | undefined>();
  const [deleted, setDeleted] = useState<string | undefined>();
  const titleId = useId();
  const libraryId = useId();
  const media = data.state?.media ?? [];
  const content = data.state?.content;
  const usage = useMemo(
    () => (content ? mediaRefsUsedBy(content) : new Map<string, string[]>()),
    [content],
  );
  const { reload } = data;
  // Another tab or another staff machine added or removed a file, or changed the slides that use
  // one: show the library and its usage as they are now.
  useEffect(() => {
    const stopMedia = api.onMediaChanged?.(() => void reload());
    const stopContent = api.onContentChanged(() => void reload());
    return () => {
      stopMedia?.();
      stopContent();
    };
  }, [api, reload]);

  const remove = async (item: MediaItem) => {
    setConfirming(undefined);
    setDeleted(undefined);
    setDeleteFailure(undefined);
    try {
      await api.invoke('media:delete', { ref: item.ref });
      setDeleted(item.name);
    } catch (error) {
      const slides = error instanceof ApiError ? error.details.slides : undefined;
      setDeleteFailure({
        name: item.name,
        message: errorMessage(error),
        slides: Array.isArray(slides) ? slides.map(String) : [],
      });
    }
    await data.reload();
  };

  return (
    <section className="admin-section media-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Media</h2>
      <p className="admin-note">
        Pictures, videos and captions for your slides. The kiosk checks each file&rsquo;s contents,
        not its name; SVG files are not accepted because they can carry scripts.
      </p>

      <UploadPanel uploads={uploads} />
      <PdfImportPanel api={api} onChanged={data.reload} />

      <section className="media-library" aria-labelledby={libraryId}>
        <h3 id={libraryId}>Library ({media.length})</h3>
        {deleteFailure &&
          (deleteFailure.slides.length > 0 ? (
            <Alert
              message={`Not deleted: ${deleteFailure.name} is used by these slides:`}
              items={deleteFailure.slides}
              note="Take it out of those slides first, then delete it."
            />
          ) : (
            <Alert message={`Not deleted: ${deleteFailure.message}`} />
          ))}
        <p role="status" className="admin-status">
          {deleted ? `Deleted ${deleted}.` : ''}
        </p>
        <MediaLibrary media={media} usage={usage} onDelete={setConfirming} />
      </section>

      {confirming && (
        <ConfirmDialog
          title={`Delete ${confirming.name}?`}
          confirm="Delete"
          danger
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(undefined)}
          message={<p>The file is removed from the kiosk. This cannot be undone.</p>}
        />
      )}
    </section>
  );
}
