// Finding people's names in running text and telling when two spellings are probably one person.
// Tuned for the newsroom's commonest slip: a romanized Korean given name spelled two ways
// ("Seo Min-jung" / "Seo Min-jeong", "Yoon Suk Yeol" / "Yoon Suk-yeol").

export interface NameMention {
  /** The whole name as written, e.g. "Seo Min-jung". */
  name: string;
  /** The first token (for Korean names, the family name). */
  first: string;
  /** The rest as written, e.g. "Min-jung". */
  rest: string;
  from: number;
  to: number;
}

// A capitalized word standing alone: "Seo", "Min-jung", "Ki-Yeong"; not part of "USS" or "Hwasong-18".
const TOKEN = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}*)*(?![\p{L}\p{N}-])/gu;

/** Every run of two or three capitalized words separated by single spaces, at every start within a longer run. */
export function nameMentions(text: string): NameMention[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ word: m[0], from: m.index, to: m.index + m[0].length }));
  const runs: (typeof tokens)[] = [];
  for (const t of tokens) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && text.slice(last.to, t.from) === ' ') run.push(t);
    else runs.push([t]);
  }
  const out: NameMention[] = [];
  for (const run of runs) {
    for (let i = 0; i < run.length; i += 1) {
      for (const size of [2, 3]) {
        const window = run.slice(i, i + size);
        if (window.length !== size) continue;
        const head = window[0]!;
        const tail = window.at(-1)!;
        const name = text.slice(head.from, tail.to);
        out.push({ name, first: head.word, rest: name.slice(head.word.length + 1), from: head.from, to: tail.to });
      }
    }
  }
  return out;
}

const letters = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, '');

/** Whether two mentions sharing a first token look like one name spelled two ways. */
export function looksLikeSameName(a: NameMention, b: NameMention): boolean {
  if (a.first !== b.first || a.rest === b.rest) return false;
  // Only hyphenated given names: plain capitalized phrases ("Defense Ministry" / "Defense Minister") are not names.
  if (!a.rest.includes('-') && !b.rest.includes('-')) return false;
  const x = letters(a.rest);
  const y = letters(b.rest);
  if (x === y) return true; // same letters, different hyphens or capitals
  if (x.startsWith(y) || y.startsWith(x)) return false; // "Min" inside "Min-jung", "Korea" inside "Korean"
  const distance = editDistance(x, y);
  return distance <= 2 && distance * 3 <= Math.max(x.length, y.length);
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
