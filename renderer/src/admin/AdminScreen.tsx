/**
 * The staff area at `/#/admin`. This release has no staff screens yet: it says so plainly and
 * leads back to the player. Playlists, media, schedule and settings arrive with the admin work.
 */
import type { KioskApi } from '../../../core/contract';

/** The staff area placeholder (code-split away from the player). */
export default function AdminScreen(_props: { api: KioskApi }) {
  return (
    <main className="admin-placeholder">
      <h1>Staff administration</h1>
      <p>
        The staff screens (playlists, media, schedule, settings) are not part of this version yet.
        Content lives in the kiosk&rsquo;s data folder as <code>content.json</code> and{' '}
        <code>settings.json</code>; check a file with <code>openness-kiosk validate FILE</code>.
      </p>
      <button
        type="button"
        className="pill pill--primary"
        onClick={() => (window.location.hash = '')}
      >
        Back to the player
      </button>
    </main>
  );
}
