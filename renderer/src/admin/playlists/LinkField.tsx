/**
 * A slide's "take it with you" link, checked as typed, with its QR code as the player shows it.
 */
import { useId, useState } from 'react';
import { SlideLink, type Slide } from '../../../../core/schema';
import { SlideQr } from '../../player/qr/SlideQr';
import { TextField } from '../settings/fields';
import './link-field.css';

interface LinkFieldProps {
  slide: Slide;
  /** The caption's language in the preview. */
  lang: string;
  onChange(slide: Slide): void;
}

/** "Link": an http(s) address or nothing; a wrong one is marked here and refused on save. */
export function LinkField({ slide, lang, onChange }: LinkFieldProps) {
  const id = useId();
  // What staff typed, kept while it is not a valid address, so they can finish it.
  const [typed, setTyped] = useState(slide.link ?? '');
  const text = typed.trim() === (slide.link ?? '') ? typed : (slide.link ?? '');
  const checked = text.trim() === '' ? undefined : SlideLink.safeParse(text.trim());
  const error = checked && !checked.success ? checked.error.issues[0]?.message : undefined;
  return (
    <div className="pl-link">
      <TextField
        id={id}
        label="Link"
        hint="A web page visitors can take with them: the player shows it as a QR code."
        placeholder="https://"
        error={error ? `The link ${error}.` : undefined}
        value={text}
        onChange={(value) => {
          setTyped(value);
          const { link: _old, ...rest } = slide;
          onChange(value.trim() ? { ...rest, link: value.trim() } : rest);
        }}
      />
      {checked?.success && (
        <div className="pl-link__preview" aria-label="QR code as the player shows it" role="group">
          <SlideQr link={checked.data} lang={lang} />
        </div>
      )}
    </div>
  );
}
