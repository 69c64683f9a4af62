// What the story's fields and the Photos tab say, from what the core answered.
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../../renderer/editor/fields.js';
import { captionHint } from '../../../renderer/photos/captionHint.js';

describe('oneLine (a pasted headline)', () => {
  it('joins lines with one space', () => {
    expect(oneLine('North Korea fires\nmissile')).toBe('North Korea fires missile');
    expect(oneLine('North Korea fires  \r\n\r\n  missile')).toBe('North Korea fires missile');
    expect(oneLine('북한\n미사일 발사')).toBe('북한 미사일 발사');
    expect(oneLine('No break here')).toBe('No break here');
  });
});

describe('captionHint', () => {
  it('names the roles and the people who may change a caption', () => {
    expect(captionHint('submitted', { roles: ['desk_editor', 'photo_editor'], people: [] })).toBe('Desk editors and photo editors can change captions on this story.');
    expect(captionHint('draft', { roles: ['desk_editor', 'photo_editor'], people: [{ id: 1, name: 'Ji Da-gyum' }] })).toBe(
      'Desk editors, photo editors and Ji Da-gyum can change captions on this story.',
    );
  });

  it('says no one can when no one may', () => {
    expect(captionHint('approved', { roles: [], people: [] })).toBe('No one can change a caption while the story is approved.');
    expect(captionHint('published', { roles: [], people: [] })).toBe('No one can change a caption while the story is published.');
  });
});
