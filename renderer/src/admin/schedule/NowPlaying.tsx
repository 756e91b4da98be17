/**
 * "Now playing": which playlist the kiosk plays at this moment, and why.
 */
import type { Resolved } from '#core/schedule';
import { describeSchedule } from '#core/schedule-view';
import { playlistHref } from '../playlists/usePlaylistRoute';

interface NowPlayingProps {
  resolved: Resolved;
  /** What plays after the next change, and when (wall-clock text), if anything changes soon. */
  next: { when: string; name: string } | undefined;
  /** The admin's locale, for dates. */
  locale: string;
}

/** Why a playlist plays, in words. */
export function reasonText({ playlist, reason }: Resolved, locale?: string): string {
  switch (reason.kind) {
    case 'scheduled':
      return `Scheduled: ${describeSchedule(playlist.schedule, locale)}.`;
    case 'default':
      return 'The default playlist, because nothing is scheduled now.';
    case 'default-fallback':
      return 'The default playlist, as a fallback: its slides are scheduled for other times, so all of them play.';
    case 'nothing':
      return 'The default playlist, but every one of its slides is switched off: the screen stays empty.';
  }
}

/** A card naming the playing playlist, how many of its slides play, the reason and what is next. */
export function NowPlaying({ resolved, next, locale }: NowPlayingProps) {
  const { playlist, slides } = resolved;
  return (
    <section className="admin-card sc-now" aria-labelledby="sc-now-title">
      <h3 id="sc-now-title">Now playing</h3>
      <p className="sc-now__name">
        <strong>{playlist.name}</strong>{' '}
        <span className="admin-note">
          ({slides.length} of {playlist.slides.length}{' '}
          {playlist.slides.length === 1 ? 'slide' : 'slides'} on now)
        </span>
      </p>
      <p className="sc-now__why">{reasonText(resolved, locale)}</p>
      {next && (
        <p className="sc-now__next">
          Next change: {next.when}, <strong>{next.name}</strong>.
        </p>
      )}
      <a className="admin-button" href={playlistHref(playlist.id)}>
        Edit<span className="visually-hidden"> {playlist.name}</span>
      </a>
    </section>
  );
}
