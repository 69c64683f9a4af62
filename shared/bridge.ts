// What the Electron preload exposes as window.newsdesk, and how the renderer turns it into a
// NewsdeskApi. The preload's functions resolve to Envelopes rather than throwing, because an
// Error crossing Electron's contextBridge keeps only its message (code and details would be
// lost); the renderer unwraps them into ApiErrors on its own side.

import { alwaysOnline, buildApi, METHOD_NAMES, splitMethod, type Area, type Input, type MethodName, type NewsdeskApi, type Result } from './contract.js';
import type { ChangeEvent, ExportFolder } from './domain.js';
import { ApiError, type Envelope } from './errors.js';

export interface PickedPhoto {
  name: string;
  /** Typed on an ArrayBuffer so it goes straight into photos.import. */
  data: Uint8Array<ArrayBuffer>;
}

/** Desktop-only helpers beside the API; the browser has none and uses its own file input. */
export interface ShellApi {
  /** Opens the native "Import photos…" dialog; resolves to the chosen files' bytes ([] when cancelled). */
  pickPhotos(): Promise<PickedPhoto[]>;
  /**
   * For an admin's window: opens the native folder dialog and makes the chosen folder the export
   * folder (main hands the path to the core; the page never sees or sends one). Resolves to the
   * export folder now in force (unchanged when cancelled); rejects with the core's refusal.
   */
  chooseExportFolder(): Promise<ExportFolder | null>;
  /** For an admin's window: published packages are no longer copied anywhere. */
  clearExportFolder(): Promise<ExportFolder | null>;
  /**
   * Opens a published version's page (the index.html in its package folder) in the person's web
   * browser, where its images load from the folder beside it. Main finds the folder from the story
   * and version through the core; the page sends no path.
   */
  openPackagePage(storyId: number, version: number): Promise<void>;
  /** Shows a published version's package folder in the file manager (found the same way). */
  showPackageFolder(storyId: number, version: number): Promise<void>;
  /**
   * An empty newsroom on this computer: the first admin's setup code, which a server prints in its
   * console but the desktop app has no console to show. Null once the first admin has a password.
   */
  firstAdminSetupCode(): Promise<string | null>;
  /** Hears File ▸ Newsroom… from the app's menu (the page then shows the newsroom chooser); returns the way to stop. */
  onNewsroomMenu(listener: () => void): () => void;
}

/** What the page may ask of the export folder channel. */
export const EXPORT_FOLDER_ACTIONS = ['choose', 'clear'] as const;
export type ExportFolderAction = (typeof EXPORT_FOLDER_ACTIONS)[number];

/** What the page may ask of a published version's package: open its page, or show its folder. */
export const PACKAGE_ACTIONS = ['openPage', 'showFolder'] as const;
export type PackageAction = (typeof PACKAGE_ACTIONS)[number];

/** window.newsdesk: one async function per contract method (answering an Envelope), onEvent and shell. */
export type NewsdeskBridge = {
  [A in Area]: {
    [M in MethodName as M extends `${A}.${infer F}` ? F : never]: (input: Input<M>) => Promise<Envelope<Result<M>>>;
  };
} & {
  onEvent(listener: (event: ChangeEvent) => void): () => void;
  shell: ShellApi;
};

/** The IPC channel of a contract method. */
export const channelOf = (method: MethodName): string => `newsdesk:${method}`;
export const EVENT_CHANNEL = 'newsdesk:event';
export const PICK_PHOTOS_CHANNEL = 'newsdesk-shell:pickPhotos';
export const EXPORT_FOLDER_CHANNEL = 'newsdesk-shell:exportFolder';
export const PACKAGE_CHANNEL = 'newsdesk-shell:package';
export const FIRST_ADMIN_CHANNEL = 'newsdesk-shell:firstAdminSetupCode';
/** Main to the page: the person chose File ▸ Newsroom…. */
export const NEWSROOM_MENU_CHANNEL = 'newsdesk-shell:newsroomMenu';

/** Builds window.newsdesk from one envelope-returning invoke (the preload's side). */
export function buildBridge(
  invoke: (method: MethodName, input: unknown) => Promise<Envelope<unknown>>,
  onEvent: NewsdeskBridge['onEvent'],
  shell: ShellApi,
): NewsdeskBridge {
  const bridge: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const name of METHOD_NAMES) {
    const [area, fn] = splitMethod(name);
    (bridge[area] ??= {})[fn] = (input: unknown) => invoke(name, input ?? {});
  }
  return Object.assign(bridge, { onEvent, shell }) as unknown as NewsdeskBridge;
}

/** Turns window.newsdesk into the NewsdeskApi (the renderer's side): envelopes become results or ApiErrors. */
export function apiFromBridge(bridge: NewsdeskBridge): NewsdeskApi {
  const table = bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>>;
  return buildApi(
    async (method, input) => {
      const [area, fn] = splitMethod(method);
      const target = table[area]?.[fn];
      if (!target) throw new ApiError('NOT_FOUND', `The desktop bridge has no method ${method}.`);
      const envelope = await target(input);
      if (envelope.ok) return envelope.value;
      throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
    },
    (listener) => bridge.onEvent(listener),
    // IPC inside one process never drops: there is nothing to reconnect.
    alwaysOnline,
  );
}
