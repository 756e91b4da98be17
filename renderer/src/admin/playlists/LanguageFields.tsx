/**
 * A slide's texts in one language, each field marked "Not translated" when it is missing here
 * but written in the default language.
 */
import { useId } from 'react';
import { languageName, textDirection } from '#core/i18n';
import type { LocalizedText, MediaRef, Slide } from '#core/schema';
import { isUntranslated, setText } from './content-edit';
import { MediaPicker, type MediaChoice } from './MediaPicker';
import { ProblemField } from '../ui/fields';

interface LanguageFieldsProps {
  slide: Slide;
  lang: string;
  defaultLang: string;
  captionChoices: readonly MediaChoice[];
  onChange(slide: Slide): void;
}

/** One fieldset per language, named by the language's own name. */
export function LanguageFields({
  slide,
  lang,
  defaultLang,
  captionChoices,
  onChange,
}: LanguageFieldsProps) {
  const name = languageName(lang);
  const field = (
    fieldName: string,
    label: string,
    text: LocalizedText | undefined,
    set: (text: LocalizedText) => Slide,
    multiline = false,
  ) => (
    <TextField
      name={`${fieldName}.${lang}`}
      label={label}
      language={name}
      lang={lang}
      value={text?.[lang] ?? ''}
      multiline={multiline}
      untranslated={isUntranslated(text, lang, defaultLang)}
      onChange={(value) => onChange(set(setText(text, lang, value)))}
    />
  );
  return (
    <fieldset className="pl-lang" lang="en">
      <legend>
        {name} <span className="pl-lang__code">({lang})</span>
        {lang === defaultLang && <span className="pl-badge">Default language</span>}
      </legend>
      {field('title', 'Title', slide.title, (title) => ({ ...slide, title }))}
      {slide.kind === 'theme' && (
        <>
          {field('lead', 'Lead', slide.lead, (lead) => ({ ...slide, lead }))}
          {field('body', 'Body', slide.body, (body) => ({ ...slide, body }), true)}
        </>
      )}
      {slide.kind === 'image' &&
        field('caption', 'Caption', slide.caption, (caption) => ({ ...slide, caption }), true)}
      {slide.kind === 'video' &&
        field(
          'description',
          'Description',
          slide.description,
          (description) => ({ ...slide, description }),
          true,
        )}
      {(slide.kind === 'theme' || slide.kind === 'image') &&
        slide.image &&
        field('alt', 'Alt text', slide.image.alt, (alt) => ({
          ...slide,
          image: { ...slide.image!, alt },
        }))}
      {slide.kind === 'video' && (
        <MediaPicker
          label={`Captions (${name})`}
          name={`captions.${lang}`}
          kind="captions"
          choices={captionChoices}
          value={slide.video.captions?.[lang]}
          optional
          onChange={(ref) => onChange({ ...slide, video: setCaptions(slide, lang, ref) })}
        />
      )}
      {slide.kind === 'theme' && (
        <p className="admin-note">Separate paragraphs of the body with a blank line.</p>
      )}
    </fieldset>
  );
}

function setCaptions(
  slide: Extract<Slide, { kind: 'video' }>,
  lang: string,
  ref: MediaRef | undefined,
): Extract<Slide, { kind: 'video' }>['video'] {
  const captions = { ...slide.video.captions };
  if (ref) captions[lang] = ref;
  else delete captions[lang];
  const { captions: _old, ...video } = slide.video;
  return Object.keys(captions).length ? { ...video, captions } : video;
}

interface TextFieldProps {
  /** The field's name for problems found in it (see field-map.ts). */
  name: string;
  label: string;
  language: string;
  lang: string;
  value: string;
  multiline: boolean;
  untranslated: boolean;
  onChange(value: string): void;
}

function TextField(props: TextFieldProps) {
  const { label, language, lang, value, multiline, untranslated, onChange } = props;
  const noteId = useId();
  return (
    <ProblemField
      name={props.name}
      className="pl-text"
      label={
        <>
          {label}
          <span className="visually-hidden"> ({language})</span>
        </>
      }
      aside={
        untranslated && (
          <span className="pl-untranslated" id={noteId}>
            <span aria-hidden="true">⚠ </span>Not translated
          </span>
        )
      }
      notes={[untranslated && noteId]}
    >
      {(control) => {
        const common = {
          ...control,
          value,
          lang,
          dir: textDirection(lang),
          className: untranslated ? 'is-untranslated' : undefined,
          onChange: (event: { target: { value: string } }) => onChange(event.target.value),
        };
        return multiline ? <textarea {...common} rows={5} /> : <input type="text" {...common} />;
      }}
    </ProblemField>
  );
}
