/**
 * Enabled languages: a checkbox for each, and a field to add any language by its BCP 47 tag.
 */
import { useId, useState } from 'react';
import { languageName } from '#core/i18n';
import { checkLanguageCode, type SettingsDraft } from './settings-draft';
import { Check, Field, fieldDescribedBy } from '../ui/fields';

interface LanguagesFieldProps {
  languages: SettingsDraft['languages'];
  onChange(languages: SettingsDraft['languages']): void;
  /** Why the saved value was refused, if it was. */
  error?: string;
}

/** A language's own name: ours for the languages we know, else the browser's, else its tag. */
export function ownName(code: string): string {
  const known = languageName(code);
  if (known !== code) return known;
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language's name as staff read it: its own name, and its tag. */
export function LanguageLabel({ code }: { code: string }) {
  const name = ownName(code);
  return (
    <>
      <span lang={code}>{name}</span>
      {name !== code && <span className="admin-note"> ({code})</span>}
    </>
  );
}

/** The enabled-languages fieldset. */
export function LanguagesField({ languages, onChange, error }: LanguagesFieldProps) {
  const [typed, setTyped] = useState('');
  const [addError, setAddError] = useState<string | undefined>();
  const inputId = useId();
  const errorId = useId();
  const preview = typed.trim() ? checkLanguageCode(typed) : undefined;

  const add = () => {
    const checked = checkLanguageCode(typed);
    if (!checked.ok) {
      setAddError(checked.message);
      return;
    }
    setAddError(undefined);
    setTyped('');
    const known = languages.some((l) => l.code === checked.code);
    onChange(
      known
        ? languages.map((l) => (l.code === checked.code ? { ...l, enabled: true } : l))
        : [...languages, { code: checked.code, enabled: true }],
    );
  };

  return (
    <fieldset className="admin-fieldset" aria-describedby={error ? errorId : undefined}>
      <legend>Enabled languages</legend>
      {error && (
        <p id={errorId} className="admin-field__error">
          {error}
        </p>
      )}
      <ul className="admin-checks">
        {languages.map(({ code, enabled }) => (
          <li key={code}>
            <Check
              label={<LanguageLabel code={code} />}
              checked={enabled}
              onChange={(checked) =>
                onChange(languages.map((l) => (l.code === code ? { ...l, enabled: checked } : l)))
              }
            />
          </li>
        ))}
      </ul>
      <Field
        id={inputId}
        label="Add language"
        hint={
          <>
            A BCP 47 tag such as &ldquo;ar&rdquo; or &ldquo;es&rdquo;.
            {preview?.ok && (
              <>
                {' '}
                Adds <LanguageLabel code={preview.code} />.
              </>
            )}
          </>
        }
        error={addError}
        errorRole="alert"
      >
        <div className="admin-inline">
          <input
            id={inputId}
            type="text"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={fieldDescribedBy(inputId, true, addError)}
            aria-invalid={addError ? true : undefined}
            onChange={(event) => {
              setTyped(event.target.value);
              setAddError(undefined);
            }}
            onKeyDown={(event) => {
              // Enter adds the language rather than submitting the whole form.
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="admin-button" onClick={add}>
            Add
          </button>
        </div>
      </Field>
    </fieldset>
  );
}
