/**
 * A read-only copy of an edit that was not saved because someone else saved first: it stays in
 * view while staff look at the other version, so they can make their change again.
 */
import { useId } from 'react';

/** "Your edit (not saved)", one line per change, with a button to close it. */
export function KeptEdit({ lines, onClose }: { lines: readonly string[]; onClose(): void }) {
  const titleId = useId();
  return (
    <section className="admin-card admin-conflict" aria-labelledby={titleId}>
      <h3 id={titleId}>Your edit (not saved)</h3>
      <p>
        The form now shows the version someone else saved. Your changes are listed here, read only:
        make them again in the form where you still want them, then save.
      </p>
      {lines.length > 0 ? (
        <ul>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>Your edit changed nothing that is not already saved.</p>
      )}
      <button type="button" className="admin-button" onClick={onClose}>
        Close my copy
      </button>
    </section>
  );
}
