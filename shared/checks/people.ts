// The newsroom's people list as the name check reads it: each person's house spelling and the
// other spellings the desk meets (with who uses them), so the check pairs spellings no rule
// could ("Sergei Shoigu" / "Sergey Shoygu") and says which one the house prefers.

import { hasRole, isDeskEditor, type Person } from '../workflow.js';
import { shortHash } from './keys.js';
import { letters } from './names.js';

/** Another spelling of a listed person, and who uses it ("KCNA", "TASS"). */
export interface HouseAlias {
  spelling: string;
  /** Who spells it so; may be empty. */
  source: string;
}

/** One person on the people list. */
export interface HousePerson {
  id: number;
  /** The house spelling: "Lee Yong-ho". */
  name: string;
  aliases: HouseAlias[];
  /** Anything the desk should know: "North Korean foreign minister 2016-20". */
  note: string;
}

/** A person on the list as the editors see and change it. */
export interface PeopleEntry extends HousePerson {
  updatedAt: string;
  updatedBy: string | null;
}

/** What a spelling is on the list: the person, and the alias it is (null: the house spelling itself). */
export interface HouseHit {
  person: HousePerson;
  alias: HouseAlias | null;
}

/** How the list is looked up: letters only, lower case, accents dropped ("Ri Yong-ho" = "RI YONG HO" = "Ri Yong Ho"). */
export const spellingKey: (s: string) => string = letters;

export type PeopleIndex = ReadonlyMap<string, HouseHit>;

// The core keeps one list object until it changes: its index is found by identity. A worker
// receives a copy per run: its index is found by content (a hash of every spelling, a fraction of
// a millisecond for thousands of people, where building it again costs ten or more).
const byIdentity = new WeakMap<readonly HousePerson[], PeopleIndex>();
let lastByContent: { hash: string; index: PeopleIndex } | null = null;

function contentHash(people: readonly HousePerson[]): string {
  const parts: string[] = [];
  for (const p of people) {
    parts.push(String(p.id), p.name);
    for (const a of p.aliases) parts.push(a.spelling, a.source);
  }
  return `${people.length}:${shortHash(parts.join('\u0000'))}`;
}

/** Every spelling on the list, by spellingKey. A spelling listed for two people keeps the first. */
export function peopleIndex(people: readonly HousePerson[]): PeopleIndex {
  const known = byIdentity.get(people);
  if (known) return known;
  const hash = contentHash(people);
  if (lastByContent?.hash === hash) {
    byIdentity.set(people, lastByContent.index);
    return lastByContent.index;
  }
  const map = new Map<string, HouseHit>();
  for (const person of people) {
    const own = spellingKey(person.name);
    if (own && !map.has(own)) map.set(own, { person, alias: null });
    for (const alias of person.aliases) {
      const key = spellingKey(alias.spelling);
      if (key && !map.has(key)) map.set(key, { person, alias });
    }
  }
  byIdentity.set(people, map);
  lastByContent = { hash, index: map };
  return map;
}

/** "House spelling: Lee Yong-ho (KCNA spells it Ri Yong Ho)." for the aliases a story uses. */
export function houseSentence(person: HousePerson, used: readonly HouseAlias[]): string {
  const sourced = used.filter((a) => a.source.trim() !== '').map((a) => `${a.source.trim()} spells it ${a.spelling}`);
  return `House spelling: ${person.name}${sourced.length > 0 ? ` (${sourced.join('; ')})` : ''}.`;
}

/** Who keeps the people list: desk editors (with the house style) and admins. Everyone signed in reads it. */
export function mayEditPeopleList(person: Person): boolean {
  return isDeskEditor(person) || hasRole(person, 'admin');
}

/** Longest house spelling or alias, most aliases per person, longest source and note: the contract's ceilings. */
export const PEOPLE_LIMITS = { spelling: 200, aliases: 50, source: 100, note: 1000 } as const;
