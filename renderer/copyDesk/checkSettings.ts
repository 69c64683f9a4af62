// The desk's check settings (headline and sentence limits, the house-style list) as the editor's
// live checks read them: fetched when a story opens, replaced when the house-style screen saves,
// and the engine's defaults until the first answer (so checks never wait on the network).

export { pickCheckSettings };
import { create } from 'zustand';
import { DEFAULT_CHECK_SETTINGS, pickCheckSettings } from '../../shared/checks/index.js';
import type { CheckSettings, Settings } from '../../shared/domain.js';
import { api } from '../api/client.js';

interface CheckSettingsState {
  settings: CheckSettings;
  /** Fetches the current settings (each open story asks once; a failure keeps what is known). */
  load(): Promise<void>;
  /** The settings just saved here (settings.update answers with all of them). */
  set(settings: Settings | CheckSettings): void;
}

export const useCheckSettings = create<CheckSettingsState>((set, get) => ({
  settings: DEFAULT_CHECK_SETTINGS,
  load: async () => {
    try {
      const { settings } = await api.settings.get({});
      const next = pickCheckSettings(settings);
      // Unchanged settings keep their object: the editor re-checks when it changes, and must not
      // re-check (with "Check as I type" off) just because a story event made it ask again.
      if (JSON.stringify(next) !== JSON.stringify(get().settings)) set({ settings: next });
    } catch {
      // Offline or refused: the checks run with what is known.
    }
  },
  set: (settings) => set({ settings: pickCheckSettings(settings) }),
}));
