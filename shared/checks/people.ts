// The newsroom's people list as the name check reads it: each person's house spelling and the
// other spellings the desk meets (with who uses them), so the check pairs spellings no rule
// could ("Sergei Shoigu" / "Sergey Shoygu") and says which one the house prefers.

import { hasRole, isDeskEditor, type Person } from '../workflow.js';
import { letters } from './chars.js';

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
// receives a copy per run: its index is found by comparing the copy with the list it was built
// from (a fraction of a millisecond for thousands of people, where building it again costs ten or more).
const byIdentity = new WeakMap<readonly HousePerson[], PeopleIndex>();
let last: { people: readonly HousePerson[]; index: PeopleIndex } | null = null;

function sameSpellings(a: readonly HousePerson[], b: readonly HousePerson[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.name !== y.name || x.aliases.length !== y.aliases.length) return false;
    for (let j = 0; j < x.aliases.length; j += 1) if (x.aliases[j]!.spelling !== y.aliases[j]!.spelling || x.aliases[j]!.source !== y.aliases[j]!.source) return false;
  }
  return true;
}

/** Every spelling on the list, by spellingKey. A spelling listed for two people keeps the first. */
export function peopleIndex(people: readonly HousePerson[]): PeopleIndex {
  const known = byIdentity.get(people);
  if (known) return known;
  if (last && sameSpellings(last.people, people)) {
    byIdentity.set(people, last.index);
    return last.index;
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
  last = { people, index: map };
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
