/**
 * Which playlist is open in the editor: `#/admin/playlists/<id>`, so links and Back work.
 */
import { useEffect, useState } from 'react';

const PATTERN = /^#\/admin\/playlists\/([a-z0-9][a-z0-9-]*)/;

/** The link that opens a playlist in the editor. */
export function playlistHref(id: string): string {
  return `#/admin/playlists/${id}`;
}

/** The id of the playlist the hash opens, if any. */
export function playlistFromHash(hash: string): string | undefined {
  return PATTERN.exec(hash)?.[1];
}

/** The open playlist's id and a way to open another (or none: the list). */
export function usePlaylistRoute(): [string | undefined, (id: string | undefined) => void] {
  const [id, setId] = useState(() => playlistFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setId(playlistFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const open = (next: string | undefined) => {
    window.location.hash = next ? playlistHref(next) : '#/admin/playlists';
  };
  return [id, open];
}
