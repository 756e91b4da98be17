/**
 * A playlist's slides in order: select one to edit, reorder by drag or with Move up / Move down.
 */
import { useState } from 'react';
import { SLIDE_DURATION_MS, type Slide } from '#core/schema';
import { inRange } from '#core/units';
import { untranslatedCount } from './content-edit';
import { slideLabel } from './slide-label';
import { useDragReorder } from './useDragReorder';

interface SlideListProps {
  slides: readonly Slide[];
  selectedId: string | undefined;
  languages: readonly string[];
  defaultLang: string;
  onSelect(id: string): void;
  /** Put the slide with this id at index `to`. */
  onMove(id: string, to: number): void;
}

/** The slide list; moves are announced in a live region ("… is now 2 of 5"). */
export function SlideList(props: SlideListProps) {
  const { slides, selectedId, languages, defaultLang, onSelect, onMove } = props;
  const [announcement, setAnnouncement] = useState('');
  const ids = slides.map((slide) => slide.id);
  const announce = (id: string, index: number) => {
    const slide = slides.find((s) => s.id === id);
    if (!slide) return;
    setAnnouncement(`${slideLabel(slide, defaultLang)} is now ${index + 1} of ${slides.length}.`);
  };
  const drag = useDragReorder(ids, onMove, announce);

  const moveBy = (index: number, delta: number) => {
    const to = index + delta;
    const slide = slides[index];
    if (!slide || to < 0 || to >= slides.length) return;
    onMove(slide.id, to);
    announce(slide.id, to);
  };

  return (
    <div className="pl-slides">
      <ol className="pl-slides__items">
        {slides.map((slide, index) => {
          const label = slideLabel(slide, defaultLang);
          const missing = untranslatedCount(slide, languages, defaultLang);
          const selected = slide.id === selectedId;
          const first = index === 0;
          const last = index === slides.length - 1;
          return (
            <li
              key={slide.id}
              ref={drag.itemRef(slide.id)}
              className={[
                'pl-slide',
                selected && 'is-selected',
                drag.draggingId === slide.id && 'is-dragging',
                !slide.enabled && 'is-off',
              ]
                .filter(Boolean)
                .join(' ')}
            >
              <span className="pl-slide__handle" aria-hidden="true" {...drag.handleProps(slide.id)}>
                <GripIcon />
              </span>
              <button
                type="button"
                className="pl-slide__select"
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(slide.id)}
              >
                <span className="pl-slide__title">
                  {index + 1}. {label}
                </span>
                <span className="pl-slide__facts">
                  <span>{KIND_NAMES[slide.kind]}</span>
                  {inRange(slide.durationMs, SLIDE_DURATION_MS) ? (
                    <span>{Math.round(slide.durationMs / 1000)} s</span>
                  ) : (
                    // An unsaved value that cannot be saved is never shown as if it were real.
                    <span className="pl-badge pl-badge--invalid">Duration not valid</span>
                  )}
                  {!slide.enabled && <span className="pl-badge pl-badge--off">Off</span>}
                  {slide.schedule && (
                    <span className="pl-badge pl-badge--scheduled">Scheduled</span>
                  )}
                  {missing > 0 && (
                    <span className="pl-badge pl-badge--untranslated">{missing} untranslated</span>
                  )}
                </span>
              </button>
              <span className="pl-slide__moves">
                <button
                  type="button"
                  className="admin-button pl-icon-button"
                  aria-label={`Move ${label} up`}
                  aria-disabled={first || undefined}
                  onClick={() => moveBy(index, -1)}
                >
                  <ArrowIcon up />
                </button>
                <button
                  type="button"
                  className="admin-button pl-icon-button"
                  aria-label={`Move ${label} down`}
                  aria-disabled={last || undefined}
                  onClick={() => moveBy(index, 1)}
                >
                  <ArrowIcon up={false} />
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** How each kind of slide is called in the admin. */
export const KIND_NAMES: Record<Slide['kind'], string> = {
  theme: 'Text',
  image: 'Picture',
  video: 'Video',
  web: 'Web page',
};

function GripIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" focusable="false">
      {[6, 12, 18].flatMap((y) =>
        [9, 15].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.8" fill="currentColor" />),
      )}
    </svg>
  );
}

function ArrowIcon({ up }: { up: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        d={up ? 'M12 5l-7 7h4.5v7h5v-7H19z' : 'M12 19l7-7h-4.5V5h-5v7H5z'}
        fill="currentColor"
      />
    </svg>
  );
}
