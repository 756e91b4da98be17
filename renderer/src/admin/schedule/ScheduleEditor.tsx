/**
 * When a playlist or slide plays: always, or only on certain dates, weekdays and times.
 */
import '../playlists.css';
import { useId } from 'react';
import { describeSchedule } from '../../../../core/schedule-view';
import type { Schedule } from '../../../../core/schema';
import { TimeWindows } from './TimeWindows';
import { TimeZoneField } from './TimeZoneField';

/** ISO weekday numbers (1 Monday … 7 Sunday) with their names. */
export const WEEKDAYS = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [7, 'Sunday'],
] as const;

interface ScheduleEditorProps {
  /** The group's name, e.g. "When this playlist plays". */
  legend: string;
  schedule: Schedule | undefined;
  /** The time zone used when the schedule names none (the kiosk's). */
  kioskTimeZone: string;
  onChange(schedule: Schedule | undefined): void;
}

/** Always, or only at certain times; every condition given must hold. */
export function ScheduleEditor({ legend, schedule, kioskTimeZone, onChange }: ScheduleEditorProps) {
  const id = useId();
  const set = <K extends keyof Schedule>(key: K, value: Schedule[K] | undefined) => {
    const next: Schedule = { ...schedule };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  // An empty list means every day to the scheduler, like no list at all.
  const weekdays = schedule?.weekdays?.length ? schedule.weekdays : undefined;
  const backwards =
    schedule?.startDate !== undefined &&
    schedule.endDate !== undefined &&
    schedule.endDate < schedule.startDate;

  return (
    <fieldset className="sc-editor">
      <legend>{legend}</legend>
      <div className="sc-editor__mode">
        <label className="pl-check">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={!schedule}
            onChange={() => onChange(undefined)}
          />
          Always
        </label>
        <label className="pl-check">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={!!schedule}
            onChange={() => onChange({ ...schedule })}
          />
          Only at certain times
        </label>
      </div>
      {schedule && (
        <div className="sc-editor__rules">
          <div className="sc-editor__row">
            <div className="admin-field">
              <label htmlFor={`${id}-start`}>Start date</label>
              <input
                id={`${id}-start`}
                type="date"
                value={schedule.startDate ?? ''}
                onChange={(event) => set('startDate', event.target.value || undefined)}
              />
            </div>
            <div className="admin-field">
              <label htmlFor={`${id}-end`}>End date</label>
              <input
                id={`${id}-end`}
                type="date"
                value={schedule.endDate ?? ''}
                onChange={(event) => set('endDate', event.target.value || undefined)}
              />
            </div>
          </div>
          {backwards && (
            <p className="sc-warning">The end date is before the start date: it never plays.</p>
          )}
          <fieldset className="sc-editor__days">
            <legend>Days</legend>
            {WEEKDAYS.map(([day, name]) => (
              <label key={day} className="pl-check">
                <input
                  type="checkbox"
                  value={day}
                  checked={weekdays === undefined || weekdays.includes(day)}
                  onChange={(event) => {
                    const current = weekdays ?? WEEKDAYS.map(([d]) => d);
                    const next = event.target.checked
                      ? [...current, day].sort((a, b) => a - b)
                      : current.filter((d) => d !== day);
                    // No day ticked would mean every day to the scheduler: keep at least one.
                    if (next.length === 0) return;
                    // Every day ticked is the same as no weekday rule.
                    set('weekdays', next.length === 7 ? undefined : next);
                  }}
                />
                {name}
              </label>
            ))}
          </fieldset>
          {weekdays?.length === 1 && <p className="admin-note">At least one day stays ticked.</p>}
          <TimeWindows
            times={schedule.times ?? []}
            onChange={(times) => set('times', times.length ? times : undefined)}
          />
          <TimeZoneField
            value={schedule.timeZone}
            kioskTimeZone={kioskTimeZone}
            onChange={(timeZone) => set('timeZone', timeZone)}
          />
        </div>
      )}
      <p className="sc-summary">
        <strong>Plays:</strong> {schedule ? describeSchedule(schedule) : 'always'}
      </p>
    </fieldset>
  );
}
