/**
 * The language buttons: one per enabled language, each named in its own language.
 */
import './controls.css';
import { langAttributes, languageName } from '#core/i18n';

interface LanguageSwitcherProps {
  languages: readonly string[];
  current: string;
  label: string;
  onChoose(lang: string): void;
}

/** A group named "Language" of toggle buttons. */
export function LanguageSwitcher({ languages, current, label, onChoose }: LanguageSwitcherProps) {
  if (languages.length < 2) return null;
  return (
    <div className="languages" role="group" aria-label={label}>
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          className="pill"
          {...langAttributes(lang)}
          aria-pressed={lang === current}
          onClick={() => onChoose(lang)}
        >
          {languageName(lang)}
        </button>
      ))}
    </div>
  );
}
