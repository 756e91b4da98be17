/**
 * What is wrong with the files on disk, so staff can see why the kiosk plays an older copy.
 */
import { useId } from 'react';
import type { Problem } from '#core/problems';

/** A card listing each problem with its file, JSON path and reason. */
export function ProblemsCard({ problems }: { problems: readonly Problem[] }) {
  const titleId = useId();
  return (
    <section className="admin-card admin-problems" aria-labelledby={titleId}>
      <h2 id={titleId}>Problems found</h2>
      <p>
        The kiosk keeps playing: from the last good copy of a damaged file, or from the defaults.
        Saving again from this admin writes a good copy.
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <strong>{problem.source}</strong> <code>{problem.path}</code>: {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
