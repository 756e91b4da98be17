/**
 * A time zone chosen from the list of real zones, filtered as staff type (WAI-ARIA combobox).
 *
 * Typing only filters: a zone is taken when staff pick it (tap, click, Enter), or when the text
 * names one exactly; anything else goes back to the current zone when the field is left.
 */
import './schedule.css';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Field, fieldDescribedBy } from '../ui/fields';

let zones: readonly string[] | undefined;
/** Every IANA zone this browser knows. */
function allZones(): readonly string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  try {
    zones ??= intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  return zones;
}

/** How many matches the list shows at once; more typing narrows it. */
const SHOWN = 40;

/** Zones whose name holds every word typed ("bru" → Europe/Brussels; "new york" works too). */
export function filterZones(all: readonly string[], text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[\s/_]+/)
    .filter(Boolean);
  if (words.length === 0) return [...all];
  return all.filter((zone) => {
    const name = zone.toLowerCase().replaceAll('_', ' ');
    return words.every((word) => name.includes(word));
  });
}

interface TimeZonePickerProps {
  id?: string;
  label: string;
  /** The chosen zone; undefined means `fallback`. */
  value: string | undefined;
  /** The zone used when none is chosen (the kiosk's), shown preselected. */
  fallback: string;
  hint?: ReactNode;
  error?: string;
  /** Called with the zone picked. */
  onChange(timeZone: string): void;
}

/** A combobox over `Intl.supportedValuesOf('timeZone')`, usable by touch, mouse and keyboard. */
export function TimeZonePicker(props: TimeZonePickerProps) {
  const { label, value, fallback, hint, error, onChange } = props;
  const ownId = useId();
  const id = props.id ?? ownId;
  const listId = `${id}-zones`;
  const current = value ?? fallback;
  const [text, setText] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => (open ? filterZones(allZones(), text ?? '').slice(0, SHOWN) : []),
    [open, text],
  );
  const total = useMemo(
    () => (open ? filterZones(allZones(), text ?? '').length : 0),
    [open, text],
  );

  const choose = (zone: string) => {
    onChange(zone);
    setText(undefined);
    setOpen(false);
  };
  const leave = () => {
    const exact = text && allZones().find((z) => z.toLowerCase() === text.trim().toLowerCase());
    if (exact) choose(exact);
    setText(undefined);
    setOpen(false);
  };
  const move = (by: number) => {
    setOpen(true);
    setActive((index) => Math.max(0, Math.min(matches.length - 1, index + by)));
  };
  const optionId = (index: number) => `${id}-zone-${index}`;
  const shownHint =
    open && total > matches.length
      ? `${total} zones match; type more of the name (for example "bru" for Europe/Brussels).`
      : (hint ?? 'Type part of a city or region to find a zone, then pick it from the list.');

  return (
    <Field id={id} label={label} hint={shownHint} error={error} className="tz-picker">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, shownHint, error)}
        autoComplete="off"
        spellCheck={false}
        value={text ?? current}
        onFocus={(event) => event.target.select()}
        onClick={() => setOpen(true)}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={leave}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') move(1);
          else if (event.key === 'ArrowUp') move(-1);
          else if (event.key === 'Enter' && open && matches[active]) choose(matches[active]);
          else if (event.key === 'Escape' && open) {
            setText(undefined);
            setOpen(false);
          } else return;
          event.preventDefault();
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching zones"
        className="tz-picker__list"
        hidden={!open}
        // Keep focus in the field while a finger or the mouse picks an option.
        onPointerDown={(event) => event.preventDefault()}
        onMouseDown={(event) => event.preventDefault()}
      >
        {matches.map((zone, index) => (
          <li
            key={zone}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="tz-picker__option"
            onClick={() => choose(zone)}
          >
            {zone}
            {zone === fallback && <span className="admin-note"> (the kiosk&rsquo;s)</span>}
          </li>
        ))}
      </ul>
      {open && matches.length === 0 && (
        <p className="tz-picker__empty" role="status">
          No time zone matches &ldquo;{text}&rdquo;.
        </p>
      )}
    </Field>
  );
}
