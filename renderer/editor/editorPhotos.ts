// The open story's photos, for figure node views (which render outside the editor's React props).
import { create } from 'zustand';
import type { StoryPhoto } from '../../shared/domain.js';

export const useEditorPhotos = create<{ photos: StoryPhoto[]; set(photos: StoryPhoto[]): void }>((set) => ({
  photos: [],
  set: (photos) => set({ photos }),
}));
