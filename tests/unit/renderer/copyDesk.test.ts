// The editor's copy-desk logic that needs no browser: a fix's body edits as one ProseMirror
// transaction, mapped through what was typed since the check ran (and refused when the words
// changed); caption marks cut at overlaps; the house-style form's parsing and checks.
import { getSchema } from '@tiptap/core';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import * as draft from '../../../renderer/admin/houseStyleDraft.js';
import * as fixes from '../../../renderer/copyDesk/applyFix.js';
import * as marks from '../../../renderer/copyDesk/findingMarks.js';
import type { MarkSource } from '../../../renderer/copyDesk/findingMarks.js';
import { storyExtensions } from '../../../renderer/editor/schema.js';
import * as marked from '../../../renderer/ui/MarkedText.js';
import { bodyText, docFromParagraphs } from '../../../shared/body.js';
import type { FixEdit, StoryPhoto } from '../../../shared/domain.js';

// The editor's own schema, as the story body is built in the app.
const schema = getSchema(storyExtensions());
const PARAGRAPHS = ['South Korea and Japan agreed on Monday.', 'The talks were attended by Seo Min-jeong of the ministry.', 'Seo Min-jeong said little.'];

function stateOf(paragraphs: string[]): EditorState {
  return EditorState.create({ doc: schema.nodeFromJSON(docFromParagraphs(paragraphs)), plugins: [marks.findingMarksPlugin()] });
}

/** Offsets of `word` in bodyText (nth occurrence). */
function rangeOf(paragraphs: string[], word: string, nth = 0): { from: number; to: number } {
  const text = bodyText(docFromParagraphs(paragraphs));
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`${word} not in the text`);
  return { from: at, to: at + word.length };
}

const bodyEdit = (range: { from: number; to: number }, find: string, replace: string): FixEdit => ({ place: { field: 'body', range }, find, replace });

/** A check run's findings shown in the editor, computed on the document as it is now. */
function showFindings(state: EditorState, findings: MarkSource[]): EditorState {
  const anchor = { doc: state.doc, version: marks.marksVersion(state) };
  return state.apply(state.tr.setMeta(marks.findingMarksKey as never, marks.showFindings(findings, anchor, null)));
}

const texts = (state: EditorState) => {
  const out: string[] = [];
  state.doc.forEach((n) => out.push(n.textContent));
  return out;
};

describe('a fix in the body', () => {
  it('edits every place in one transaction, right to left, after text typed earlier in the story', () => {
    let state = showFindings(stateOf(PARAGRAPHS), []);
    const first = rangeOf(PARAGRAPHS, 'Seo Min-jeong', 0);
    const second = rangeOf(PARAGRAPHS, 'Seo Min-jeong', 1);
    // Typed after the check ran, before the fix: everything after it moves.
    state = state.apply(state.tr.insertText('Breaking: ', 1));
    const tr = fixes.bodyFixTransaction(state, [bodyEdit(first, 'Seo Min-jeong', 'Seo Min-jung'), bodyEdit(second, 'Seo Min-jeong', 'Seo Min-jung')]);
    expect(tr).not.toBe(fixes.STALE);
    state = state.apply(tr as Transaction);
    expect(texts(state)).toEqual([
      'Breaking: South Korea and Japan agreed on Monday.',
      'The talks were attended by Seo Min-jung of the ministry.',
      'Seo Min-jung said little.',
    ]);
  });

  it('is stale, changing nothing, when the words it replaces were retyped', () => {
    let state = showFindings(stateOf(PARAGRAPHS), []);
    const first = rangeOf(PARAGRAPHS, 'Seo Min-jeong', 0);
    const startOfName = 1 + PARAGRAPHS[0]!.length + 2 + 'The talks were attended by '.length;
    // "jeong" → "jong", inside the range.
    const pos = startOfName + 'Seo Min-j'.length + 1;
    state = state.apply(state.tr.delete(pos, pos + 1));
    expect(fixes.bodyFixTransaction(state, [bodyEdit(first, 'Seo Min-jeong', 'Seo Min-jung')])).toBe(fixes.STALE);
  });

  it('removes a repeated paragraph as a node, not as an empty paragraph', () => {
    const paragraphs = ['One.', 'The same paragraph.', 'The same paragraph.', 'Three.'];
    const state = showFindings(stateOf(paragraphs), []);
    const range = rangeOf(paragraphs, 'The same paragraph.', 1);
    const tr = fixes.bodyFixTransaction(state, [bodyEdit(range, 'The same paragraph.', '')]);
    expect(texts(state.apply(tr as Transaction))).toEqual(['One.', 'The same paragraph.', 'Three.']);
  });

  it('removes a paragraph whose edit includes the blank line before it', () => {
    const paragraphs = ['One.', 'Again.', 'Again.'];
    const state = showFindings(stateOf(paragraphs), []);
    const range = rangeOf(paragraphs, 'Again.', 1);
    const tr = fixes.bodyFixTransaction(state, [bodyEdit({ from: range.from - 2, to: range.to }, '\n\nAgain.', '')]);
    expect(texts(state.apply(tr as Transaction))).toEqual(['One.', 'Again.']);
  });

  it('keeps marks on the right words while typing continues, until the next run', () => {
    let state = showFindings(stateOf(PARAGRAPHS), [
      { key: 'name', severity: 'warning', message: 'm', ranges: [{ ...rangeOf(PARAGRAPHS, 'Seo Min-jeong', 0), place: 0 }] },
    ]);
    state = state.apply(state.tr.insertText('Updated: ', 1));
    const [deco] = marks.findingMarksKey.getState(state)!.decos.find();
    expect(state.doc.textBetween(deco!.from, deco!.to)).toBe('Seo Min-jeong');
  });
});

