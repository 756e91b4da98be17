/**
 * A slide's settings that are the same in every language: file, duration, on/off, transition.
 */
import { useId, useState, type ComponentProps } from 'react';
import { SLIDE_DURATION_MS, type Slide, type TransitionStyle } from '#core/schema';
import { rangeIn } from '#core/units';
import { FramingFields } from './FramingFields';
import { MediaPicker, type MediaChoice } from './MediaPicker';
import { Check, Field, ProblemField } from '../ui/fields';

interface SlideOptionsProps {
  slide: Slide;
  imageChoices: readonly MediaChoice[];
  videoChoices: readonly MediaChoice[];
  onChange(slide: Slide): void;
}

/** The slide's file, how long it shows, whether it plays, and how it enters. */
export function SlideOptions({ slide, imageChoices, videoChoices, onChange }: SlideOptionsProps) {
  const transitionId = useId();
  const picker = filePicker(slide, slide.kind === 'video' ? videoChoices : imageChoices, onChange);
  return (
    <div className="pl-options">
      {picker && <MediaPicker {...picker} />}
      {slide.kind === 'web' && (
        <p className="admin-note">
          Web page: <span className="pl-options__url">{slide.web.url}</span>
        </p>
      )}
      {(slide.kind === 'image' || slide.kind === 'video') && (
        <FramingFields slide={slide} onChange={onChange} />
      )}
      <div className="pl-options__row">
        <DurationField
          key={slide.id}
          durationMs={slide.durationMs}
          onChange={(durationMs) => onChange({ ...slide, durationMs })}
        />
        <Field id={transitionId} label="Transition">
          <select
            id={transitionId}
            value={slide.transition ?? 'slide'}
            onChange={(event) =>
              onChange({ ...slide, transition: event.target.value as TransitionStyle })
            }
          >
            <option value="slide">Slide</option>
            <option value="fade">Fade</option>
          </select>
        </Field>
      </div>
      <div className="pl-checks">
        <Check
          className="pl-check"
          label="Show this slide"
          checked={slide.enabled}
          onChange={(enabled) => onChange({ ...slide, enabled })}
        />
        {slide.kind === 'video' && (
          <>
            <Check
              className="pl-check"
              label="Muted"
              checked={slide.video.muted}
              onChange={(muted) => onChange({ ...slide, video: { ...slide.video, muted } })}
            />
            <Check
              className="pl-check"
              label="Loop (otherwise the next slide follows when the video ends)"
              checked={slide.video.loop}
              onChange={(loop) => onChange({ ...slide, video: { ...slide.video, loop } })}
            />
          </>
        )}
      </div>
    </div>
  );
}

/** The file picker of a theme, picture or video slide (a web page slide has none). */
function filePicker(
  slide: Slide,
  choices: readonly MediaChoice[],
  onChange: (slide: Slide) => void,
): ComponentProps<typeof MediaPicker> | undefined {
  switch (slide.kind) {
    case 'theme':
      return {
        label: 'Picture (optional)',
        name: 'image',
        kind: 'image',
        choices,
        value: slide.image?.src,
        optional: true,
        onChange: (src) => {
          const { image: _old, ...rest } = slide;
          onChange(src ? { ...rest, image: { src, alt: slide.image?.alt ?? {} } } : rest);
        },
      };
    case 'image':
      return {
        label: 'Picture',
        name: 'image',
        kind: 'image',
        choices,
        value: slide.image.src,
        onChange: (src) => src && onChange({ ...slide, image: { ...slide.image, src } }),
      };
    case 'video':
      return {
        label: 'Video',
        name: 'video',
        kind: 'video',
        choices,
        value: slide.video.src,
        onChange: (src) => src && onChange({ ...slide, video: { ...slide.video, src } }),
      };
    default:
      return undefined;
  }
}

/** The duration's range as staff type it, from core. */
const SECONDS = rangeIn(SLIDE_DURATION_MS, 'seconds');

/**
 * Seconds on screen. What staff type is kept as typed, so an out-of-range value reaches the
 * save check and is reported there by field, rather than silently corrected; an empty field is
 * not a number (and is reported too), rather than silently keeping the old duration.
 */
function DurationField(props: { durationMs: number; onChange(durationMs: number): void }) {
  const [text, setText] = useState(() =>
    Number.isFinite(props.durationMs) ? String(props.durationMs / 1000) : '',
  );
  // Show what staff typed while it means the draft's duration (or is unfinished), else the duration.
  const typedMs = text === '' ? NaN : Math.round(Number(text) * 1000);
  const saved = Number.isFinite(props.durationMs) ? String(props.durationMs / 1000) : '';
  const shown = Object.is(typedMs, props.durationMs) ? text : saved;
  return (
    <ProblemField
      name="durationMs"
      label="Duration (seconds)"
      hint={`${SECONDS.min} to ${SECONDS.max} ${SECONDS.unit}`}
    >
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          min={SECONDS.min}
          max={SECONDS.max}
          step={1}
          value={shown}
          onChange={(event) => {
            setText(event.target.value);
            const seconds = event.target.value === '' ? NaN : Number(event.target.value);
            props.onChange(Number.isFinite(seconds) ? Math.round(seconds * 1000) : NaN);
          }}
        />
      )}
    </ProblemField>
  );
}
