/**
 * A checkbox or radio button inside its own label, without a field's frame: one of a list of
 * choices (languages, days), or a lone option beside other controls.
 */
import type { ReactNode } from 'react';

/** A checkbox (or radio button) with its label beside it; the label names it. */
export function Check(props: {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Needed only when something else points at the control. */
  id?: string;
  type?: 'checkbox' | 'radio';
  /** The radio group's name. */
  name?: string;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  /** `admin-check` (settings, media) or `pl-check` (playlists and schedules). */
  className?: 'admin-check' | 'pl-check';
}) {
  return (
    <label className={props.className ?? 'admin-check'} htmlFor={props.id}>
      <input
        id={props.id}
        type={props.type ?? 'checkbox'}
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      {props.label}
    </label>
  );
}
