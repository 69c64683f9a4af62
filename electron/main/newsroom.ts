// This app's newsroom, as main sees it: the desktop shell (desktop/desktopShell.ts) answers every
// call, from this computer's own newsroom or from a newsroom server, whichever the person chose
// (desktop.choose, from the chooser in the window). What only this computer's own newsroom has —
// the export folder, published versions' folders, the first admin's setup code, File ▸ Back up —
// is looked up when asked, because the choice may change while the app runs.

import type { ParsedInput } from '../../shared/contract.js';
import type { DesktopStatus, ExportFolder, SetupCode } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import type { ExportFolderControl } from '../../core/settings/exportFolder.js';
import type { PackageFolders } from '../../core/publishing/packageFolder.js';
import type { TransportCore } from '../../server/coreApi.js';
import type { ClientInfo } from '../../core/dispatch.js';

/** The parts of this computer's own newsroom's core main uses beside its calls. */
export interface LocalNewsroom {
  readonly dataDir: string;
  readonly exportFolder: ExportFolderControl;
  readonly packages: PackageFolders;
  firstAdminSetup(): Promise<SetupCode | null>;
  backup(file: string): Promise<void>;
}

/** The desktop shell as main uses it (DesktopShell has this shape; tests give a fake). */
export interface DesktopShellLike extends TransportCore {
  /** This computer's own newsroom's core, while that is the newsroom open; null when connected to a server or before the first choice. */
  readonly localCore: LocalNewsroom | null;
  status(): DesktopStatus;
  choose(input: ParsedInput<'desktop.choose'>): Promise<DesktopStatus>;
  close(): Promise<void>;
}

/** This computer's own newsroom, or a refusal that says the thing asked for lives on the server. */
export function localNewsroom(shell: DesktopShellLike, what: string): LocalNewsroom {
  const core = shell.localCore;
  if (core) return core;
  throw new ApiError(
    'INVALID_STATE',
    shell.status().chosen
      ? `${what} belongs to a newsroom on this computer. This app works with a newsroom server; its administrator looks after that there.`
      : `Choose a newsroom first: ${what.toLowerCase()} belongs to a newsroom on this computer.`,
  );
}

/** The export folder of this computer's own newsroom (the shell's dialog asks for it by name). */
export function localExportFolder(shell: DesktopShellLike): ExportFolderControl {
  const what = 'The export folder';
  return {
    path: () => shell.localCore?.exportFolder.path() ?? null,
    describe: (): ExportFolder | null => shell.localCore?.exportFolder.describe() ?? null,
    requireAdmin: async (token) => await localNewsroom(shell, what).exportFolder.requireAdmin(token),
    set: async (dir, token) => localNewsroom(shell, what).exportFolder.set(dir, token),
  };
}

/** Published versions' folders of this computer's own newsroom. */
export function localPackages(shell: DesktopShellLike): PackageFolders {
  return { folder: async (token, storyId, version) => localNewsroom(shell, 'A published version’s folder').packages.folder(token, storyId, version) };
}

/**
 * A test may answer the first run through the launch options: this computer's own newsroom, at
 * once. (A folder that already holds a newsroom from before there was a choice stays one: the
 * shell sees to that.) Otherwise the window's chooser asks.
 */
export async function chooseWithoutAsking(shell: DesktopShellLike, firstRun: 'demo' | 'empty' | null): Promise<void> {
  if (!shell.status().chosen && firstRun) await shell.choose({ mode: 'local' });
}

/**
 * The shell in front of IPC, with one question of main's own: the first time "This computer only"
 * is chosen for a folder with no newsroom yet, main asks (a native dialog) whether to create the
 * demo newsroom or an empty one, and tells the shell before it opens the newsroom. Every other
 * call goes to the shell as it is.
 */
export function withFirstRunQuestion(
  shell: DesktopShellLike,
  deps: {
    /** Whether the data folder holds no newsroom yet. */
    isEmpty(): boolean;
    ask(): Promise<'demo' | 'empty' | 'quit'>;
    /** Tells the shell whether the newsroom it is about to create is the demo one. */
    setDemo(demo: boolean): void;
  },
): TransportCore {
  return {
    get dataDir() {
      return shell.dataDir;
    },
    authenticate: (token, opts) => shell.authenticate(token, opts),
    onEvent: (listener) => shell.onEvent(listener),
    async call(token: string | null, method: string, input: unknown, client?: ClientInfo) {
      const local = method === 'desktop.choose' && typeof input === 'object' && input !== null && (input as { mode?: unknown }).mode === 'local';
      if (local && shell.localCore === null && deps.isEmpty()) {
        const answer = await deps.ask();
        if (answer === 'quit') throw new ApiError('INVALID_STATE', 'Nothing was set up. Choose again when you are ready.');
        deps.setDemo(answer === 'demo');
      }
      return shell.call(token, method, input, client);
    },
  };
}
