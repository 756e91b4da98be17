/**
 * A schedule's daily time windows: from/to times, added and removed; none means all day.
 */
import { useId } from 'react';
import type { TimeWindow } from '../../../../core/schema';

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
          From is included, To is not. A To that is not after its From (the same time included)
          carries the window over midnight into the next day.
        </p>
      )}
      <ul className="sc-times__list">
        {times.map((window, index) => {
          const n = index + 1;
          const overnight = window.to !== '24:00' && window.to < window.from;
          return (
            <li key={index} className="sc-times__item">
              <label className="admin-field">
                <span>
                  From<span className="visually-hidden"> (time window {n})</span>
                </span>
                <input
                  type="time"
                  value={window.from}
                  required
                  onChange={(event) =>
                    event.target.value && replace(index, { ...window, from: event.target.value })
                  }
                />
              </label>
              <label className="admin-field">
                <span>
                  To<span className="visually-hidden"> (time window {n})</span>
                </span>
                <input
                  type="time"
                  aria-describedby={hintId}
                  value={window.to === '24:00' ? '00:00' : window.to}
                  required
                  onChange={(event) =>
                    event.target.value && replace(index, { ...window, to: event.target.value })
                  }
                />
              </label>
              <button
                type="button"
                className="admin-button"
                onClick={() => onChange(times.filter((_, i) => i !== index))}
              >
                Remove<span className="visually-hidden"> time window {n}</span>
              </button>
              {overnight && (
                <p className="admin-note sc-times__note">
                  Ends before it starts: runs past midnight into the next day.
                </p>
              )}
              {window.from === window.to && (
                <p className="admin-note sc-times__note">
                  Starts and ends at the same time: runs around the clock.
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
    </fieldset>
  );
}
