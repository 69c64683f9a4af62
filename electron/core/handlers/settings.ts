// settings.*: every signed-in person may read settings (the editor needs the lock timeout, the
// photo desk the code replacements); only admins change them.

import { ApiError } from '../../../shared/errors.js';
import type { Settings } from '../../../shared/domain.js';
import { hasRole } from '../../../shared/workflow.js';
import type { Handlers } from '../dispatch.js';
import { toPerson } from '../people.js';
import type { CoreModule, CoreServices } from '../services.js';
import type { SettingsStore } from '../settingsStore.js';
import { write } from '../write.js';

export function settingsModule(services: CoreServices, store: SettingsStore): CoreModule {
  const handlers: Partial<Handlers> = {
    'settings.get': () => ({ settings: services.settings() }),
    'settings.update': (input, ctx) => {
      if (!ctx.staff || !hasRole(toPerson(ctx.staff), 'admin')) throw new ApiError('FORBIDDEN', 'Only an admin may change settings.');
      write(services, () => {
        try {
          store.update(input as Partial<Settings>);
        } catch (error) {
          store.invalidate();
          throw error;
        }
      });
      store.invalidate();
      return { settings: services.settings() };
    },
  };
  return { handlers };
}
