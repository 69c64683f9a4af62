// The desk's check settings (headline and sentence limits, the house-style list) and the people
// list as the editor's live checks read them: fetched when a story opens, replaced when the
// house-style or people-list screen saves, and the engine's defaults (no people) until the first
// answer (so checks never wait on the network).

export { pickCheckSettings };
import { create } from 'zustand';
import { DEFAULT_CHECK_SETTINGS, pickCheckSettings } from '../../shared/checks/index.js';
import type { HousePerson } from '../../shared/checks/people.js';
import type { CheckSettings, Settings } from '../../shared/domain.js';
import { api } from '../api/client.js';

interface CheckSettingsState {
  settings: CheckSettings;
  /** The newsroom's people list (house spellings and aliases). */
  people: readonly HousePerson[];
  /** Fetches the current settings (each open story asks once; a failure keeps what is known). */
  load(): Promise<void>;
  /** The settings just saved here (settings.update answers with all of them). */
  set(settings: Settings | CheckSettings): void;
  /** The people list just changed here (the people-list screen). */
  setPeople(people: readonly HousePerson[]): void;
}

const NO_PEOPLE: readonly HousePerson[] = [];

export const useCheckSettings = create<CheckSettingsState>((set, get) => ({
  settings: DEFAULT_CHECK_SETTINGS,
  people: NO_PEOPLE,
  load: async () => {
    const [settings, people] = await Promise.all([
      api.settings.get({}).then(
        (r) => r.settings,
        () => null,
      ),
      api.people.all({}).then(
        (r) => r.people,
        () => null,
      ),
    ]);
    // Offline or refused: the checks run with what is known. Unchanged settings keep their object:
    // the editor re-checks when it changes, and must not re-check (with "Check as I type" off)
    // just because a story event made it ask again.
    const next = settings ? pickCheckSettings(settings) : null;
    if (next && JSON.stringify(next) !== JSON.stringify(get().settings)) set({ settings: next });
    if (people && JSON.stringify(people) !== JSON.stringify(get().people)) get().setPeople(people);
  },
  set: (settings) => set({ settings: pickCheckSettings(settings) }),
  // The people list is an input of the checks like the settings: a new settings object makes the
  // editor check again, as it does when the house style changes.
  setPeople: (people) => set({ people, settings: { ...get().settings } }),
}));
