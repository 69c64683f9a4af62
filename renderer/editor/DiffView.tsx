// Insertions and deletions marked word by word: colour and strike for sight, and a spoken cue
// ("inserted", "deleted") for screen readers, since colour alone says nothing to them.
import type { DiffPart } from '../../shared/domain.js';

/** The parts inline, each change in <ins> or <del> with its spoken cue. */
export function DiffParts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'insert' ? (
          <ins key={i}>
            <span className="sr-only">[inserted: </span>
            {p.text}
            <span className="sr-only">]</span>
          </ins>
        ) : p.kind === 'delete' ? (
          <del key={i}>
            <span className="sr-only">[deleted: </span>
            {p.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export function DiffView({ parts, label }: { parts: DiffPart[]; label: string }) {
  const inserted = parts.filter((p) => p.kind === 'insert').length;
  const deleted = parts.filter((p) => p.kind === 'delete').length;
  return (
    <div className="diff">
      <p className="diff-summary">
        <span className="diff-key-ins">
          {inserted} insertion{inserted === 1 ? '' : 's'}
        </span>
        ,{' '}
        <span className="diff-key-del">
          {deleted} deletion{deleted === 1 ? '' : 's'}
        </span>
      </p>
      <div className="diff-text" role="document" aria-label={label} tabIndex={0}>
        <DiffParts parts={parts} />
      </div>
    </div>
  );
}
