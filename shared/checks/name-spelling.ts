import type { FindingPlace, FixEdit } from '../domain.js';
import { editIn, placeIn } from './context.js';
import { subject } from './keys.js';
import { letters } from './chars.js';
import { forEachMention, NameGroups, type NameMention } from './names.js';
import { houseSentence, peopleIndex, type HouseHit } from './people.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult, type TextSource } from './types.js';

/**
 * Most spellings of one name a finding names and offers as fixes (the most frequent ones); a
 * pasted list of 2,000 case variants is one finding with five fixes, "and 1,995 more".
 */
export const MAX_SPELLINGS_SHOWN = 5;
/** Most places one name finding marks, and most edits one of its fixes makes. */
export const MAX_NAME_PLACES = 200;

/** What a group of spellings is: one name spelled several ways, a one-letter slip, or a spelling the people list puts otherwise. */
interface Candidate {
  spellings: string[];
  kind: 'spelling' | 'slip';
  /** The listed person the spellings are, if any. */
  house: HouseHit | null;
  aliases: HouseHit[];
}

interface Occurrence {
  src: TextSource;
  /** The source's place in reading order, to sort by. */
  order: number;
  mention: NameMention;
}

// The same person's name spelled two ways across headline, subheadlines, captions and body, a
// name one letter from another ("Ban Ki-mon"), or a name the people list spells otherwise. The
// desk decides which spelling is right, so each spelling is offered as a fix (the house spelling
// first); the story is not approved until that is decided (fixed, or dismissed with a note).
export const nameSpelling: Check = {
  id: 'name-spelling',
  severity: 'warning',
  decideBeforeApproval: true,
  run: ({ sources, people }) => {
    // Every spelling, grouped with the others that look like the same person's.
    const names = new NameGroups(people && people.length > 0 ? peopleIndex(people) : undefined);
    const alone = new Set<string>();
    for (const src of sources) {
      forEachMention(src.text, (mention) => {
        if (names.add(mention) && mention.alone) alone.add(mention.name);
      });
    }

    const candidates: Candidate[] = [];
    for (const group of names.nameGroups()) {
      let spellings = group.spellings;
      if (!spellings[0]!.includes(' ') && !spellings[0]!.includes('\u00a0') && !group.house) {
        // One word: only a word standing alone somewhere ("Funakosi said"), and never capitals
        // or hyphens alone ("Self-Defense" / "Self-defense" at the start of a sentence).
        if (!spellings.some((s) => alone.has(s))) continue;
        const byLetters = new Map<string, string>();
        for (const s of spellings) if (!byLetters.has(letters(s))) byLetters.set(letters(s), s);
        spellings = [...byLetters.values()];
      }
      // A spelling alone is reported only when the list names it as an alias the house spells otherwise.
      if (spellings.length > 1 || group.aliases.length > 0) candidates.push({ spellings, kind: 'spelling', house: group.house, aliases: group.aliases });
    }
    for (const pair of names.slips()) candidates.push({ spellings: pair, kind: 'slip', house: null, aliases: [] });
    if (candidates.length === 0) return [];

    // "Director Seo Min-jung" / "Director Seo Min-jeong" is the same slip as "Seo Min-jung" /
    // "Seo Min-jeong": a group is left out when another group holds a shorter part of each of
    // its spellings. Looked up by part (at most five per spelling), so it stays linear.
    const groupOf = new Map<string, number>();
    candidates.forEach((g, gi) => g.spellings.forEach((spelling) => groupOf.set(spelling, gi)));
    const kept = candidates.filter((g, gi) => {
      let common: Set<number> | null = null;
      for (const spelling of g.spellings) {
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

    // The occurrences of the spellings reported: a second look at the texts that hold any (when
    // there are a few, found by a plain search first; the usual story has one name finding or none).
    const reported = new Map<string, number>();
    const shown = kept.slice(0, MAX_FINDINGS_PER_CHECK);
    shown.forEach((g, gi) => g.spellings.forEach((spelling) => reported.set(spelling, gi)));
    const searched = reported.size <= 16 ? [...reported.keys()] : null;
    const occurrences: Occurrence[][] = shown.map(() => []);
    sources.forEach((src, order) => {
      if (searched && !searched.some((name) => src.text.includes(name))) return;
      forEachMention(src.text, (mention) => {
        const gi = reported.get(mention.name);
        if (gi !== undefined) occurrences[gi]!.push({ src, order, mention: { ...mention } });
      });
    });

    const out: CheckResult[] = [];
    occurrences.forEach((list, gi) => {
      const result = finding(nonOverlapping(list), shown[gi]!);
      if (result) out.push(result);
    });
    return out;
  },
};

/** The finding for one group's occurrences (in reading order), or null if fewer than two spellings are left (and none the house spells otherwise). */
function finding(all: Occurrence[], group: Candidate): CheckResult | null {
  // Each spelling's count and first occurrence.
  const seen = new Map<string, { count: number; first: Occurrence; rank: number }>();
  for (const o of all) {
    const s = seen.get(o.mention.name);
    if (s) s.count += 1;
    else seen.set(o.mention.name, { count: 1, first: o, rank: seen.size });
  }
  const house = group.house?.person ?? null;
  const houseName = house?.name ?? null;
  if (seen.size < 2 && (houseName === null || seen.has(houseName) || seen.size === 0)) return null;
  // The most frequent spellings (the first seen on a tie), named in reading order.
  const ranked = [...seen].sort(([, a], [, b]) => b.count - a.count || a.rank - b.rank);
  const spellings = ranked
    .slice(0, MAX_SPELLINGS_SHOWN)
    .sort(([, a], [, b]) => a.rank - b.rank)
    .map(([name]) => name);
  const more = seen.size - spellings.length;

  // The body first: "jump to" takes the writer to the text they are working on; the headline
  // and captions follow (all are marked either way). At most MAX_NAME_PLACES, always including
  // the first occurrence of each spelling named.
  const firsts = new Set(spellings.map((s) => seen.get(s)!.first));
  let room = MAX_NAME_PLACES - firsts.size;
  const marked: FindingPlace[] = [];
  for (const o of all) {
    if (firsts.has(o) || room-- > 0) marked.push(placeIn(o.src, o.mention.from, o.mention.to));
  }
  const places = [...marked.filter((p) => p.field === 'body'), ...marked.filter((p) => p.field !== 'body')];

  // The house spelling first, whether or not the story uses it; then each spelling it does use.
  const offered = houseName === null ? spellings : seen.size === 1 ? [houseName] : [houseName, ...spellings.filter((s) => s !== houseName)];
  const fixes = offered.map((keep) => {
    const edits: FixEdit[] = [];
    let others = 0;
    for (const o of all) {
      if (o.mention.name === keep) continue;
      others += 1;
      if (edits.length < MAX_NAME_PLACES) edits.push(editIn(o.src, o.mention.from, o.mention.to, keep));
    }
    const where = others > edits.length ? ` in the first ${edits.length} places` : ' everywhere';
    return { label: `Use ${keep === houseName ? 'the house spelling ' : ''}\u201c${keep}\u201d${where}`, edits };
  });

  const described = spellings.map((s) => `"${s}" (${whereSeen(all, s)})`);
  const ways = seen.size === 2 ? 'two' : seen.size.toLocaleString('en-US');
  const listing = more > 0 ? `${described.join(', ')} and ${more.toLocaleString('en-US')} more` : listed(described);
  // Spellings differing only in case are one in the key: a dismissal holds while they stand.
  const distinct = [...new Set([...seen.keys()].map((s) => s.toLowerCase()))].sort();
  const houseNote = house
    ? ` ${houseSentence(
        house,
        group.aliases.filter((h) => seen.has(h.alias!.spelling) || [...seen.keys()].some((s) => letters(s) === letters(h.alias!.spelling))).map((h) => h.alias!),
      )}`
    : '';
  let message: string;
  if (group.kind === 'slip') message = `One letter apart: ${listing}. A slip, or two people?`;
  else if (seen.size === 1) message = `Not the house spelling: ${listing}.${houseNote}`;
  else message = `Name spelled ${ways} ways: ${listing}.${houseNote || ' Check which is right.'}`;
  return {
    subject: subject((seen.size === 1 && houseName ? [...distinct, houseName.toLowerCase()] : distinct).join(' / ')),
    message,
    places,
    fixes,
  };
}

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

/** Where one spelling is seen: "caption of photo "x.jpg"", "body, 2 times", "headline; body". */
function whereSeen(all: readonly Occurrence[], spelling: string): string {
  const counts = new Map<string, number>();
  for (const o of all) if (o.mention.name === spelling) counts.set(o.src.label, (counts.get(o.src.label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label}, ${n} times` : label)).join('; ');
}

/** "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
