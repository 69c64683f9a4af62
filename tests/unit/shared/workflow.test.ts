// Walks every status × action × role (and author / not author) and asserts the matrix of
// the workflow (who may take which action from which status), written out by hand here, against
// allowedActions() and refusal().

import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, STATUSES, type Action, type Role, type Status } from '../../../shared/domain.js';
import {
  allowedActions,
  APPROVE_ALONE_MAX_SHARE,
  canEditText,
  photoEditRefusal,
  refusal,
  textEditRefusal,
  type Person,
  type WorkflowStory,
} from '../../../shared/workflow.js';

/** `+` allowed · `F` FORBIDDEN (who you are) · `S` INVALID_STATE (where the story is). */
type Cell = '+' | 'F' | 'S';

// Columns, in this order:   draft submitted editing approved scheduled published killed spiked
const COLUMNS: readonly Status[] = ['draft', 'submitted', 'editing', 'approved', 'scheduled', 'published', 'killed', 'spiked'];

type Grid = Record<Action, string>;

/** No workflow rights at all: photo editors, admins, people without a role, reporters on someone else's story. */
// prettier-ignore
const NOBODY: Grid = {
  submit:     'F F F F F F F F',
  recall:     'F F F F F F F F',
  claim:      'F F F F F F F F',
  sendBack:   'F F F F F F F F',
  approve:    'F F F F F F F F',
  reopen:     'F F F F F F F F',
  publish:    'F F F F F F F F',
  schedule:   'F F F F F F F F',
  unschedule: 'F F F F F F F F',
  correct:    'F F F F F F F F',
  kill:       'F F F F F F F F',
  spike:      'F F F F F F F F',
  unspike:    'F F F F F F F F',
};

/** A reporter on the byline: submit their draft, recall it unclaimed, spike their own draft. */
// prettier-ignore
const REPORTER_AUTHOR: Grid = {
  submit:     '+ S S S S S S S',
  recall:     'S + S S S S S S',
  claim:      'F F F F F F F F',
  sendBack:   'F F F F F F F F',
  approve:    'F F F F F F F F',
  reopen:     'F F F F F F F F',
  publish:    'F F F F F F F F',
  schedule:   'F F F F F F F F',
  unschedule: 'F F F F F F F F',
  correct:    'F F F F F F F F',
  kill:       'F F F F F F F F',
  spike:      '+ F F F F F F F',
  unspike:    'F F F F F F F F',
};

/** A desk editor on someone else's story. */
// prettier-ignore
const DESK: Grid = {
  submit:     'F F F F F F F F',
  recall:     'F F F F F F F F',
  claim:      'S + S S S S S S',
  sendBack:   'S + + S S S S S',
  approve:    'S S + S S S S S',
  reopen:     'S S S + + S S S',
  publish:    'S S S + S S S S',
  schedule:   'S S S + S S S S',
  unschedule: 'S S S S + S S S',
  correct:    'S S S S S + S S',
  kill:       'S S S S S + S S',
  spike:      '+ + + + + S S S',
  unspike:    'S S S S S S S +',
};

/** A desk editor on the byline: a reporter's rights too, but never approve (four eyes). */
// prettier-ignore
const DESK_AUTHOR: Grid = {
  submit:     '+ S S S S S S S',
  recall:     'S + S S S S S S',
  claim:      'S + S S S S S S',
  sendBack:   'S + + S S S S S',
  approve:    'F F F F F F F F',
  reopen:     'S S S + + S S S',
  publish:    'S S S + S S S S',
  schedule:   'S S S + S S S S',
  unschedule: 'S S S S + S S S',
  correct:    'S S S S S + S S',
  kill:       'S S S S S + S S',
  spike:      '+ + + + + S S S',
  unspike:    'S S S S S S S +',
};

/**
 * A desk editor who wrote the story but is not on its byline now (created it, or took their name
 * off): a desk editor's rights on someone else's story, except approve (four eyes).
 */
// prettier-ignore
const DESK_FORMER_AUTHOR: Grid = {
  ...DESK,
  approve:    'F F F F F F F F',
};

/**
 * How the person stands to the story: on the byline (`true`), never involved (`false`), was on
 * the byline and was removed (`former`), created it and is not on the byline (`creator`), or
 * created it with no authors record naming them (`creatorOnly`: the rule still sees createdBy).
 * `{ share }`: never on the byline, but wrote that percentage of the current text (copy-editing).
 */
