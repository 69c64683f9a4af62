import type { FindingPlace, FixEdit } from '../domain.js';
import { editIn, placeIn } from './context.js';
import { subject } from './keys.js';
import { letters, nameMentions, sameNameKey, type NameMention } from './names.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult, type TextSource } from './types.js';

interface Occurrence {
  src: TextSource;
  /** The source's place in reading order, to sort by. */
  order: number;
  mention: NameMention;
}

// The same person's name spelled two ways across headline, subheadlines, captions and body.
// The desk decides which spelling is right, so each spelling is offered as a fix.
export const nameSpelling: Check = {
  id: 'name-spelling',
  severity: 'warning',
  run: ({ sources }) => {
    // Mentions grouped by the key one person's spellings share; every occurrence of each spelling.
    const groups = new Map<string, Set<string>>();
    const occurrences = new Map<string, Occurrence[]>();
    const alone = new Set<string>();
    sources.forEach((src, order) => {
      for (const mention of nameMentions(src.text)) {
        const key = sameNameKey(mention);
        if (key === null) continue;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = new Set()));
        group.add(mention.name);
        let list = occurrences.get(mention.name);
        if (!list) occurrences.set(mention.name, (list = []));
        list.push({ src, order, mention });
        if (mention.alone) alone.add(mention.name);
      }
    });

    const candidates: string[][] = [];
    for (const [key, names] of groups) {
      let spellings = [...names];
      if (key.startsWith('=')) {
        // One word: only a word standing alone somewhere ("Funakosi said"), and never capitals
        // or hyphens alone ("Self-Defense" / "Self-defense" at the start of a sentence).
        if (!spellings.some((s) => alone.has(s))) continue;
        const byLetters = new Map<string, string>();
        for (const s of spellings) if (!byLetters.has(letters(s))) byLetters.set(letters(s), s);
        spellings = [...byLetters.values()];
      }
      if (spellings.length > 1) candidates.push(spellings);
    }
    // "Director Seo Min-jung" / "Director Seo Min-jeong" is the same slip as "Seo Min-jung" /
    // "Seo Min-jeong": a group is left out when another group holds a shorter part of each of
    // its spellings. Looked up by part (at most five per spelling), so it stays linear.
    const groupOf = new Map<string, number>();
    candidates.forEach((g, gi) => g.forEach((spelling) => groupOf.set(spelling, gi)));
    const kept = candidates.filter((g, gi) => {
      let common: Set<number> | null = null;
      for (const spelling of g) {
        const holders = new Set<number>();
        for (const part of shorterParts(spelling)) {
          const id = groupOf.get(part);
          if (id !== undefined && id !== gi && (common === null || common.has(id))) holders.add(id);
        }
        common = holders;
        if (common.size === 0) return true;
      }
      return false;
    });

    const out: CheckResult[] = [];
    for (const group of kept.slice(0, MAX_FINDINGS_PER_CHECK)) {
      const first = (s: string): Occurrence => occurrences.get(s)![0]!;
      const spellings = [...group].sort((a, b) => first(a).order - first(b).order || first(a).mention.from - first(b).mention.from);
      const all = nonOverlapping(spellings.flatMap((s) => occurrences.get(s)!));
      // The body first: "jump to" takes the writer to the text they are working on; the
      // headline and captions follow (all are marked either way).
      const inOrder = all.map((o) => placeIn(o.src, o.mention.from, o.mention.to));
      const places: FindingPlace[] = [...inOrder.filter((p) => p.field === 'body'), ...inOrder.filter((p) => p.field !== 'body')];
      const fixes = spellings.map((keep) => ({
        label: `Use \u201c${keep}\u201d everywhere`,
        edits: all.filter((o) => o.mention.name !== keep).map((o): FixEdit => editIn(o.src, o.mention.from, o.mention.to, keep)),
      }));
      const described = spellings.map((s) => `"${s}" (${whereSeen(all.filter((o) => o.mention.name === s))})`);
      const ways = spellings.length === 2 ? 'two' : String(spellings.length);
      out.push({
        subject: subject(spellings.map((s) => s.toLowerCase()).sort().join(' / ')),
        message: `Name spelled ${ways} ways: ${listed(described)}. Check which is right.`,
        places,
        fixes,
      });
    }
    return out;
  },
};

/** The shorter runs of words inside a name: "Director Seo Min-jung" → "Director Seo", "Seo Min-jung", "Director", "Seo", "Min-jung". */
function shorterParts(name: string): string[] {
  const bounds: { from: number; to: number }[] = [];
  for (const m of name.matchAll(/[^ \u00a0]+/g)) bounds.push({ from: m.index, to: m.index + m[0].length });
  const out: string[] = [];
  for (let i = 0; i < bounds.length; i += 1) {
    for (let j = i; j < bounds.length; j += 1) if (j - i + 1 < bounds.length) out.push(name.slice(bounds[i]!.from, bounds[j]!.to));
  }
  return out;
}

/** In reading order, dropping any occurrence that overlaps the one before it in the same text. */
function nonOverlapping(list: Occurrence[]): Occurrence[] {
  const sorted = [...list].sort((a, b) => a.order - b.order || a.mention.from - b.mention.from);
  return sorted.filter((o, i) => {
    const prev = sorted[i - 1];
    return !prev || prev.order !== o.order || prev.mention.to <= o.mention.from;
  });
}

/** "caption of photo "x.jpg"", "body, 2 times", "headline; body". */
function whereSeen(list: Occurrence[]): string {
  const counts = new Map<string, number>();
  for (const o of list) counts.set(o.src.label, (counts.get(o.src.label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label}, ${n} times` : label)).join('; ');
}

/** "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
