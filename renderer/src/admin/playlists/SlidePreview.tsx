/**
 * The slide being edited, drawn by the player's own slide component in a scaled 16:9 or 9:16
 * frame, in a chosen language (mirrored for right-to-left scripts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { isRightToLeft, languageName } from '#core/i18n';
import type { Slide } from '#core/schema';
import { SlideView } from '../../player/SlideView';
import { Field } from '../ui/fields';

const STAGES = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
} as const;
type Orientation = keyof typeof STAGES;

interface SlidePreviewProps {
  slide: Slide;
  languages: readonly string[];
  defaultLang: string;
}

const ignore = () => {};

/** A live preview: it redraws as staff type, exactly as the player would show the slide. */
export function SlidePreview({ slide, languages, defaultLang }: SlidePreviewProps) {
  const [chosen, setLang] = useState(defaultLang);
  const lang = languages.includes(chosen) ? chosen : defaultLang;
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const frame = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.25);
  const id = useId();
  const stage = STAGES[orientation];
  const rtl = isRightToLeft(lang);
  // The preview never plays sound into the staff room, whatever the slide's setting.
  const shown: Slide =
    slide.kind === 'video' ? { ...slide, video: { ...slide.video, muted: true } } : slide;

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const fit = () => setScale(element.clientWidth / stage.width || 0.25);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [stage.width]);

  return (
    <section className="pl-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Preview</h3>
      <div className="pl-preview__controls">
        <Field id={`${id}-lang`} label="Preview language">
          <select id={`${id}-lang`} value={lang} onChange={(event) => setLang(event.target.value)}>
            {languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </Field>
        <button
          type="button"
          className="admin-button"
          aria-pressed={orientation === 'portrait'}
          onClick={() => setOrientation(orientation === 'portrait' ? 'landscape' : 'portrait')}
        >
          Portrait screen (9:16)
        </button>
      </div>
      <div
        ref={frame}
        className={`pl-preview__frame pl-preview__frame--${orientation}`}
        role="group"
        aria-roledescription="slide preview"
        aria-label={`Preview in ${languageName(lang)}, ${orientation}`}
      >
        <div
          className={`pl-preview__stage pl-preview__stage--${orientation}`}
          style={{ transform: `scale(${scale})` }}
          lang={lang}
          dir={rtl ? 'rtl' : 'ltr'}
        >
          <SlideView
            // Fitting text measures its box once per key: start afresh when the shape changes.
            key={`${slide.id}-${orientation}`}
            slide={shown}
            language={{ lang, fallback: defaultLang }}
            fitKey="normal"
            onVideoEnded={ignore}
            onVideoFailed={ignore}
          />
        </div>
      </div>
    </section>
  );
}
