/**
 * Settings card for the announcement band and clock: on or off, where, how it moves, and the
 * announcements in every language with their schedules. Checked with core's rules before saving.
 */
import { useId, useState, type FormEvent } from 'react';
import { problemsFromZod, type Problem } from '#core/problems';
import { Settings, type Announcement, type BandSettings } from '#core/schema';
import { AnnouncementFields } from './AnnouncementFields';
import { CheckField, SelectField } from '../ui/fields';
import { Alert, NOTHING_LOST } from '../ui/ErrorAlert';

interface BandCardProps {
  saved: Settings;
  kioskTimeZone: string;
  saving: boolean;
  /** Save checked settings (the section says when they are saved). */
  onSave(settings: Settings): Promise<boolean>;
}

/** Where a problem's path points inside the band: `[announcement, language]`. */
function textErrorOf(problem: Problem): [number, string] | undefined {
  const match = /\.band\.announcements\[(\d+)\]\.text\.([A-Za-z-]+)$/.exec(problem.path);
  return match ? [Number(match[1]), match[2]!] : undefined;
}

/** The "Announcement band" card, saved with its own button. */
export function BandCard({ saved, kioskTimeZone, saving, onSave }: BandCardProps) {
  const [band, setBand] = useState<BandSettings>(saved.band);
  const [problems, setProblems] = useState<Problem[]>([]);
  const id = useId();
  const set = (next: Partial<BandSettings>) => setBand((current) => ({ ...current, ...next }));
  const setAnnouncement = (index: number, announcement: Announcement | undefined) =>
    set({
      announcements: band.announcements.flatMap((a, i) =>
        i !== index ? [a] : announcement ? [announcement] : [],
      ),
    });

  const errors: Record<string, string>[] = band.announcements.map(() => ({}));
  for (const problem of problems) {
    const at = textErrorOf(problem);
    if (at && errors[at[0]] && !errors[at[0]]![at[1]]) errors[at[0]]![at[1]] = problem.message;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Languages left empty are left out, so the default language's text stands in.
    const cleaned: BandSettings = {
      ...band,
      announcements: band.announcements.map((a) => ({
        ...a,
        text: Object.fromEntries(Object.entries(a.text).filter(([, text]) => text.trim() !== '')),
      })),
    };
    const parsed = Settings.safeParse({ ...saved, band: cleaned });
    if (!parsed.success) {
      setProblems(problemsFromZod('settings', parsed.error));
      return;
    }
    setProblems([]);
    await onSave(parsed.data);
  };

  return (
    <form className="admin-card band-card" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>Announcement band</h3>
      <CheckField
        id={`${id}-enabled`}
        label="Show the announcement band"
        hint="A band across the player; slide text and controls make room for it."
        checked={band.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      <CheckField
        id={`${id}-clock`}
        label="Show the clock and date"
        hint="In the visitor's language and the kiosk's time zone."
        checked={band.clock}
        onChange={(clock) => set({ clock })}
      />
      <SelectField
        id={`${id}-position`}
        label="Band position"
        value={band.position}
        options={[
          { value: 'top', label: 'Top of the screen' },
          { value: 'bottom', label: 'Bottom of the screen' },
        ]}
        onChange={(position) => set({ position: position as BandSettings['position'] })}
      />
      <SelectField
        id={`${id}-motion`}
        label="Movement"
        hint="Under reduced motion they never move."
        value={band.motion}
        options={[
          { value: 'rotate', label: 'One at a time' },
          { value: 'scroll', label: 'Scrolling gently' },
        ]}
        onChange={(motion) => set({ motion: motion as BandSettings['motion'] })}
      />
      {band.announcements.map((announcement, index) => (
        <AnnouncementFields
          key={index}
          number={index + 1}
          announcement={announcement}
          languages={saved.enabledLanguages}
          kioskTimeZone={kioskTimeZone}
          errors={errors[index] ?? {}}
          onChange={(next) => setAnnouncement(index, next)}
          onRemove={() => setAnnouncement(index, undefined)}
        />
      ))}
      <button
        type="button"
        className="admin-button"
        onClick={() => set({ announcements: [...band.announcements, { text: {} }] })}
      >
        Add announcement
      </button>
      {problems.length > 0 && (
        <Alert
          message="Not saved."
          items={problems.map((problem) => (
            <>
              <code>{problem.path}</code>: {problem.message}
            </>
          ))}
          note={NOTHING_LOST}
        />
      )}
      <button type="submit" className="admin-button admin-button--primary" disabled={saving}>
        Save announcements
      </button>
    </form>
  );
}
