/**
 * How a full-screen picture or video meets a screen of another shape: fill or fit, the backdrop
 * behind a whole picture, and the focal point kept in view when it fills (tap the picture or use
 * the two sliders). The slide preview beside the form shows the result in landscape and portrait.
 */
import { useId, type MouseEvent } from 'react';
import {
  FIT_ASPECT_THRESHOLD,
  FOCUS_MAX,
  FOCUS_MIN,
  framingOf,
  type Backdrop,
  type FitMode,
} from '#core/framing';
import { mediaUrl } from '#core/media';
import type { Framing, ImageSlide, VideoSlide } from '#core/schema';
import './framing-fields.css';
import { Field } from '../ui/fields';

const FIT_LABELS: Record<FitMode, string> = {
  auto: 'Automatic',
  fill: 'Fill the screen (crops the edges)',
  fit: 'Whole picture',
};

const FIT_NOTES: Record<FitMode, string> = {
  auto: `Fills the screen, unless the picture's shape and the screen's differ more than ${FIT_ASPECT_THRESHOLD}×; then the whole picture shows.`,
  fill: 'Keeps the focal point in view.',
  fit: 'With a backdrop around it.',
};

interface FramingFieldsProps {
  slide: ImageSlide | VideoSlide;
  onChange(slide: ImageSlide | VideoSlide): void;
}

/** The "On screens of another shape" fieldset of a picture or video slide. */
export function FramingFields({ slide, onChange }: FramingFieldsProps) {
  const id = useId();
  const framing = framingOf(slide.framing);
  const set = (patch: Partial<Framing>) =>
    onChange({ ...slide, framing: { ...framing, ...patch } });
  const clamp = (value: number) =>
    Math.min(FOCUS_MAX, Math.max(FOCUS_MIN, Math.round(Number.isFinite(value) ? value : 50)));
  return (
    <fieldset className="pl-framing">
      <legend>On screens of another shape</legend>
      <fieldset className="pl-framing__fit">
        <legend>Fit</legend>
        {(Object.keys(FIT_LABELS) as FitMode[]).map((mode) => (
          <div className="pl-check pl-framing__choice" key={mode}>
            <input
              id={`${id}-${mode}`}
              type="radio"
              name={`${id}-fit`}
              checked={framing.fit === mode}
              aria-describedby={`${id}-${mode}-note`}
              onChange={() => set({ fit: mode })}
            />
            <label htmlFor={`${id}-${mode}`}>{FIT_LABELS[mode]}</label>
            <span className="admin-note" id={`${id}-${mode}-note`}>
              {FIT_NOTES[mode]}
            </span>
          </div>
        ))}
      </fieldset>
      {framing.fit !== 'fill' && (
        <Field id={`${id}-backdrop`} label="Behind a whole picture">
          <select
            id={`${id}-backdrop`}
            value={framing.backdrop}
            onChange={(event) => set({ backdrop: event.target.value as Backdrop })}
          >
            <option value="blur">Blurred copy of the picture</option>
            <option value="plain">Plain background</option>
          </select>
        </Field>
      )}
      {framing.fit !== 'fit' && (
        <FocalPoint
          slide={slide}
          framing={framing}
          onChange={(focusX, focusY) => set({ focusX: clamp(focusX), focusY: clamp(focusY) })}
        />
      )}
    </fieldset>
  );
}

function FocalPoint(props: {
  slide: ImageSlide | VideoSlide;
  framing: Framing;
  onChange(focusX: number, focusY: number): void;
}) {
  const { slide, framing, onChange } = props;
  const id = useId();
  // A video without a poster shows its first frame.
  const picture = slide.kind === 'image' ? slide.image.src : slide.video.poster;
  // Where a tap lands on the picture, in percent of its width and height.
  const tap = (event: MouseEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    onChange(
      ((event.clientX - box.left) / box.width) * 100,
      ((event.clientY - box.top) / box.height) * 100,
    );
  };
  const slider = (axis: 'focusX' | 'focusY', label: string) => (
    <Field id={`${id}-${axis}`} label={label} className="pl-framing__slider">
      <input
        id={`${id}-${axis}`}
        type="range"
        min={FOCUS_MIN}
        max={FOCUS_MAX}
        step={1}
        value={framing[axis]}
        aria-valuetext={`${framing[axis]}%`}
        onChange={(event) =>
          axis === 'focusX'
            ? onChange(Number(event.target.value), framing.focusY)
            : onChange(framing.focusX, Number(event.target.value))
        }
      />
      <output htmlFor={`${id}-${axis}`}>{framing[axis]}%</output>
    </Field>
  );
  return (
    <div className="pl-framing__focus" role="group" aria-labelledby={`${id}-title`}>
      <span id={`${id}-title`} className="pl-framing__title">
        Focal point, kept in view when the picture fills the screen
      </span>
      <p className="admin-note">Tap the picture where it matters, or use the sliders.</p>
      {/* Pointer convenience only: the sliders below set the same point by keyboard. */}
      <div className="pl-framing__picture" onClick={tap}>
        {picture ? (
          <img src={mediaUrl(picture)} alt="" draggable={false} />
        ) : (
          slide.kind === 'video' && (
            <video src={mediaUrl(slide.video.src)} muted preload="metadata" />
          )
        )}
        <span
          className="pl-framing__mark"
          aria-hidden="true"
          style={{ left: `${framing.focusX}%`, top: `${framing.focusY}%` }}
        />
      </div>
      {slider('focusX', 'Focal point across (%)')}
      {slider('focusY', 'Focal point down (%)')}
    </div>
  );
}
