// The Photos tab's line for someone who cannot change the story's captions: who can, as the core
// answered (stories.get photoEditors), or that no one can in the story's status.
import type { Result } from '../../shared/contract.js';
import type { Status } from '../../shared/domain.js';
import { ROLE_LABELS, STATUS_LABELS } from '../app/format.js';

export type PhotoEditors = Result<'stories.get'>['photoEditors'];

const list = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** "Desk editors, photo editors and Ji Da-gyum can change captions on this story.", or "No one can change a caption while the story is approved." */
export function captionHint(status: Status, editors: PhotoEditors): string {
  const who = [...editors.roles.map((role) => `${ROLE_LABELS[role].toLowerCase()}s`), ...editors.people.map((p) => p.name)];
  if (who.length === 0) return `No one can change a caption while the story is ${STATUS_LABELS[status].toLowerCase()}.`;
  const sentence = `${list.format(who)} can change captions on this story.`;
  return sentence[0]!.toUpperCase() + sentence.slice(1);
}
