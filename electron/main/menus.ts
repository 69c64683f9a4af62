// The application menu (standard Edit roles so copy/paste/undo work in the editor) and the
// context menu with spell-check suggestions.

import type { MenuItemConstructorOptions } from 'electron';

export const BACKUP_MENU_LABEL = 'Back up newsroom…';
export const NEWSROOM_MENU_LABEL = 'Newsroom…';

export function applicationMenuTemplate(opts: {
  isMac: boolean;
  appName: string;
  dev: boolean;
  onBackup?: () => void;
  /** File ▸ Newsroom…: this computer only, or a newsroom server (the window shows the chooser). */
  onNewsroom?: () => void;
}): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (opts.isMac) {
    template.push({
      label: opts.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  const backup: MenuItemConstructorOptions[] = opts.onBackup ? [{ label: BACKUP_MENU_LABEL, click: opts.onBackup }, { type: 'separator' }] : [];
  const newsroom: MenuItemConstructorOptions[] = opts.onNewsroom ? [{ label: NEWSROOM_MENU_LABEL, click: opts.onNewsroom }, { type: 'separator' }] : [];
  template.push({ label: 'File', submenu: [...newsroom, ...backup, opts.isMac ? { role: 'close' } : { role: 'quit' }] });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(opts.dev ? ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ role: 'windowMenu' });
  return template;
}

/** The parts of Electron's ContextMenuParams the context menu reads. */
export interface ContextMenuParamsLike {
  misspelledWord: string;
  dictionarySuggestions: string[];
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export function contextMenuTemplate(
  params: ContextMenuParamsLike,
  actions: { replaceMisspelling(word: string): void; addToDictionary(word: string): void },
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord) {
    for (const suggestion of params.dictionarySuggestions.slice(0, 6)) {
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    }
    if (params.dictionarySuggestions.length === 0) items.push({ label: 'No suggestions', enabled: false });
    items.push({ label: 'Add to Dictionary', click: () => actions.addToDictionary(params.misspelledWord) });
    items.push({ type: 'separator' });
  }
  if (params.isEditable) {
    items.push({ role: 'cut', enabled: params.editFlags.canCut });
    items.push({ role: 'copy', enabled: params.editFlags.canCopy });
    items.push({ role: 'paste', enabled: params.editFlags.canPaste });
    items.push({ role: 'pasteAndMatchStyle', enabled: params.editFlags.canPaste });
    items.push({ type: 'separator' });
    items.push({ role: 'selectAll', enabled: params.editFlags.canSelectAll });
  } else if (params.selectionText.trim()) {
    items.push({ role: 'copy' });
  }
  return items;
}
