/**
 * The slide picker: one tab per slide, the current one showing how long until the next.
 */
import './controls.css';
import { useEffect, useRef } from 'react';
import { pickText } from '#core/i18n';
import type { Slide } from '#core/schema';
import type { UiStrings } from '../i18n/strings';
import type { SlideLanguage } from './SlideView';

interface SlideTabsProps {
  slides: readonly Slide[];
  index: number;
  rotating: boolean;
  language: SlideLanguage;
  strings: UiStrings;
  onSelect(index: number): void;
}

/** A `tablist` named "Slides"; the selected tab fills up while the slide plays. */
export function SlideTabs({
  slides,
  index,
  rotating,
  language,
  strings,
  onSelect,
}: SlideTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  // When a tab had focus, focus follows the selection (the roving tabindex pattern).
  useEffect(() => {
    const element = list.current;
    if (!element || !element.contains(document.activeElement)) return;
    element.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }, [index]);

  return (
    <div
      className="tabs"
      role="tablist"
      aria-label={strings.slides}
      ref={list}
      onKeyDown={(event) => {
        if (event.key === 'Home') onSelect(0);
        else if (event.key === 'End') onSelect(slides.length - 1);
        else return;
        event.preventDefault();
      }}
    >
      {slides.map((slide, i) => {
        const selected = i === index;
        const title = pickText(slide.title, language.lang, language.fallback);
        return (
          <button
            key={slide.id}
            type="button"
            role="tab"
            className="tab"
            id={`tab-${slide.id}`}
            aria-selected={selected}
            aria-controls={selected ? `slide-${slide.id}` : undefined}
            aria-label={title.text}
            lang={title.lang}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(i)}
          >
            <span className="tab__track" aria-hidden="true">
              {selected && rotating && (
                <span
                  key={`${slide.id}-${slide.durationMs}`}
                  className="tab__progress"
                  style={{ animationDuration: `${slide.durationMs}ms` }}
                />
              )}
              {selected && !rotating && <span className="tab__progress tab__progress--full" />}
            </span>
          </button>
        );
      })}
    </div>
  );
}
