// settings.*: every signed-in person may read settings (the editor needs the lock timeout and
// the check settings, the photo desk the code replacements). Admins change every setting; photo
// editors change only the photo desk's own tools (code replacements and metadata templates), desk
// editors only the copy desk's (the house-style list and the check limits). A refused update
// changes nothing. The export folder is no setting of the API (see exportFolder.ts): settings.get
// reports its name, settings.update refuses it (the contract says why).
// Changed check settings mean every story in the workflow is counted again.

import { CHECK_SETTING_KEYS } from '../../shared/checks/index.js';
import { ApiError } from '../../shared/errors.js';
import type { Settings } from '../../shared/domain.js';
import { hasRole, isDeskEditor, type Person } from '../../shared/workflow.js';
import { signedIn, type Handlers } from '../dispatch.js';
import { toPerson } from '../staff/people.js';
import type { ExportFolderControl } from './exportFolder.js';
import type { CoreServices } from '../services.js';
import type { SettingsStore } from './settingsStore.js';
import { write } from '../write.js';
import { peopleHandlers } from './people.js';

/** The settings the photo desk keeps for itself ("a table the desk edits"). */
export const PHOTO_DESK_SETTINGS: readonly (keyof Settings)[] = ['codeReplacements', 'metadataTemplates'];

/** The settings the copy desk keeps for itself: the house style and the checks' limits. */
export const COPY_DESK_SETTINGS: readonly (keyof Settings)[] = CHECK_SETTING_KEYS;

/** The settings a person may change besides an admin's: by role, the desk's own tools. */
function ownSettings(person: Person): (keyof Settings)[] {
  return [...(hasRole(person, 'photo_editor') ? PHOTO_DESK_SETTINGS : []), ...(isDeskEditor(person) ? COPY_DESK_SETTINGS : [])];
}

const SETTING_NAMES: Record<keyof Settings, string> = {
  lockTimeoutMinutes: 'the lock timeout',
  maxPhotoBytes: 'the largest photo import',
  codeReplacements: 'the code replacements',
  metadataTemplates: 'the metadata templates',
  headlineMaxChars: 'the headline limit',
  sentenceMaxWords: 'the sentence limit',
  houseStyle: 'the house-style list',
  timeZone: 'the time zone',
  publicBaseUrl: 'the public address',
};

/** The keys of `input` whose value differs from the current one (a client may resend unchanged values). */
function changedSettings(input: Partial<Settings>, current: Settings): Partial<Settings> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || !(key in current)) continue;
    if (JSON.stringify(value) !== JSON.stringify(current[key as keyof Settings])) changed[key] = value;
  }
  return changed as Partial<Settings>;
}

export function settingsModule(services: CoreServices, store: SettingsStore, exportFolder: Pick<ExportFolderControl, 'describe'>) {
  const handlers = {
    'settings.get': () => ({ settings: services.settings(), exportFolder: exportFolder.describe() }),
    'settings.update': async (input, ctx) => {
      const person = toPerson(signedIn(ctx));
      const changes = changedSettings(input as Partial<Settings>, services.settings());
      if (!hasRole(person, 'admin')) {
        const own = ownSettings(person);
        if (own.length === 0) throw new ApiError('FORBIDDEN', 'Only an admin may change settings.');
        const outside = (Object.keys(changes) as (keyof Settings)[]).filter((key) => !own.includes(key));
        if (outside.length > 0) {
          throw new ApiError(
            'FORBIDDEN',
            `You may change only ${own.map((k) => SETTING_NAMES[k]).join(', ')}, not ${outside.map((k) => SETTING_NAMES[k]).join(' or ')}. Ask an admin.`,
          );
        }
      }
      if (Object.keys(changes).length > 0) {
        await write(services, async (events) => {
          events.push({ type: 'settings.changed', keys: Object.keys(changes) as (keyof Settings)[] });
          await store.update(changes);
        }).finally(() => store.load());
        if (COPY_DESK_SETTINGS.some((key) => key in changes)) await services.copyDesk.recountAll();
      }
      return { settings: services.settings() };
    },
  } satisfies Partial<Handlers>;
  return { handlers: { ...handlers, ...peopleHandlers(services) } };
}
