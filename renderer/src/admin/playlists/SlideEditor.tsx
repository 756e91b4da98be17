/**
 * One slide's form: its file and options, its texts in every enabled language, its schedule,
 * and the live preview beside it.
 */
import type { ContentFile, Slide } from '#core/schema';
import type { MediaItem } from '#core/contract';
import { ScheduleEditor } from '../schedule/ScheduleEditor';
import { LanguageFields } from './LanguageFields';
import { LinkField } from './LinkField';
import { mediaChoices } from './MediaPicker';
import { KIND_NAMES } from './SlideList';
import { SlideOptions } from './SlideOptions';
import { SlidePreview } from './SlidePreview';
import { slideLabel } from './slide-label';

interface SlideEditorProps {
  slide: Slide;
  content: ContentFile;
  media: readonly MediaItem[];
  languages: readonly string[];
  defaultLang: string;
  kioskTimeZone: string;
  /** Whether this is the playlist's only slide (a playlist needs one). */
  only: boolean;
  onChange(slide: Slide): void;
  onDelete(): void;
}

/** The form and the preview of the selected slide. */
export function SlideEditor(props: SlideEditorProps) {
  const { slide, content, media, languages, defaultLang, onChange } = props;
  const label = slideLabel(slide, defaultLang);
  // The default language first: the others are translated from it.
  const ordered = [defaultLang, ...languages.filter((lang) => lang !== defaultLang)];
  return (
    <div className="pl-slide-editor">
      <div className="pl-slide-editor__grid">
        <div className="pl-slide-editor__form">
          <div className="pl-slide-editor__head">
            <h3>
              {KIND_NAMES[slide.kind]} slide: {label}
            </h3>
            <button
              type="button"
              className="admin-button admin-button--danger"
              disabled={props.only}
              aria-describedby={props.only ? 'pl-only-slide' : undefined}
              onClick={props.onDelete}
            >
              Delete slide<span className="visually-hidden"> {label}</span>
            </button>
          </div>
          {props.only && (
            <p className="admin-note" id="pl-only-slide">
              A playlist needs at least one slide, so its only slide can&rsquo;t be deleted.
            </p>
          )}
          <SlideOptions
            slide={slide}
            imageChoices={mediaChoices('image', media, content)}
            videoChoices={mediaChoices('video', media, content)}
            onChange={onChange}
          />
          <LinkField key={slide.id} slide={slide} onChange={onChange} />
          {ordered.map((lang) => (
            <LanguageFields
              key={lang}
              slide={slide}
              lang={lang}
              defaultLang={defaultLang}
              captionChoices={mediaChoices('captions', media, content)}
              onChange={onChange}
            />
          ))}
          <ScheduleEditor
            legend="When this slide plays"
            schedule={slide.schedule}
            kioskTimeZone={props.kioskTimeZone}
            onChange={(schedule) => {
              const { schedule: _old, ...rest } = slide;
              onChange(schedule ? { ...rest, schedule } : rest);
            }}
          />
        </div>
        <div className="pl-slide-editor__preview">
          <SlidePreview slide={slide} languages={ordered} defaultLang={defaultLang} />
        </div>
      </div>
    </div>
  );
}
