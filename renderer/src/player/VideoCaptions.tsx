/**
 * The caption box of a video slide: the showing track's cues, in the player's own style (a chunk
 * of its own, loaded after the first slide; only videos with captions render it).
 */
import { useEffect, useState, type RefObject } from 'react';

interface VideoCaptionsProps {
  video: RefObject<HTMLVideoElement | null>;
  lang: string | undefined;
}

/** Keep one track showing (in `lang`) and draw its active cues. */
export default function VideoCaptions({ video, lang }: VideoCaptionsProps) {
  const cues = useCaptions(video, lang);
  if (cues.length === 0) return null;
  return (
    <p className="slide__cues" lang={lang}>
      {cues.join('\n')}
    </p>
  );
}

/**
 * Keep exactly one text track "showing" (the one in `lang`, every other "disabled") and return
 * the lines of its active cues.
 *
 * Chromium draws native cues at the bottom of the video's box, under the player's controls and
 * in its own colours; the player hides those (captions.css) and shows these lines in its own
 * caption box, laid out above the controls.
 */
function useCaptions(
  video: RefObject<HTMLVideoElement | null>,
  lang: string | undefined,
): string[] {
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    const tracks = video.current?.textTracks;
    if (!tracks) return;
    const update = () => {
      const showing = Array.from(tracks).find((track) => track.mode === 'showing');
      const cues = showing?.activeCues ? Array.from(showing.activeCues) : [];
      setLines(cues.map(cueText).filter((line) => line !== ''));
    };
    const apply = () => {
      for (const track of Array.from(tracks)) {
        // Set only on a change: each assignment fires the list's `change` event again.
        const mode = lang !== undefined && track.language === lang ? 'showing' : 'disabled';
        if (track.mode !== mode) track.mode = mode;
        track.oncuechange = update;
      }
      update();
    };
    apply();
    // Tracks are added as their elements load, and the browser may switch on a `default` one.
    tracks.addEventListener('addtrack', apply);
    tracks.addEventListener('change', apply);
    return () => {
      tracks.removeEventListener('addtrack', apply);
      tracks.removeEventListener('change', apply);
      for (const track of Array.from(tracks)) track.oncuechange = null;
    };
  }, [video, lang]);
  return lines;
}

// A cue's text without WebVTT markup (voice, class and timestamp tags, entities).
function cueText(cue: TextTrackCue): string {
  if ('getCueAsHTML' in cue && typeof cue.getCueAsHTML === 'function') {
    return ((cue as VTTCue).getCueAsHTML().textContent ?? '').trim();
  }
  return ('text' in cue ? String(cue.text) : '').replace(/<[^>]*>/g, '').trim();
}
