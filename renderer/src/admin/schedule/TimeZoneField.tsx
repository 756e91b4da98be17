/**
 * A schedule's time zone: an IANA name, or empty for the kiosk's own.
 */
import { useId, useState } from 'react';
import { isValidTimeZone } from '../../../../core/schedule';

let zones: string[] | undefined;
function timeZones(): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
}

interface TimeZoneFieldProps {
  value: string | undefined;
  kioskTimeZone: string;
  onChange(timeZone: string | undefined): void;
}

/** A text field with suggestions; an unknown name is pointed out and not applied. */
export function TimeZoneField({ value, kioskTimeZone, onChange }: TimeZoneFieldProps) {
  const id = useId();
  // What staff typed, kept while it is not (yet) a time zone.
  const [text, setText] = useState(value ?? '');
  const invalid = text.trim() !== '' && !isValidTimeZone(text.trim());
  // A usable name was applied, so the schedule's value is the truth (it may have been discarded).
  const shown = invalid ? text : (value ?? '');
  return (
    <div className="admin-field">
      <label htmlFor={id}>Time zone</label>
      <input
        id={id}
        type="text"
        list={`${id}-zones`}
        value={shown}
        placeholder={kioskTimeZone}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          if (typed.trim() === '') onChange(undefined);
          else if (isValidTimeZone(typed.trim())) onChange(typed.trim());
        }}
      />
      <datalist id={`${id}-zones`}>
        {timeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <span className="admin-note" id={`${id}-hint`}>
        {invalid
          ? `"${text.trim()}" is not a known time zone (for example Europe/Brussels); it is not used.`
          : `Leave empty to use the kiosk's time zone (${kioskTimeZone}).`}
      </span>
    </div>
  );
}
