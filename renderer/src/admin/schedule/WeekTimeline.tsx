/**
 * The week at a glance: seven day rows of 24 hours, a bar per playlist with its name, a legend,
 * and the same facts as a list ("Mon 09:00–17:00: Lunch menu") for screen readers and print.
 */
import type { TimelineDay } from './timeline-layout';
import { minuteOfDay } from './zoned-time';

const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = [0, 3, 6, 9, 12, 15, 18, 21, 24];

/** A playlist as the timeline shows it. */
export interface TimelinePlaylist {
  id: string;
  name: string;
  /** Index of its colour and pattern. */
  tone: number;
  isDefault: boolean;
}

interface WeekTimelineProps {
  days: readonly TimelineDay[];
  playlists: ReadonlyMap<string, TimelinePlaylist>;
  now: number;
  timeZone: string;
  /** The admin's locale, for dates. */
  locale: string;
}

/** The drawn week (hidden from screen readers) followed by its text version. */
export function WeekTimeline({ days, playlists, now, timeZone, locale }: WeekTimelineProps) {
  const dateOf = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' });
  const nameOf = (id: string) => playlists.get(id)?.name ?? id;
  const shown = [...new Set(days.flatMap((day) => day.bars.map((bar) => bar.playlistId)))];
  return (
    <div className="sc-week">
      <div className="sc-week__grid" aria-hidden="true">
        <div className="sc-week__hours">
          {HOURS.map((hour) => (
            <span key={hour} style={{ insetInlineStart: `${(hour / 24) * 100}%` }}>
              {String(hour).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {days.map((day) => {
          const today = now >= day.start && now < day.end;
          return (
            <div key={day.weekday} className={`sc-week__row${today ? ' is-today' : ''}`}>
              <span className="sc-week__day">
                <strong>{DAY_SHORT[day.weekday - 1]}</strong> {dateOf.format(day.start)}
              </span>
              <div className="sc-week__track">
                {day.bars.map((bar) => {
                  const playlist = playlists.get(bar.playlistId);
                  return (
                    <span
                      key={bar.from}
                      className={`sc-bar sc-tone-${(playlist?.tone ?? 0) % 8}${
                        bar.reason === 'scheduled' ? '' : ' sc-bar--default'
                      }`}
                      style={{
                        insetInlineStart: `${(bar.fromMinute / 1440) * 100}%`,
                        width: `${((bar.toMinute - bar.fromMinute) / 1440) * 100}%`,
                      }}
                    >
                      <span className="sc-bar__label">{nameOf(bar.playlistId)}</span>
                    </span>
                  );
                })}
                {today && (
                  <span
                    className="sc-week__now"
                    style={{ insetInlineStart: `${(minuteOfDay(now, timeZone) / 1440) * 100}%` }}
                  >
                    <span>Now</span>
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <ul className="sc-legend" aria-label="Legend">
        {shown.map((id) => {
          const playlist = playlists.get(id);
          return (
            <li key={id}>
              <span
                className={`sc-swatch sc-tone-${(playlist?.tone ?? 0) % 8}${
                  playlist?.isDefault ? ' sc-bar--default' : ''
                }`}
                aria-hidden="true"
              />
              {nameOf(id)}
              {playlist?.isDefault && ' (default, striped where nothing is scheduled)'}
            </li>
          );
        })}
      </ul>
      <h3 id="sc-week-list">What plays when</h3>
      <ul className="sc-week__list" aria-labelledby="sc-week-list">
        {days.map((day) =>
          day.bars.map((bar) => (
            <li key={`${day.weekday}-${bar.from}`}>
              {DAY_SHORT[day.weekday - 1]} {bar.time}: {nameOf(bar.playlistId)}
              {bar.reason !== 'scheduled' && (
                <span className="admin-note"> (default: nothing scheduled)</span>
              )}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
