/**
 * Where the player puts the announcement band: loaded on demand, only when staff turned it on.
 */
import { lazy, Suspense, useCallback, useState, type CSSProperties } from 'react';
import type { Settings } from '#core/schema';
import { kioskTimeZone } from '../usePlaylistNow';

const AnnouncementBand = lazy(() => import('./AnnouncementBand'));

/** The room the band takes at its edge, as CSS variables for the player's controls. */
export function useBandRoom(settings: Settings) {
  const [height, setHeight] = useState(0);
  const onSize = useCallback((px: number) => setHeight(px), []);
  const edge = settings.band.position === 'top' ? '--band-top' : '--band-bottom';
  const style = (height > 0 ? { [edge]: `${height}px` } : {}) as CSSProperties;
  return { height, onSize, style };
}

interface PlayerBandProps {
  settings: Settings;
  lang: string;
  reducedMotion: boolean;
  label: string;
  onSize(height: number): void;
}

/** The band, when on; nothing otherwise (the default content looks as it always did). */
export function PlayerBand({ settings, lang, reducedMotion, label, onSize }: PlayerBandProps) {
  if (!settings.band.enabled) return null;
  return (
    <Suspense fallback={null}>
      <AnnouncementBand
        band={settings.band}
        lang={lang}
        fallback={settings.defaultLanguage}
        timeZone={kioskTimeZone(settings.timeZone)}
        reducedMotion={reducedMotion}
        label={label}
        onSize={onSize}
      />
    </Suspense>
  );
}
