/**
 * Add a slide: its title in the default language and its picture or video.
 */
import { useId, useState } from 'react';
import { langAttributes, languageName } from '../../../../core/i18n';
import type { MediaRef } from '../../../../core/schema';
import type { NewSlide, SlideKind } from './content-edit';
import { Dialog } from './Dialog';
import { MediaPicker, type MediaChoice } from './MediaPicker';

const TITLES: Record<SlideKind, string> = {
  theme: 'Add text slide',
  image: 'Add picture slide',
  video: 'Add video slide',
};

interface AddSlideDialogProps {
  kind: SlideKind;
  lang: string;
  choices: readonly MediaChoice[];
  onAdd(slide: NewSlide): void;
  onClose(): void;
}

/** The dialog for a new slide of one kind; a picture or video slide needs its file. */
export function AddSlideDialog({ kind, lang, choices, onAdd, onClose }: AddSlideDialogProps) {
  const [title, setTitle] = useState('');
  const [media, setMedia] = useState<MediaRef | undefined>(
    kind === 'theme' ? undefined : choices[0]?.ref,
  );
  const id = useId();
  const needsMedia = kind !== 'theme';
  const ok = title.trim() !== '' && (!needsMedia || media !== undefined);
  return (
    <Dialog
      title={TITLES[kind]}
      confirm="Add slide"
      canConfirm={ok}
      onConfirm={() => onAdd({ kind, title: title.trim(), lang, media })}
      onClose={onClose}
    >
      <div className="admin-field">
        <label htmlFor={id}>Title ({languageName(lang)})</label>
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
      </div>
      {needsMedia && choices.length === 0 ? (
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
    </Dialog>
  );
}
