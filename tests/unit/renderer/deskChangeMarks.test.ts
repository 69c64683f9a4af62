// The desk's changes marked in the body: each insertion covers exactly the inserted words of the
// live document, each deletion stands where the deleted words were, and nothing is marked on a
// document that holds other text than the diff's.
import { getSchema } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { deskChangeDecorations } from '../../../renderer/editor/deskChangeMarks.js';
import { storyExtensions } from '../../../renderer/editor/schema.js';
import { bodyText, docFromParagraphs } from '../../../shared/body.js';
import { diffWords } from '../../../shared/diff.js';
import type { DocNode } from '../../../shared/domain.js';

const schema = getSchema(storyExtensions());

const BEFORE = ['North Korea fired a missile on Tuesday.', 'The launch came after the annual summer exercise.'];
const AFTER = ['North Korea fired two ballistic missiles on Tuesday.', 'The launch came after the exercise.'];

function marksOn(doc: PMNode, before: string[], after: DocNode) {
  const parts = diffWords(bodyText(docFromParagraphs(before)), bodyText(after));
  const set = deskChangeDecorations(doc, parts);
  if (!set) return null;
  const found = set.find();
  return {
    inserted: found.filter((d) => d.from < d.to).map((d) => doc.textBetween(d.from, d.to)),
    // A widget is a point: the deleted words it shows stand at the text before it.
    deletedAt: found.filter((d) => d.from === d.to && String(d.spec.key).startsWith('del-')).map((d) => doc.textBetween(0, d.from, '\n').slice(-12)),
  };
}

describe('the desk’s changes as marks in the editor', () => {
  it('marks the inserted words where they stand and each deletion where the words were', () => {
    const after = docFromParagraphs(AFTER);
    const marks = marksOn(schema.nodeFromJSON(after), BEFORE, after);
    expect(marks?.inserted).toEqual(['two ballistic missiles']);
    expect(marks?.deletedAt).toEqual(['Korea fired ', 'me after the']);
  });

  it('marks a body that ends with a photo, after which the editor keeps an empty paragraph', () => {
    const after: DocNode = { type: 'doc', content: [...docFromParagraphs(AFTER).content!, { type: 'figure', attrs: { storyPhotoId: 7 } }] };
    const inEditor = schema.nodeFromJSON({ ...after, content: [...after.content!, { type: 'paragraph' }] });
    expect(marksOn(inEditor, BEFORE, after)?.inserted).toEqual(['two ballistic missiles']);
  });

  it('marks nothing on a document holding other text (it would point at the wrong words)', () => {
    const after = docFromParagraphs(AFTER);
    const typedSince = schema.nodeFromJSON(docFromParagraphs(['North Korea fired two ballistic missiles on Tuesday morning.', AFTER[1]!]));
    expect(marksOn(typedSince, BEFORE, after)).toBeNull();
  });

  it('marks Korean words', () => {
    const before = ['북한이 탄도미사일 한 발을 발사했다.'];
    const after = docFromParagraphs(['북한이 단거리 탄도미사일 두 발을 발사했다.']);
    expect(marksOn(schema.nodeFromJSON(after), before, after)?.inserted).toEqual(['단거리 ', '두']);
  });
});
