/**
 * The admin's routes: `#/admin/<section>` for each section, `#/admin` for the first one.
 */
import { SECTIONS, type SectionId } from './section';

/** The link to a section. */
export function sectionHref(id: SectionId): string {
  return `#/admin/${id}`;
}

/** The section a location hash names; the first section when it names none we know. */
export function sectionFromHash(hash: string): SectionId {
  const id = /^#\/admin\/([a-z-]+)/.exec(hash)?.[1];
  return SECTIONS.find((section) => section.id === id)?.id ?? SECTIONS[0].id;
}

/** Leave the admin for the player. */
export function backToPlayer(): void {
  window.location.hash = '';
}