type Authorship = boolean | 'former' | 'creator' | 'creatorOnly' | { share: number };

interface Persona {
  name: string;
  roles: Role[];
  author: Authorship;
  grid: Grid;
}

const PERSONAS: Persona[] = [
  { name: 'reporter, author', roles: ['reporter'], author: true, grid: REPORTER_AUTHOR },
  { name: 'reporter, not author', roles: ['reporter'], author: false, grid: NOBODY },
  { name: 'desk editor, author', roles: ['desk_editor'], author: true, grid: DESK_AUTHOR },
  { name: 'desk editor, not author', roles: ['desk_editor'], author: false, grid: DESK },
  { name: 'photo editor, author', roles: ['photo_editor'], author: true, grid: NOBODY },
  { name: 'photo editor, not author', roles: ['photo_editor'], author: false, grid: NOBODY },
  { name: 'admin, author', roles: ['admin'], author: true, grid: NOBODY },
  { name: 'admin, not author', roles: ['admin'], author: false, grid: NOBODY },
  { name: 'no role, author', roles: [], author: true, grid: NOBODY },
  { name: 'reporter + desk editor, author', roles: ['reporter', 'desk_editor'], author: true, grid: DESK_AUTHOR },
  { name: 'reporter + desk editor, not author', roles: ['reporter', 'desk_editor'], author: false, grid: DESK },
  { name: 'reporter + photo editor, author', roles: ['reporter', 'photo_editor'], author: true, grid: REPORTER_AUTHOR },
  { name: 'reporter + photo editor, not author', roles: ['reporter', 'photo_editor'], author: false, grid: NOBODY },
  { name: 'photo editor + desk editor, not author', roles: ['photo_editor', 'desk_editor'], author: false, grid: DESK },
  { name: 'admin + desk editor, author', roles: ['admin', 'desk_editor'], author: true, grid: DESK_AUTHOR },
  { name: 'every role, not author', roles: [...ROLES], author: false, grid: DESK },
  { name: 'desk editor, removed from the byline', roles: ['desk_editor'], author: 'former', grid: DESK_FORMER_AUTHOR },
  { name: 'desk editor, created it, not on the byline', roles: ['desk_editor'], author: 'creator', grid: DESK_FORMER_AUTHOR },
  { name: 'desk editor, created it, no authors record', roles: ['desk_editor'], author: 'creatorOnly', grid: DESK_FORMER_AUTHOR },
  { name: 'reporter + desk editor, removed from the byline', roles: ['reporter', 'desk_editor'], author: 'former', grid: DESK_FORMER_AUTHOR },
  { name: 'reporter, removed from the byline', roles: ['reporter'], author: 'former', grid: NOBODY },
  // Four eyes by what was written: copy-editing up to the limit leaves a desk editor free to approve.
  { name: 'desk editor, wrote 3% of the text', roles: ['desk_editor'], author: { share: 3 }, grid: DESK },
  { name: 'desk editor, wrote exactly the limit', roles: ['desk_editor'], author: { share: APPROVE_ALONE_MAX_SHARE }, grid: DESK },
  { name: 'desk editor, wrote just past the limit', roles: ['desk_editor'], author: { share: APPROVE_ALONE_MAX_SHARE + 1 }, grid: DESK_FORMER_AUTHOR },
  { name: 'desk editor, rewrote it all', roles: ['desk_editor'], author: { share: 100 }, grid: DESK_FORMER_AUTHOR },
  { name: 'reporter, wrote most of the text', roles: ['reporter'], author: { share: 80 }, grid: NOBODY },
];

const ME = 7;
const OTHER = 8;

function story(status: Status, author: Authorship, claimedBy: number | null = null): WorkflowStory {
  const textShares: WorkflowStory['textShares'] = [];
  if (typeof author === 'object') {
    return {
      status,
      bylineIds: [OTHER],
      authorIds: [OTHER],
      textShares: [
        { staffId: OTHER, percent: 100 - author.share },
        { staffId: ME, percent: author.share },
      ],
      createdBy: OTHER,
      claimedBy,
    };
  }
  switch (author) {
    case true:
      return { status, bylineIds: [ME, 99], authorIds: [ME, 99], textShares, createdBy: ME, claimedBy };
    case 'former':
      return { status, bylineIds: [OTHER], authorIds: [ME, OTHER], textShares, createdBy: OTHER, claimedBy };
    case 'creator':
      return { status, bylineIds: [OTHER], authorIds: [ME, OTHER], textShares, createdBy: ME, claimedBy };
    case 'creatorOnly':
      return { status, bylineIds: [OTHER], authorIds: [OTHER], textShares, createdBy: ME, claimedBy };
    case false:
      return { status, bylineIds: [OTHER], authorIds: [OTHER], textShares, createdBy: OTHER, claimedBy };
  }
}

