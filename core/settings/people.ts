// people.*: the newsroom's people list, kept with the house style. Everyone signed in reads it
// (the editor's live checks need it); desk editors and admins change it. A spelling names one
// person only: a save that would list it for a second person is refused, naming who has it, and
// changes nothing. A changed list means every story's name findings are counted again.

import { mayEditPeopleList, spellingKey, type HouseAlias } from '../../shared/checks/people.js';
import { ApiError } from '../../shared/errors.js';
import { allPeople, deletePerson, getPerson, insertPerson, listPeople, peopleBySpellingKeys, updatePerson, type PersonWrite } from '../../db/index.js';
import { signedIn, type Handlers } from '../dispatch.js';
import type { CoreServices } from '../services.js';
import { toPerson } from '../staff/people.js';
import { write } from '../write.js';

const PAGE = 50;

/** The spellings as typed, trimmed, without repeats or the house spelling itself (by key). */
function cleanAliases(name: string, aliases: readonly HouseAlias[]): HouseAlias[] {
  const seen = new Set([spellingKey(name)]);
  const out: HouseAlias[] = [];
  for (const a of aliases) {
    const spelling = a.spelling.trim().replace(/\s+/g, ' ');
    const key = spellingKey(spelling);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ spelling, source: a.source.trim() });
  }
  return out;
}

export function peopleHandlers(services: CoreServices) {
  const { db } = services;
  const mayEdit = (ctx: Parameters<Handlers['people.save']>[1]) => {
    const staff = signedIn(ctx);
    if (!mayEditPeopleList(toPerson(staff))) throw new ApiError('FORBIDDEN', 'Only desk editors and admins may change the people list.');
    return staff;
  };

  return {
    'people.list': async (input, ctx) => {
      signedIn(ctx);
      const offset = input.cursor && /^\d+$/.test(input.cursor) ? Number(input.cursor) : 0;
      const limit = input.limit ?? PAGE;
      const query = input.query?.trim().toLowerCase() ?? '';
      const { people, total } = await listPeople(db, { search: query || undefined, searchKey: query ? spellingKey(query) : undefined, limit, offset });
      return offset + people.length < total ? { people, total, nextCursor: String(offset + people.length) } : { people, total };
    },
    'people.all': async (_input, ctx) => {
      signedIn(ctx);
      return { people: await allPeople(db) };
    },
    'people.save': async (input, ctx) => {
      const staff = mayEdit(ctx);
      const name = input.name.trim().replace(/\s+/g, ' ');
      if (spellingKey(name) === '') throw new ApiError('VALIDATION', 'The house spelling needs at least one letter.');
      const aliases = cleanAliases(name, input.aliases);
      const note = input.note.trim();
      const keys = [spellingKey(name), ...aliases.map((a) => spellingKey(a.spelling))];
      const person = await write(services, async () => {
        if (input.id !== undefined && !(await getPerson(db, input.id))) throw new ApiError('NOT_FOUND', 'That person is no longer on the list.');
        const taken = [...(await peopleBySpellingKeys(db, keys))].find(([, owner]) => owner.id !== input.id);
        if (taken) {
          const spelling = [name, ...aliases.map((a) => a.spelling)][keys.indexOf(taken[0])]!;
          throw new ApiError('CONFLICT', `\u201c${spelling}\u201d is already on the list, for ${taken[1].name}. A spelling can name only one person.`);
        }
        const row: PersonWrite = {
          name,
          aliases,
          note,
          search: [name, ...aliases.flatMap((a) => [a.spelling, a.source]), note, ...keys].join('\n').toLowerCase(),
          keys,
          updatedAt: services.now().toISOString(),
          updatedBy: staff.id,
        };
        const id = input.id ?? (await insertPerson(db, row));
        if (input.id !== undefined) await updatePerson(db, id, row);
        return (await getPerson(db, id))!;
      });
      await services.copyDesk.recountAll();
      return { person };
    },
    'people.remove': async (input, ctx) => {
      mayEdit(ctx);
      await write(services, async () => {
        if (!(await deletePerson(db, input.id))) throw new ApiError('NOT_FOUND', 'That person is no longer on the list.');
      });
      await services.copyDesk.recountAll();
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;
}
