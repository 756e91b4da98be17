/**
 * Which playlist is open in the editor: `#/admin/playlists/<id>`, so links and Back work.
 */
import { useHash } from '../../useHash';

const PATTERN = /^#\/admin\/playlists\/([a-z0-9][a-z0-9-]*)/;

/** The link that opens a playlist in the editor. */
export function playlistHref(id: string): string {
  return `#/admin/playlists/${id}`;
}

/** The id of the playlist the hash opens, if any. */
export function playlistFromHash(hash: string): string | undefined {
  return PATTERN.exec(hash)?.[1];
}

function openPlaylist(next: string | undefined): void {
  window.location.hash = next ? playlistHref(next) : '#/admin/playlists';
}

/** The open playlist's id and a way to open another (or none: the list). */
export function usePlaylistRoute(): [string | undefined, (id: string | undefined) => void] {
  return [playlistFromHash(useHash()), openPlaylist];
}