const cell = (grid: Grid, action: Action, status: Status): Cell => {
  const cells = grid[action].split(' ');
  expect(cells).toHaveLength(COLUMNS.length);
  return cells[COLUMNS.indexOf(status)] as Cell;
};

describe('the workflow matrix', () => {
  it('the table covers every status and action', () => {
    expect([...COLUMNS].sort()).toEqual([...STATUSES].sort());
    for (const grid of [NOBODY, REPORTER_AUTHOR, DESK, DESK_AUTHOR, DESK_FORMER_AUTHOR]) expect(Object.keys(grid).sort()).toEqual([...ACTIONS].sort());
  });

  for (const persona of PERSONAS) {
    it(persona.name, () => {
      const person: Person = { id: ME, roles: persona.roles };
      let walked = 0;
      for (const status of STATUSES) {
        const s = story(status, persona.author);
        const expectedAllowed: Action[] = [];
        for (const action of ACTIONS) {
          const want = cell(persona.grid, action, status);
          const got = refusal(action, s, person);
          const where = `${persona.name}: ${action} on ${status}`;
          if (want === '+') {
            expectedAllowed.push(action);
            expect(got, where).toBeNull();
          } else {
            expect(got?.code, where).toBe(want === 'F' ? 'FORBIDDEN' : 'INVALID_STATE');
            expect(got?.message, where).toBeTruthy();
          }
          walked += 1;
        }
        expect(allowedActions(s, person).sort(), `${persona.name} on ${status}`).toEqual(expectedAllowed.sort());
      }
      expect(walked).toBe(STATUSES.length * ACTIONS.length);
    });
  }

  it('four eyes: a desk editor on the byline cannot approve, and is told why', () => {
    const desk: Person = { id: ME, roles: ['desk_editor'] };
    const r = refusal('approve', story('editing', true, ME), desk);
    expect(r?.code).toBe('FORBIDDEN');
    expect(r?.message).toMatch(/byline/);
    // Creating the story, or having been on its byline, counts as writing it even after the name is gone.
    const former = refusal('approve', { status: 'editing', bylineIds: [OTHER], authorIds: [OTHER, ME], textShares: [], createdBy: OTHER, claimedBy: ME }, desk);
    expect(former?.code).toBe('FORBIDDEN');
    expect(former?.message).toMatch(/wrote or were a byline/);
    expect(refusal('approve', { status: 'editing', bylineIds: [OTHER], authorIds: [OTHER], textShares: [], createdBy: ME, claimedBy: ME }, desk)?.code).toBe('FORBIDDEN');
    // Someone who never wrote it approves.
    expect(refusal('approve', { status: 'editing', bylineIds: [OTHER], authorIds: [OTHER], textShares: [], createdBy: OTHER, claimedBy: ME }, desk)).toBeNull();
  });

  it('four eyes by share: a desk editor who wrote more than the limit of the text is told the figure', () => {
    const desk: Person = { id: ME, roles: ['desk_editor'] };
    const rewrote = refusal('approve', { ...story('editing', { share: 62 }, ME) }, desk);
    expect(rewrote?.code).toBe('FORBIDDEN');
    expect(rewrote?.message).toBe(
      `You wrote 62% of this story's text; the desk's limit for approving alone is ${APPROVE_ALONE_MAX_SHARE}%: another desk editor must approve it.`,
    );
    // The byline reason comes first for someone who is both.
    const both = { ...story('editing', true, ME), textShares: [{ staffId: ME, percent: 90 }] };
    expect(refusal('approve', both, desk)?.message).toMatch(/byline on/);
    // Another desk editor, who wrote none of it, approves; so does one who fixed a few words.
    expect(refusal('approve', story('editing', { share: 62 }, ME), { id: 99, roles: ['desk_editor'] })).toBeNull();
    expect(refusal('approve', story('editing', { share: 2 }, ME), desk)).toBeNull();
    expect(allowedActions(story('editing', { share: 62 }, ME), desk)).not.toContain('approve');
  });

  it('a reporter spikes only their own draft', () => {
    const reporter: Person = { id: ME, roles: ['reporter'] };
    expect(refusal('spike', story('draft', true), reporter)).toBeNull();
    expect(refusal('spike', story('draft', false), reporter)?.code).toBe('FORBIDDEN');
    expect(refusal('spike', story('submitted', true), reporter)?.code).toBe('FORBIDDEN');
  });
});

