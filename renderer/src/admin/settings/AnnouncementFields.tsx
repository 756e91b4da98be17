/**
 * One announcement of the band: its text in every enabled language and when it shows.
 */
import { useId } from 'react';
import { languageName } from '#core/i18n';
import { MAX_ANNOUNCEMENT_LENGTH, type Announcement } from '#core/schema';
import { ScheduleEditor } from '../schedule/ScheduleEditor';
import { Field, fieldDescribedBy } from '../ui/fields';

interface AnnouncementFieldsProps {
  /** 1-based, for names: "Announcement 2". */
  number: number;
  announcement: Announcement;
  languages: readonly string[];
  kioskTimeZone: string;
  /** Messages by language, from the last check. */
  errors: Readonly<Record<string, string>>;
  onChange(announcement: Announcement): void;
  onRemove(): void;
}

/** A fieldset named "Announcement N". */
export function AnnouncementFields(props: AnnouncementFieldsProps) {
  const { number, announcement, languages, errors, onChange } = props;
  const base = useId();
  return (
    <fieldset className="band-card__announcement">
      <legend>Announcement {number}</legend>
      {languages.map((lang) => {
        const id = `${base}-${lang}`;
        const error = errors[lang];
        return (
          <Field
            key={lang}
            id={id}
            label={
              <>
                <span className="visually-hidden">Announcement {number} </span>
                Text ({languageName(lang)})
              </>
            }
            error={error}
          >
            <input
              id={id}
              type="text"
              lang={lang}
              value={announcement.text[lang] ?? ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={fieldDescribedBy(id, undefined, error) ?? `${base}-hint`}
              onChange={(event) =>
                onChange({
                  ...announcement,
                  text: { ...announcement.text, [lang]: event.target.value },
                })
              }
            />
          </Field>
        );
      })}
      <p className="admin-note" id={`${base}-hint`}>
        At most {MAX_ANNOUNCEMENT_LENGTH} characters in each language; an empty language shows the
        default language&rsquo;s text.
      </p>
      <ScheduleEditor
        legend={`When announcement ${number} shows`}
        schedule={announcement.schedule}
        kioskTimeZone={props.kioskTimeZone}
        onChange={(schedule) => {
          const { schedule: _old, ...rest } = announcement;
          onChange(schedule ? { ...rest, schedule } : rest);
        }}
      />
      <button type="button" className="admin-button admin-button--danger" onClick={props.onRemove}>
        Remove announcement {number}
      </button>
    </fieldset>
  );
}
