/**
 * Visitor accessibility options: larger text, high contrast, and controls within reach.
 */
import './accessibility.css';
import { useId, useState } from 'react';
import { langAttributes } from '#core/i18n';
import type { UiStrings } from '../i18n/strings';
import { AccessibilityIcon } from './Icons';

/** What a visitor chose; everything is reset when the session resets. */
export interface AccessibilityPrefs {
  largeText: boolean;
  highContrast: boolean;
  lowReach: boolean;
}

/** Nothing chosen. */
export const DEFAULT_PREFS: AccessibilityPrefs = {
  largeText: false,
  highContrast: false,
  lowReach: false,
};

interface AccessibilityMenuProps {
  prefs: AccessibilityPrefs;
  strings: UiStrings;
  onChange(prefs: AccessibilityPrefs): void;
}

/** A disclosure button that shows three toggle buttons. */
export function AccessibilityMenu({ prefs, strings, onChange }: AccessibilityMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggles: [keyof AccessibilityPrefs, string][] = [
    ['largeText', strings.largerText],
    ['highContrast', strings.highContrast],
    ['lowReach', strings.lowReach],
  ];
  return (
    <div className="a11y">
      <button
        type="button"
        className="pill pill--icon"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        <AccessibilityIcon />
        <span {...langAttributes(strings.lang)}>{strings.accessibility}</span>
      </button>
      {open && (
        <div className="a11y__panel" id={panelId}>
          {toggles.map(([key, label]) => (
            <button
              key={key}
              type="button"
              className="pill"
              {...langAttributes(strings.lang)}
              aria-pressed={prefs[key]}
              onClick={() => onChange({ ...prefs, [key]: !prefs[key] })}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
