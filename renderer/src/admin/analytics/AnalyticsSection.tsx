/**
 * Analytics: what this version can say today. Plays are not recorded yet (proof of play is a
 * separate piece of work), so this shows counts of what is on the kiosk, and no charts.
 */
import { useId } from 'react';
import type { SectionProps } from '../section';

/** The Analytics section. */
export function AnalyticsSection({ data }: SectionProps) {
  const titleId = useId();
  const { state } = data;
  if (!state) return null;
  const { playlists } = state.content;
  const slides = playlists.reduce((sum, playlist) => sum + playlist.slides.length, 0);
  const enabledSlides = playlists.reduce(
    (sum, playlist) => sum + playlist.slides.filter((slide) => slide.enabled).length,
    0,
  );
  const count = (kind: string) => state.media.filter((item) => item.kind === kind).length;
  const facts: [string, number | string][] = [
    ['Playlists', playlists.length],
    ['Slides', `${slides} (${enabledSlides} enabled)`],
    ['Media files', state.media.length],
    ['Pictures', count('image')],
    ['Videos', count('video')],
    ['Captions files', count('captions')],
    ['Languages enabled', state.settings.enabledLanguages.length],
  ];

  return (
    <section className="admin-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Analytics</h2>
      <p>This version does not record which slides were played yet, so there are no play counts.</p>
      <div className="admin-card">
        <h3>On this kiosk now</h3>
        <dl className="admin-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
