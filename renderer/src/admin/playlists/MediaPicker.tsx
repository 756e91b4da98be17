/**
 * Choose a picture, video or captions file from the media library, with a thumbnail of the choice.
 */
import type { MediaItem } from '#core/contract';
import { mediaUrl } from '#core/media';
import type { ContentFile, MediaRef } from '#core/schema';
import { ProblemField } from '../ui/fields';

/** A file staff can pick. */
export interface MediaChoice {
  ref: MediaRef;
  name: string;
}

/** The files of one kind: uploads, plus (for pictures) the artwork the content already uses. */
export function mediaChoices(
  kind: MediaItem['kind'],
  media: readonly MediaItem[],
  content: ContentFile,
): MediaChoice[] {
  const choices = media
    .filter((item) => item.kind === kind)
    .map((item) => ({ ref: item.ref, name: item.name }));
  if (kind !== 'image') return choices;
  const builtin = new Set<MediaRef>();
  for (const playlist of content.playlists) {
    for (const slide of playlist.slides) {
      if (
        (slide.kind === 'theme' || slide.kind === 'image') &&
        slide.image?.src.startsWith('builtin:')
      ) {
        builtin.add(slide.image.src);
      }
    }
  }
  for (const ref of [...builtin].sort()) {
    choices.push({ ref, name: `Built-in: ${ref.slice(ref.lastIndexOf('/') + 1)}` });
  }
  return choices;
}

interface MediaPickerProps {
  label: string;
  /** The field's name for problems found in it (see field-map.ts). */
  name: string;
  kind: MediaItem['kind'];
  choices: readonly MediaChoice[];
  value: MediaRef | undefined;
  /** Offer "None" (the value may be left out). */
  optional?: boolean;
  onChange(ref: MediaRef | undefined): void;
}

/** A labelled select of files with a thumbnail; a value not in the library stays listed. */
export function MediaPicker(props: MediaPickerProps) {
  const { label, kind, choices, value, optional = false, onChange } = props;
  const known = value === undefined || choices.some((choice) => choice.ref === value);
  const options = known ? choices : [{ ref: value, name: `Missing file (${value})` }, ...choices];
  return (
    <ProblemField name={props.name} label={label} className="pl-media">
      {(control) => (
        <div className="pl-media__row">
          {value && kind === 'image' && (
            <img className="pl-media__thumb" src={mediaUrl(value)} alt="" draggable={false} />
          )}
          {value && kind === 'video' && (
            // The first frame only, as a thumbnail; the file's name is in the select.
            <span aria-hidden="true">
              <video className="pl-media__thumb" src={mediaUrl(value)} muted preload="metadata" />
            </span>
          )}
          <select
            {...control}
            value={value ?? ''}
            onChange={(event) =>
              onChange((event.target.value || undefined) as MediaRef | undefined)
            }
          >
            {(optional || value === undefined) && (
              <option value="">{optional ? 'None' : 'Choose…'}</option>
            )}
            {options.map((choice) => (
              <option key={choice.ref} value={choice.ref}>
                {choice.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </ProblemField>
  );
}
