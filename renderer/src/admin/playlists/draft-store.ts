/**
 * Unsaved playlist edits, kept outside React so they survive moving between admin sections.
 */
import type { ContentFile } from '#core/schema';

type Listener = () => void;

let edits: ContentFile | undefined;
const listeners = new Set<Listener>();

/** The unsaved edits, or undefined when there are none. */
export function getEdits(): ContentFile | undefined {
  return edits;
}

/** Replace the unsaved edits (undefined: there are none). */
export function setEdits(next: ContentFile | undefined): void {
  if (next === edits) return;
  edits = next;
  for (const listener of listeners) listener();
}

/** Be told when the edits change; returns a function that stops listening. */
export function subscribeEdits(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
