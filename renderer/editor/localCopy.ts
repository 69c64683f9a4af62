// An unsaved copy of the story in localStorage, keyed by story id, until the server has it:
// a crash, a closed window or a lost connection never loses what was typed.
import type { BylineEntry, DocNode } from '../../shared/domain.js';

export interface EditableFields {
  headline: string;
  subheadlines: string[];
  slug: string;
  byline: BylineEntry[];
  dateline: string;
  desk: string;
}

export interface LocalCopy {
  storyId: number;
  baseVersion: number;
  savedAt: string;
  fields: EditableFields;
  body: DocNode;
}

const key = (storyId: number) => `newsdesk.unsaved.${storyId}`;

export function readLocalCopy(storyId: number): LocalCopy | null {
  try {
    const raw = localStorage.getItem(key(storyId));
    if (!raw) return null;
    const copy = JSON.parse(raw) as LocalCopy;
    return copy && copy.storyId === storyId && copy.fields && copy.body ? copy : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(copy: LocalCopy): void {
  try {
    localStorage.setItem(key(copy.storyId), JSON.stringify(copy));
  } catch {
    // Storage full or unavailable: the editor still holds the text.
  }
}

export function clearLocalCopy(storyId: number): void {
  try {
    localStorage.removeItem(key(storyId));
  } catch {
    // nothing to do
  }
}
