/**
 * A slide's "take it with you" link, checked as typed; the slide preview beside the form shows
 * its QR code as the player will.
 */
import { useId, useState } from 'react';
import { SlideLink, type Slide } from '#core/schema';
import { useFieldProblem } from '../FieldProblems';
import { TextField } from '../ui/fields';

interface LinkFieldProps {
  slide: Slide;
  onChange(slide: Slide): void;
}

/** "Link": an http(s) address or nothing; a wrong one is marked here and refused on save. */
export function LinkField({ slide, onChange }: LinkFieldProps) {
  const id = useId();
  // What staff typed, kept while it is not a valid address, so they can finish it.
  const [typed, setTyped] = useState(slide.link ?? '');
  const text = typed.trim() === (slide.link ?? '') ? typed : (slide.link ?? '');
  const checked = text.trim() === '' ? undefined : SlideLink.safeParse(text.trim());
  const error = checked && !checked.success ? checked.error.issues[0]?.message : undefined;
  // What the save refused (the host's own check), when the typed text looks fine here.
  const refused = useFieldProblem('link').message;
  return (
    <TextField
      id={id}
      label="Link"
      hint="A web page visitors can take with them: the player shows it as a QR code."
      placeholder="https://"
      error={error ? `The link ${error}.` : refused}
      value={text}
      onChange={(value) => {
        setTyped(value);
        const { link: _old, ...rest } = slide;
        onChange(value.trim() ? { ...rest, link: value.trim() } : rest);
      }}
    />
  );
}
