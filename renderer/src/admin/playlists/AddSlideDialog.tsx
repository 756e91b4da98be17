/**
 * Add a slide: its title in the default language and its picture or video.
 */
import { useId, useState } from 'react';
import { langAttributes, languageName } from '#core/i18n';
import type { MediaRef, WebOrigin } from '#core/schema';
import { webPageRefusal } from '#core/web-page';
import type { NewSlide, SlideKind } from './content-edit';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { MediaPicker, type MediaChoice } from './MediaPicker';
import { Field, fieldDescribedBy } from '../ui/fields';

const TITLES: Record<SlideKind, string> = {
  theme: 'Add text slide',
  image: 'Add picture slide',
  video: 'Add video slide',
  web: 'Add web page slide',
};

interface AddSlideDialogProps {
  kind: SlideKind;
  lang: string;
  choices: readonly MediaChoice[];
  /** The sites web page slides may show (settings). */
  allowlist?: readonly WebOrigin[];
  onAdd(slide: NewSlide): void;
  onClose(): void;
}

/** The dialog for a new slide of one kind; a picture or video slide needs its file. */
export function AddSlideDialog(props: AddSlideDialogProps) {
  const { kind, lang, choices, onAdd, onClose } = props;
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const urlId = useId();
  const trimmedUrl = url.trim();
  const refusal =
    kind === 'web' && trimmedUrl !== ''
      ? webPageRefusal(trimmedUrl, props.allowlist ?? [])
      : undefined;
  const [media, setMedia] = useState<MediaRef | undefined>(
    kind === 'theme' ? undefined : choices[0]?.ref,
  );
  const id = useId();
  const needsMedia = kind === 'image' || kind === 'video';
  const urlOk = kind !== 'web' || (trimmedUrl !== '' && refusal === undefined);
  const ok = title.trim() !== '' && (!needsMedia || media !== undefined) && urlOk;
  return (
    <ConfirmDialog
      title={TITLES[kind]}
      confirm="Add slide"
      canConfirm={ok}
      onConfirm={() =>
        onAdd({
          kind,
          title: title.trim(),
          lang,
          media,
          url: kind === 'web' ? trimmedUrl : undefined,
        })
      }
      onCancel={onClose}
    >
      <Field id={id} label={<>Title ({languageName(lang)})</>}>
        <input
          id={id}
          type="text"
          value={title}
          {...langAttributes(lang)}
          autoFocus
          required
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
        />
      </Field>
      {kind === 'web' ? (
        <Field id={urlId} label="Web page address" error={refusal} errorRole="alert">
          <input
            id={urlId}
            type="url"
            value={url}
            inputMode="url"
            placeholder="https://"
            required
            maxLength={2000}
            aria-invalid={refusal !== undefined}
            aria-describedby={fieldDescribedBy(urlId, undefined, refusal)}
            onChange={(event) => setUrl(event.target.value)}
          />
        </Field>
      ) : needsMedia && choices.length === 0 ? (
        <p className="admin-note">
          There is no {kind === 'video' ? 'video' : 'picture'} in the library yet: upload one in
          Media first.
        </p>
      ) : (
        <MediaPicker
          name="new-slide-media"
          label={kind === 'video' ? 'Video' : kind === 'image' ? 'Picture' : 'Picture (optional)'}
          kind={kind === 'video' ? 'video' : 'image'}
          choices={choices}
          value={media}
          optional={!needsMedia}
          onChange={setMedia}
        />
      )}
    </ConfirmDialog>
  );
}
