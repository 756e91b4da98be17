/**
 * The Schedule section: what plays now and why, the week's timeline, and every schedule.
 */
import './schedule.css';
import { useEffect, useMemo, useState } from 'react';
import { nextChange, resolvePlaylist } from '#core/schedule';
import { describeSchedule, weekTimeline } from '#core/schedule-view';
import { scheduleWarnings } from '#core/schedule-warnings';
import type { ContentFile } from '#core/schema';
import { adminLocale, kioskZone } from '../locale';
import { useHasUnsavedEdits } from '../playlists/useContentDraft';
import { playlistHref } from '../playlists/usePlaylistRoute';
import type { SectionProps } from '../section';
import { NowPlaying } from './NowPlaying';
import { layoutWeek } from './timeline-layout';
import { WeekTimeline, type TimelinePlaylist } from './WeekTimeline';
import { clockText, weekDays } from './zoned-time';

/** Schedule: a week timeline of the saved content, "Now playing", and the scheduled playlists. */
export function ScheduleSection({ data }: SectionProps) {
  const state = data.state;
  return (
    <section className="sc-section" aria-labelledby="sc-heading">
      <h2 id="sc-heading">Schedule</h2>
      {state ? (
        <Schedule content={state.content} timeZone={kioskZone(state.settings.timeZone)} />
      ) : (
        <p className="admin-note" aria-busy="true">
          Loading the schedule…
        </p>
      )}
    </section>
  );
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function Schedule({ content, timeZone }: { content: ContentFile; timeZone: string }) {
  const now = useNow(30_000);
  const unsaved = useHasUnsavedEdits();
  // The week only changes when a new week starts: recompute it per day start, not per tick.
  const days = weekDays(now, timeZone);
  const weekStart = days[0]!;
  const week = useMemo(() => {
    const starts = weekDays(weekStart, timeZone);
    return layoutWeek(weekTimeline(content, weekStart, timeZone, 15), starts, timeZone);
  }, [content, weekStart, timeZone]);
  const playlists = useMemo(
    () =>
      new Map<string, TimelinePlaylist>(
        content.playlists.map((p, tone) => [
          p.id,
          { id: p.id, name: p.name, tone, isDefault: p.id === content.defaultPlaylistId },
        ]),
      ),
    [content],
  );
  const locale = adminLocale();
  const current = resolvePlaylist(content, now, timeZone);
  const next = useMemo(() => {
    const at = nextChange(content, now, timeZone);
    if (at === undefined) return undefined;
    const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short' }).format(at);
    return {
      when: `${day} ${clockText(at, timeZone)}`,
      name: resolvePlaylist(content, at, timeZone).playlist.name,
    };
  }, [content, now, timeZone, locale]);
  // Per day is enough: only the zones' offsets, which change rarely, depend on the moment.
  const warnings = useMemo(
    () => scheduleWarnings(content, timeZone, weekStart),
    [content, timeZone, weekStart],
  );
  const scheduled = content.playlists.filter((p) => p.schedule);

  return (
    <>
      {unsaved && (
        <p className="sc-warning">
          You have unsaved changes in Playlists: this page shows what is saved.
        </p>
      )}
      <p className="admin-note">
        Times are in the kiosk&rsquo;s time zone, <strong>{timeZone}</strong>.
      </p>
      <NowPlaying resolved={current} next={next} locale={locale} />
      {warnings.length > 0 && (
        <div className="admin-card">
          <h3 id="sc-warnings-title">Check these schedules</h3>
          <ul className="sc-problems" aria-labelledby="sc-warnings-title">
            {warnings.map((warning) => (
              <li key={warning.message} className="sc-warning">
                {warning.message}{' '}
                <a className="admin-button" href={playlistHref(warning.playlistIds.at(-1)!)}>
                  Edit
                  <span className="visually-hidden">
                    {' '}
                    {content.playlists.find((p) => p.id === warning.playlistIds.at(-1))?.name}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="admin-card">
        <h3>This week</h3>
        <WeekTimeline
          days={week}
          playlists={playlists}
          now={now}
          timeZone={timeZone}
          locale={locale}
        />
      </div>
      <div className="admin-card">
        <h3>Scheduled playlists</h3>
        {scheduled.length === 0 ? (
          <p>
            No playlist is scheduled: the default playlist plays all the time. Give a playlist a
            schedule in Playlists.
          </p>
        ) : (
          <ul className="sc-scheduled">
            {scheduled.map((playlist) => (
              <li key={playlist.id}>
                <strong>{playlist.name}</strong>: {describeSchedule(playlist.schedule, locale)}{' '}
                <a className="admin-button" href={playlistHref(playlist.id)}>
                  Edit<span className="visually-hidden"> {playlist.name}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
