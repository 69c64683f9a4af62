// The messages between the editor and the copy-check worker. Each request carries a sequence
// number so a late answer to an older text is recognised and dropped.
import type { HousePerson } from '../../shared/checks/people.js';
import type { CheckSettings, Finding, Story, StoryPhoto } from '../../shared/domain.js';

/** What the engine needs: the story as it stands in the editor (saved or not), its photos, the desk's limits and the people list. */
export interface CheckRun {
  story: Story;
  photos: StoryPhoto[];
  settings: CheckSettings;
  people?: readonly HousePerson[];
}

export interface CheckRequest {
  seq: number;
  input: CheckRun;
}

export type CheckReply = { seq: number; findings: Finding[] } | { seq: number; error: string };
