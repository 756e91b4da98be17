/**
 * The band's clock: time and date in the visitor's language and the kiosk's time zone.
 */
import { useMemo } from 'react';

interface BandClockProps {
  now: number;
  lang: string;
  timeZone: string;
}

/** "14:05 · mercredi 2 décembre": not a live region, so screen readers are not told each minute. */
export function BandClock({ now, lang, timeZone }: BandClockProps) {
  const formats = useMemo(
    () => ({
      time: new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit' }),
      date: new Intl.DateTimeFormat(lang, {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
      }),
    }),
    [lang, timeZone],
  );
  const at = new Date(now);
  return (
    <p className="band__clock" lang={lang}>
      <time className="band__time" dateTime={at.toISOString()}>
        {formats.time.format(at)}
      </time>
      <span className="band__date">{formats.date.format(at)}</span>
    </p>
  );
}