describe('a fix in the fields and captions', () => {
  it('edits headline and subheadline text, or is stale', () => {
    const fields = { headline: 'N. Korea fires missile', subheadlines: ['AEGIS ships track it'], dateline: 'SEOUL', slug: 'KOR-MISSILE', byline: [], desk: 'National' };
    const next = fixes.fieldFix(fields, [{ place: { field: 'subheadlines', index: 0, range: { from: 0, to: 5 } }, find: 'AEGIS', replace: 'Aegis' }]);
    expect(next).toEqual({ subheadlines: ['Aegis ships track it'] });
    expect(fixes.fieldFix(fields, [{ place: { field: 'headline', range: { from: 0, to: 5 } }, find: 'North', replace: 'N.' }])).toBe(fixes.STALE);
  });

  it('gathers one update per photo', () => {
    // photoFix reads a placement's id, caption, credit and alt only.
    const photos = [{ id: 7, caption: 'Seo Min-jung (second from left)', credit: 'Yonhap', alt: '' } as StoryPhoto];
    expect(
      fixes.photoFix(photos, [{ place: { field: 'caption', storyPhotoId: 7, range: { from: 0, to: 12 } }, find: 'Seo Min-jung', replace: 'Seo Min-jeong' }]),
    ).toEqual([{ id: 7, changes: { caption: 'Seo Min-jeong (second from left)' } }]);
  });
});

describe('caption marks', () => {
  it('cut overlapping ranges and keep the most serious; ranges past the text are dropped', () => {
    const pieces = marked.markPieces('서민정 국장과 Seo Min-jung', [
      { from: 0, to: 3, severity: 'info', title: 'a' },
      { from: 1, to: 6, severity: 'warning', title: 'b' },
      { from: 8, to: 99, severity: 'blocking', title: 'stale' },
    ]);
    expect(pieces.map((p) => [p.text, p.mark?.severity ?? null])).toEqual([
      ['서', 'info'],
      ['민정 국장', 'warning'],
      ['과 Seo Min-jung', null],
    ]);
  });
});

describe('the house-style form', () => {
  it('splits forms on commas (Korean ones too) and lines, trimmed and without repeats', () => {
    expect(draft.splitForms('북괴， 북\nAEGIS, AEGIS ,\n\n')).toEqual(['북괴', '북', 'AEGIS']);
  });

  it('names each problem beside its field', () => {
    const result = draft.validate({
      headlineMaxChars: '5',
      sentenceMaxWords: '45',
      rules: [
        { uid: 1, preferred: 'Aegis', avoid: 'AEGIS', where: 'everywhere', note: '' },
        { uid: 2, preferred: '', avoid: '', where: 'body', note: '' },
        { uid: 3, preferred: 'Aegis system', avoid: 'AEGIS', where: 'body', note: '' },
        { uid: 4, preferred: '북한', avoid: '북한', where: 'body', note: '' },
      ],
    });
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual(['1.avoid', '1.preferred', '2.avoid', '3.avoid', 'headlineMaxChars']);
  });

  it('sends trimmed rules and whole numbers', () => {
    const result = draft.validate({
      headlineMaxChars: '90',
      sentenceMaxWords: ' 45 ',
      rules: [{ uid: 1, preferred: ' 북한 ', avoid: '북괴, 북조선', where: 'body', note: ' ' }],
    });
    expect(result).toEqual({ settings: { headlineMaxChars: 90, sentenceMaxWords: 45, houseStyle: [{ preferred: '북한', avoid: ['북괴', '북조선'], where: 'body' }] } });
  });

  it("maps the core's VALIDATION details onto the fields", () => {
    expect(
      draft.errorsFromDetails(
        [
          { path: 'houseStyle.2.avoid', message: 'a form to avoid must differ' },
          { path: 'sentenceMaxWords', message: 'too small' },
        ],
        'Invalid',
      ),
    ).toEqual({
      '2.avoid': 'a form to avoid must differ',
      sentenceMaxWords: 'too small',
    });
    expect(draft.errorsFromDetails(undefined, 'Refused')).toEqual({ form: 'Refused' });
  });
});
