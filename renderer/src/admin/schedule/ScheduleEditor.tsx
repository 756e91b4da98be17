/**
 * When a playlist or slide plays: always, or only on certain dates, weekdays and times.
 */
import './schedule.css';
import { useId } from 'react';
import { describeSchedule } from '#core/schedule-view';
import { scheduleProblems } from '#core/schedule-warnings';
import type { Schedule } from '#core/schema';
import { adminLocale } from '../locale';
import { DateField } from './DateField';
import { TimeWindows } from './TimeWindows';
import { TimeZonePicker } from './TimeZonePicker';
import { Check } from '../ui/fields';

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
  /** What staff should know about this schedule among the others (overlaps, the default's). */
  warnings?: readonly string[];
  onChange(schedule: Schedule | undefined): void;
}

/** Always, or only at certain times; every condition given must hold. */
export function ScheduleEditor(props: ScheduleEditorProps) {
  const { legend, schedule, kioskTimeZone, warnings = [], onChange } = props;
  const id = useId();
  const set = <K extends keyof Schedule>(key: K, value: Schedule[K] | undefined) => {
    const next: Schedule = { ...schedule };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  // An empty list means every day to the scheduler, like no list at all.
  const weekdays = schedule?.weekdays?.length ? schedule.weekdays : undefined;
  const problems = scheduleProblems(schedule);
  const problemAt = (field: 'startDate' | 'endDate') =>
    problems.find((p) => p.field === field)?.message;

  return (
    <fieldset className="sc-editor">
      <legend>{legend}</legend>
      <div className="sc-editor__mode">
        <Check
          className="pl-check"
          type="radio"
          name={`${id}-mode`}
          label="Always"
          checked={!schedule}
          onChange={() => onChange(undefined)}
        />
        <Check
          className="pl-check"
          type="radio"
          name={`${id}-mode`}
          label="Only at certain times"
          checked={!!schedule}
          onChange={() => onChange({ ...schedule })}
        />
      </div>
      {schedule && (
        <div className="sc-editor__rules">
          <div className="sc-editor__row">
            <DateField
              id={`${id}-start`}
              label="Start date"
              value={schedule.startDate}
              error={problemAt('startDate')}
              onChange={(date) => set('startDate', date)}
            />
            <DateField
              id={`${id}-end`}
              label="End date"
              value={schedule.endDate}
              error={problemAt('endDate')}
              onChange={(date) => set('endDate', date)}
            />
          </div>
          <fieldset className="sc-editor__days">
            <legend>Days</legend>
            {WEEKDAYS.map(([day, name]) => (
              <Check
                key={day}
                className="pl-check"
                label={name}
                checked={weekdays === undefined || weekdays.includes(day)}
                onChange={(checked) => {
                  const current = weekdays ?? WEEKDAYS.map(([d]) => d);
                  const next = checked
                    ? [...current, day].sort((a, b) => a - b)
                    : current.filter((d) => d !== day);
                  // No day ticked would mean every day to the scheduler: keep at least one.
                  if (next.length === 0) return;
                  // Every day ticked is the same as no weekday rule.
                  set('weekdays', next.length === 7 ? undefined : next);
                }}
              />
            ))}
          </fieldset>
          {weekdays?.length === 1 && <p className="admin-note">At least one day stays ticked.</p>}
          <TimeWindows
            times={schedule.times ?? []}
            onChange={(times) => set('times', times.length ? times : undefined)}
          />
          <TimeZonePicker
            label="Time zone"
            value={schedule.timeZone}
            fallback={kioskTimeZone}
            hint={`Type part of a city to find its zone, then pick it. The kiosk's own is ${kioskTimeZone}.`}
            onChange={(timeZone) => set('timeZone', timeZone)}
          />
        </div>
      )}
      <p className="sc-summary">
        <strong>Plays:</strong> {schedule ? describeSchedule(schedule, adminLocale()) : 'always'}
      </p>
      {warnings.length > 0 && (
        <ul className="sc-problems" aria-label="Schedule warnings">
          {warnings.map((warning) => (
            <li key={warning} className="sc-warning">
              {warning}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
