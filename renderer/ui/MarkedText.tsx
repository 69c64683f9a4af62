// Plain text with some ranges wrapped in <mark> (copy-check findings in a caption). Rendered as
// React text, so the text can never become markup. Overlapping ranges are cut at every boundary
// and each piece takes the mark covering it that matters most (the active one, else the most serious).
import { Fragment } from 'react';
import type { Severity } from '../../shared/domain.js';

export interface TextMark {
  from: number;
  to: number;
  severity: Severity;
  /** Shown on hover: what is wrong here. */
  title: string;
  /** The finding last jumped to: drawn stronger. */
  active?: boolean;
}

const RANK: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

interface Piece {
  text: string;
  mark: TextMark | null;
}

export function markPieces(text: string, marks: readonly TextMark[]): Piece[] {
  // Ranges from an older check run may point past a caption edited since: keep what still fits.
  const valid = marks.filter((m) => m.from >= 0 && m.to <= text.length && m.to > m.from);
  if (valid.length === 0) return [{ text, mark: null }];
  const cuts = [...new Set([0, text.length, ...valid.flatMap((m) => [m.from, m.to])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    let best: TextMark | null = null;
    for (const m of valid) {
      if (m.from > from || m.to < to) continue;
      if (!best || (!!m.active !== !!best.active ? !!m.active : RANK[m.severity] < RANK[best.severity])) best = m;
    }
    const last = pieces[pieces.length - 1];
    if (last && last.mark === best) last.text += text.slice(from, to);
    else pieces.push({ text: text.slice(from, to), mark: best });
  }
  return pieces;
}

export function MarkedText({ text, marks }: { text: string; marks: readonly TextMark[] }) {
  if (marks.length === 0) return <>{text}</>;
  return (
    <>
      {markPieces(text, marks).map((p, i) =>
        p.mark ? (
          <mark key={i} className={`finding-text finding-text-${p.mark.severity}${p.mark.active ? ' active' : ''}`} title={p.mark.title}>
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
