// The desktop's newsroom as the renderer knows it: desktop.status, read once at start (it is
// public: the chooser shows before anyone signs in) and then kept by the shell's
// `desktop.changed` events; and, for a signed-in person on a connected desktop, the outbox,
// read again whenever the status changes. A newsroom server (mode 'server') answers too, and the
// renderer then shows nothing of this.
import { create } from 'zustand';
import type { DesktopStatus, OutboxEntry } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { isConnectedDesktop } from './desktopWords.js';

interface DesktopState {
  /** Null until read, or when nothing answers desktop.status (then nothing of this shows). */
  status: DesktopStatus | null;
  /** The outbox of a connected desktop, oldest first; [] elsewhere or before it is read. */
  outbox: OutboxEntry[];
  /** The newsroom chooser is open over the app (File ▸ Newsroom…, or the "Newsroom…" button). */
  choosing: boolean;
  /** The outbox view is open. */
  outboxOpen: boolean;
  setStatus(status: DesktopStatus): void;
  setChoosing(open: boolean): void;
  setOutboxOpen(open: boolean): void;
}

export const useDesktop = create<DesktopState>((set) => ({
  status: null,
  outbox: [],
  choosing: false,
  outboxOpen: false,
  setStatus: (status) => set({ status }),
  setChoosing: (choosing) => set({ choosing }),
  setOutboxOpen: (outboxOpen) => set({ outboxOpen }),
}));

/** Reads desktop.status; null when it cannot be read (the app then works as it always did). */
export async function loadDesktopStatus(): Promise<DesktopStatus | null> {
  try {
    const status = await api.desktop.status({});
    useDesktop.getState().setStatus(status);
    return status;
  } catch {
    return null;
  }
}

/** Reads the outbox again (a connected desktop, someone signed in); keeps the last list when it cannot. */
export async function loadOutbox(): Promise<OutboxEntry[]> {
  if (!isConnectedDesktop(useDesktop.getState().status)) return [];
  try {
    const { entries } = await api.desktop.outbox({});
    useDesktop.setState({ outbox: entries });
    return entries;
  } catch {
    return useDesktop.getState().outbox;
  }
}

/**
 * Follows the shell's `desktop.changed` events (the connection, the outbox's size) and, when
 * someone is signed in, the outbox itself; a resync reads both again. Returns the way to stop.
 */
export function followDesktop(signedIn: boolean): () => void {
  // Signed in (perhaps on a newsroom just chosen): what changed while no event stream was open is read now.
  if (signedIn) void loadDesktopStatus().then(loadOutbox);
  // The event stream came back after a gap: the events it missed may have been the desktop's.
  let wasDown = false;
  const offConnection = api.onConnection((state) => {
    if (state === 'reconnecting') wasDown = true;
    else if (wasDown) {
      wasDown = false;
      void loadDesktopStatus().then(() => (signedIn ? loadOutbox() : undefined));
    }
  });
  const offEvents = api.onEvent((event) => {
    if (event.type === 'desktop.changed') {
      useDesktop.getState().setStatus(event.status);
      if (signedIn) void loadOutbox();
    } else if (event.type === 'resync') {
      void loadDesktopStatus().then(() => (signedIn ? loadOutbox() : undefined));
    }
  });
  return () => {
    offConnection();
    offEvents();
  };
}
