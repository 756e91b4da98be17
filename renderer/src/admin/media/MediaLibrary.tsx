/**
 * The uploaded files, newest first: a preview, the name, kind, size and date, where each is used,
 * and Delete.
 */
import type { MediaItem } from '#core/contract';
import { mediaUrl } from '#core/media';
import { formatBytes, formatDate, KIND_LABEL } from './format';

interface MediaLibraryProps {
  media: readonly MediaItem[];
  /** The slides using each file, by reference, as "Playlist › slide title". */
  usage: ReadonlyMap<string, readonly string[]>;
  onDelete(item: MediaItem): void;
}

/** A grid of media cards. */
export function MediaLibrary({ media, usage, onDelete }: MediaLibraryProps) {
  if (media.length === 0) {
    return <p className="admin-note">No files uploaded yet.</p>;
  }
  const newestFirst = [...media].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));
  return (
    <ul className="media-grid">
      {newestFirst.map((item) => (
        <li key={item.ref} className="media-card">
          <Preview item={item} />
          <div className="media-card__body">
            <p className="media-card__name" title={item.name}>
              {item.name}
            </p>
            <p className="media-card__facts">
              {KIND_LABEL[item.kind]} · {formatBytes(item.size)}
              <br />
              Uploaded <time dateTime={item.uploadedAt}>{formatDate(item.uploadedAt)}</time>
            </p>
            <Usage name={item.name} slides={usage.get(item.ref) ?? []} />
            <button
              type="button"
              className="admin-button admin-button--danger"
              aria-label={`Delete ${item.name}`}
              onClick={() => onDelete(item)}
            >
              Delete
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

// Where a file is used, so staff know what a change or a delete touches before they try it.
function Usage({ name, slides }: { name: string; slides: readonly string[] }) {
  if (slides.length === 0) return <p className="media-card__usage">Not used on any slide</p>;
  return (
    <div className="media-card__usage">
      <p>Used on {slides.length === 1 ? '1 slide' : `${slides.length} slides`}:</p>
      <ul aria-label={`Slides using ${name}`}>
        {slides.map((slide) => (
          <li key={slide}>{slide}</li>
        ))}
      </ul>
    </div>
  );
}

// Previews are the files themselves, scaled by CSS: no thumbnails are made on the host, so it
// needs no native image library. `loading="lazy"` and `preload="metadata"` keep a big library light.
function Preview({ item }: { item: MediaItem }) {
  const url = mediaUrl(item.ref);
  if (item.kind === 'image') {
    return <img className="media-card__preview" src={url} alt="" loading="lazy" decoding="async" />;
  }
  if (item.kind === 'video') {
    // `#t=0.1` asks for a frame just after the start, so the first picture shows, not black.
    return (
      <video
        className="media-card__preview"
        src={`${url}#t=0.1`}
        preload="metadata"
        muted
        playsInline
        aria-hidden="true"
        tabIndex={-1}
      />
    );
  }
  return (
    <div className="media-card__preview media-card__preview--text" aria-hidden="true">
      VTT
    </div>
  );
}
