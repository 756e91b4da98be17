/**
 * The admin section the location hash names, following hash changes.
 */
import { useEffect, useState } from 'react';
import { sectionFromHash } from './routes';
import type { SectionId } from './section';

/** The current section's id. */
export function useSectionRoute(): SectionId {
  const [section, setSection] = useState(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return section;
}
