/**
 * A schedule's daily time windows: from/to times, added and removed; none means all day.
 */
import { useId } from 'react';
import { DAYLIGHT_SAVING_NOTE, windowNote } from '#core/schedule-warnings';
import type { TimeWindow } from '#core/schema';
import { Field } from '../ui/fields';

interface TimeWindowsProps {
  times: readonly TimeWindow[];
  onChange(times: TimeWindow[]): void;
}

/** The list of windows; one whose end is not after its start runs past midnight. */
export function TimeWindows({ times, onChange }: TimeWindowsProps) {
  const replace = (index: number, window: TimeWindow) =>
    onChange(times.map((w, i) => (i === index ? window : w)));
  const hintId = useId();
  return (
    <fieldset className="sc-times">
      <legend>Times of day</legend>
      {times.length === 0 && <p className="admin-note">All day.</p>}
      {times.length > 0 && (
        <p className="admin-note" id={hintId}>
          From is included, To is not. A To before its From carries the window over midnight into
          the next day; the same time in both means all day.
        </p>
      )}
      <ul className="sc-times__list">
        {times.map((window, index) => {
          const n = index + 1;
          const note = windowNote(window);
          const noteId = `${hintId}-note-${n}`;
          return (
            <li key={index} className="sc-times__item">
              <TimeInput
                label="From"
                n={n}
                value={window.from}
                onChange={(from) => replace(index, { ...window, from })}
              />
              <TimeInput
                label="To"
                n={n}
                describedBy={note ? `${hintId} ${noteId}` : hintId}
                value={window.to === '24:00' ? '00:00' : window.to}
                onChange={(to) => replace(index, { ...window, to })}
              />
              <button
                type="button"
                className="admin-button"
                onClick={() => onChange(times.filter((_, i) => i !== index))}
              >
                Remove<span className="visually-hidden"> time window {n}</span>
              </button>
              {note && (
                <p className="admin-note sc-times__note" id={noteId}>
                  {note}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="admin-button"
        disabled={times.length >= 24}
        onClick={() => onChange([...times, { from: '09:00', to: '17:00' }])}
      >
        Add time window
      </button>
      {times.length > 0 && (
        <details className="sc-dst">
          <summary>When the clocks change (daylight saving)</summary>
          <p>{DAYLIGHT_SAVING_NOTE}</p>
        </details>
      )}
    </fieldset>
  );
}

/** One time of window `n`, named "From (time window 2)" for screen readers. */
function TimeInput(props: {
  label: string;
  n: number;
  value: string;
  describedBy?: string;
  onChange(time: string): void;
}) {
  const id = useId();
  return (
    <Field
      id={id}
      label={
        <>
          {props.label}
          <span className="visually-hidden"> (time window {props.n})</span>
        </>
      }
    >
      <input
        id={id}
        type="time"
        aria-describedby={props.describedBy}
        value={props.value}
        required
        onChange={(event) => event.target.value && props.onChange(event.target.value)}
      />
    </Field>
  );
}
