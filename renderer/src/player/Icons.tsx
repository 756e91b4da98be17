/**
 * The player's icons: simple strokes, drawn in the text colour, hidden from assistive technology.
 */
import type { ReactElement } from 'react';

function Icon({ children }: { children: ReactElement | ReactElement[] }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

/** A chevron pointing left. */
export const ChevronLeft = () => (
  <Icon>
    <path d="M15 5l-7 7 7 7" />
  </Icon>
);

/** A chevron pointing right. */
export const ChevronRight = () => (
  <Icon>
    <path d="M9 5l7 7-7 7" />
  </Icon>
);

/** Pause: two bars. */
export const Pause = () => (
  <Icon>
    <path d="M9 5v14M15 5v14" />
  </Icon>
);

/** Play: a triangle. */
export const Play = () => (
  <Icon>
    <path d="M7 4.5v15l12-7.5z" />
  </Icon>
);

/** Accessibility: a figure with open arms in a circle. */
export const AccessibilityIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="10" />
    <circle cx="12" cy="7.2" r="1.3" />
    <path d="M7 10l5 1.2 5-1.2M12 11.2v3.3M12 14.5l-2.6 4M12 14.5l2.6 4" />
  </Icon>
);

/** A hand touching, for the attract hint. */
export const TouchIcon = () => (
  <Icon>
    <path d="M9 11V5.5a1.5 1.5 0 013 0V10m0-1a1.5 1.5 0 013 0v1.5m0-.5a1.5 1.5 0 013 0V15a6 6 0 01-6 6h-.8a6 6 0 01-4.6-2.2L4.3 15.8a1.5 1.5 0 012.3-1.9L9 16" />
  </Icon>
);
