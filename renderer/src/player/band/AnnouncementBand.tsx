/**
 * The announcement band: short announcements on now, one at a time or scrolling gently, and an
 * optional clock. Loaded on demand (React.lazy), so it may appear just after the first slide.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { bandLines, type BandLine } from '#core/band';
import type { BandSettings } from '#core/schema';
import { BandClock } from './BandClock';
import { useMinute } from './useMinute';
import './band.css';

/** How long each announcement stays when they take turns. */
export const ROTATE_MS = 8_000;

export interface AnnouncementBandProps {
  band: BandSettings;
  /** The visitor's language, and the one to fall back on. */
  lang: string;
  fallback: string;
  /** The kiosk's time zone (schedules and clock). */
  timeZone: string;
  reducedMotion: boolean;
  /** The band's name for assistive technology, in the visitor's language. */
  label: string;
  /** The band's height in px (0 when nothing shows), so the player makes room for it. */
  onSize(height: number): void;
}

/** The band at the top or bottom of the player; nothing when it has nothing to show. */
export default function AnnouncementBand(props: AnnouncementBandProps) {
  const { band, lang, fallback, timeZone, reducedMotion, label, onSize } = props;
  const now = useMinute();
  const lines = bandLines(band, now, timeZone, lang, fallback);
  const scrolling = band.motion === 'scroll' && !reducedMotion;
  const turn = useTurn(scrolling ? 1 : lines.length);
  const current = lines[turn % Math.max(lines.length, 1)];
  const visible = lines.length > 0 || band.clock;
  const element = useRef<HTMLElement>(null);
  useBandSize(element, visible, onSize);
  if (!visible) return null;

  // Screen readers hear the band once per change: the announcement that came on, or the whole
  // scrolling text when it changes; never the scroll itself, nor the clock ticking.
  const spoken = scrolling ? lines.map((line) => line.text).join(' · ') : (current?.text ?? '');
  return (
    <section
      ref={element}
      className={`band band--${band.position}${reducedMotion ? ' is-still' : ''}`}
      aria-label={label}
    >
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" lang={current?.lang}>
        {spoken}
      </p>
      {lines.length > 0 &&
        (scrolling ? <Scroller lines={lines} /> : <Turns lines={lines} current={current} />)}
      {band.clock && <BandClock now={now} lang={lang} timeZone={timeZone} />}
    </section>
  );
}

// Every announcement in one grid cell, only the current one visible: the band keeps the height
// of the tallest, so slide text does not move as they take turns.
function Turns({ lines, current }: { lines: BandLine[]; current: BandLine | undefined }) {
  return (
    <div className="band__lines" aria-hidden="true">
      {lines.map((line) => (
        <p
          key={line.index}
          lang={line.lang}
          className={line === current ? 'band__line is-current' : 'band__line'}
        >
          {line.text}
        </p>
      ))}
    </div>
  );
}

// All announcements in a row, moving slowly from one side to the other (transform only).
function Scroller({ lines }: { lines: BandLine[] }) {
  const text = lines.map((line) => line.text).join('   ·   ');
  // About 6 characters a second: readable while it moves.
  const seconds = Math.max(12, Math.round(text.length / 6 + 8));
  return (
    <div className="band__window" aria-hidden="true">
      <p className="band__track" lang={lines[0]?.lang} style={{ animationDuration: `${seconds}s` }}>
        {text}
      </p>
    </div>
  );
}

// Which announcement's turn it is: the next one every ROTATE_MS while there are several.
function useTurn(count: number): number {
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (count < 2) return;
    const timer = setInterval(() => setTurn((n) => n + 1), ROTATE_MS);
    return () => clearInterval(timer);
  }, [count]);
  return turn;
}

// Report the band's height whenever it changes, and 0 once it goes.
function useBandSize(
  element: React.RefObject<HTMLElement | null>,
  visible: boolean,
  onSize: (height: number) => void,
) {
  useLayoutEffect(() => {
    const band = element.current;
    if (!visible || !band) {
      onSize(0);
      return;
    }
    const measure = () => onSize(Math.ceil(band.getBoundingClientRect().height));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(band);
    return () => {
      observer.disconnect();
      onSize(0);
    };
  }, [element, visible, onSize]);
}
