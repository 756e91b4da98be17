/**
 * Every playlist with its slide count, which one is the default and which are scheduled.
 */
import { useEffect, useRef } from 'react';
import { describeSchedule } from '#core/schedule-view';
import { adminLocale } from '../locale';
import type { ContentFile, Playlist } from '#core/schema';

interface PlaylistListProps {
  content: ContentFile;
  /** The playlist whose editor was just closed: focus returns to it. */
  returnTo?: string;
  onEdit(id: string): void;
  onCreate(): void;
  onDuplicate(playlist: Playlist): void;
  onRename(playlist: Playlist): void;
  onDelete(playlist: Playlist): void;
  onMakeDefault(playlist: Playlist): void;
}

/** The playlists, each with its actions; "Create playlist" below. */
export function PlaylistList(props: PlaylistListProps) {
  const { content, returnTo } = props;
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!returnTo) return;
    list.current?.querySelector<HTMLElement>(`[data-playlist="${returnTo}"] .pl-link`)?.focus();
  }, [returnTo]);
  return (
    <div className="pl-list" ref={list}>
      <ul className="pl-list__items">
        {content.playlists.map((playlist) => (
          <PlaylistItem
            key={playlist.id}
            {...props}
            playlist={playlist}
            isDefault={playlist.id === content.defaultPlaylistId}
          />
        ))}
      </ul>
      <button type="button" className="admin-button admin-button--primary" onClick={props.onCreate}>
        Create playlist
      </button>
    </div>
  );
}

function PlaylistItem({
  playlist,
  isDefault,
  ...actions
}: PlaylistListProps & { playlist: Playlist; isDefault: boolean }) {
  const slides = playlist.slides.length;
  const enabled = playlist.slides.filter((slide) => slide.enabled).length;
  const noteId = `pl-default-note-${playlist.id}`;
  const hidden = (text: string) => <span className="visually-hidden"> {text}</span>;
  return (
    <li
      className={`admin-card pl-item${isDefault ? ' pl-item--default' : ''}`}
      data-playlist={playlist.id}
    >
      <div className="pl-item__head">
        <h3 className="pl-item__name">
          <button type="button" className="pl-link" onClick={() => actions.onEdit(playlist.id)}>
            {playlist.name}
          </button>
        </h3>
        {isDefault && <span className="pl-badge pl-badge--default">Default</span>}
        {playlist.schedule && <span className="pl-badge pl-badge--scheduled">Scheduled</span>}
      </div>
      <ul className="pl-item__facts">
        <li>
          {slides} {slides === 1 ? 'slide' : 'slides'}
          {enabled < slides && ` (${slides - enabled} switched off)`}
        </li>
        {isDefault && <li>Plays when nothing is scheduled.</li>}
        {playlist.schedule && (
          <li>Scheduled: {describeSchedule(playlist.schedule, adminLocale())}</li>
        )}
      </ul>
      <div className="pl-item__actions">
        <button
          type="button"
          className="admin-button admin-button--primary"
          onClick={() => actions.onEdit(playlist.id)}
        >
          Edit{hidden(playlist.name)}
        </button>
        <button
          type="button"
          className="admin-button"
          onClick={() => actions.onDuplicate(playlist)}
        >
          Duplicate{hidden(playlist.name)}
        </button>
        <button type="button" className="admin-button" onClick={() => actions.onRename(playlist)}>
          Rename{hidden(playlist.name)}
        </button>
        {!isDefault && (
          <button
            type="button"
            className="admin-button"
            onClick={() => actions.onMakeDefault(playlist)}
          >
            Make default{hidden(playlist.name)}
          </button>
        )}
        <button
          type="button"
          className="admin-button admin-button--danger"
          disabled={isDefault}
          aria-describedby={isDefault ? noteId : undefined}
          onClick={() => actions.onDelete(playlist)}
        >
          Delete{hidden(playlist.name)}
        </button>
      </div>
      {isDefault && (
        <p className="admin-note" id={noteId}>
          The default playlist can&rsquo;t be deleted: make another playlist the default first.
        </p>
      )}
    </li>
  );
}
