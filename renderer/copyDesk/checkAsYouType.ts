// "Check as I type": whether the copy checks follow every pause in typing (the default) or wait
// for "Check now". Kept on this computer, like other personal preferences; read once at start.
import { create } from 'zustand';

const KEY = 'newsdesk.checkAsYouType';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export const useCheckAsYouType = create<{ on: boolean; set(on: boolean): void }>((set) => ({
  on: read(),
  set: (on) => {
    try {
      localStorage.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // Private mode or full storage: the choice lasts for this session.
    }
    set({ on });
  },
}));