describe('textEditRefusal: who may change the text', () => {
  // Columns as above. For `editing` the three cases are: claimed by me, by another desk editor, by nobody.
  type TextRow = { roles: Role[]; author: boolean; byStatus: string; editing: [Cell, Cell, Cell] };
  const rows: TextRow[] = [
    { roles: ['reporter'], author: true, byStatus: '+ S x S S S S S', editing: ['F', 'F', 'F'] },
    { roles: ['reporter'], author: false, byStatus: 'F S x S S S S S', editing: ['F', 'F', 'F'] },
    { roles: ['desk_editor'], author: true, byStatus: '+ S x S S S S S', editing: ['+', 'F', '+'] },
    { roles: ['desk_editor'], author: false, byStatus: 'F S x S S S S S', editing: ['+', 'F', '+'] },
    { roles: ['photo_editor'], author: true, byStatus: 'F S x S S S S S', editing: ['F', 'F', 'F'] },
    { roles: ['photo_editor'], author: false, byStatus: 'F S x S S S S S', editing: ['F', 'F', 'F'] },
    { roles: ['admin'], author: true, byStatus: 'F S x S S S S S', editing: ['F', 'F', 'F'] },
    { roles: ['reporter', 'desk_editor'], author: false, byStatus: 'F S x S S S S S', editing: ['+', 'F', '+'] },
  ];
  for (const row of rows) {
    it(`${row.roles.join(' + ')}, ${row.author ? 'author' : 'not author'}`, () => {
      const person: Person = { id: ME, roles: row.roles };
      const cells = row.byStatus.split(' ');
      COLUMNS.forEach((status, i) => {
        const cases: [WorkflowStory, Cell][] =
          status === 'editing'
            ? [
                [story(status, row.author, ME), row.editing[0]],
                [story(status, row.author, OTHER), row.editing[1]],
                [story(status, row.author, null), row.editing[2]],
              ]
            : [[story(status, row.author), cells[i] as Cell]];
        for (const [s, want] of cases) {
          const got = textEditRefusal(s, person);
          const where = `${status} claimed by ${s.claimedBy}`;
          if (want === '+') expect(got, where).toBeNull();
          else expect(got?.code, where).toBe(want === 'F' ? 'FORBIDDEN' : 'INVALID_STATE');
          expect(canEditText(s, person), where).toBe(want === '+');
        }
      });
    });
  }
});

describe('photoEditRefusal: who may attach, detach, reorder and re-caption photos', () => {
  const rows: { roles: Role[]; author: boolean; grid: string }[] = [
    // Photo editors and desk editors: any story not yet approved, without the text lock.
    { roles: ['photo_editor'], author: false, grid: '+ + + S S S S S' },
    { roles: ['photo_editor'], author: true, grid: '+ + + S S S S S' },
    { roles: ['desk_editor'], author: false, grid: '+ + + S S S S S' },
    { roles: ['photo_editor', 'reporter'], author: false, grid: '+ + + S S S S S' },
    // A reporter places photos in their own draft only.
    { roles: ['reporter'], author: true, grid: '+ F F F F F F F' },
    { roles: ['reporter'], author: false, grid: 'F F F F F F F F' },
    { roles: ['admin'], author: false, grid: 'F F F F F F F F' },
    { roles: [], author: true, grid: 'F F F F F F F F' },
  ];
  for (const row of rows) {
    it(`${row.roles.join(' + ') || 'no role'}, ${row.author ? 'author' : 'not author'}`, () => {
      const person: Person = { id: ME, roles: row.roles };
      const cells = row.grid.split(' ');
      COLUMNS.forEach((status, i) => {
        // Photo desk work never depends on who holds the story.
        for (const claimedBy of [null, OTHER]) {
          const got = photoEditRefusal(story(status, row.author, claimedBy), person);
          const want = cells[i];
          if (want === '+') expect(got, status).toBeNull();
          else expect(got?.code, status).toBe(want === 'F' ? 'FORBIDDEN' : 'INVALID_STATE');
        }
      });
    });
  }
});
