// Folder names for published packages. A slug typed by a person becomes one path segment of
// ASCII lower-case letters, digits and hyphens, so no slug can climb out of published/ or the
// export folder, collide with a device name on Windows, or differ only by Unicode form.

import { foldLatin } from '../../shared/slug.js';

const MAX_SLUG = 80;

/** Names Windows reserves whatever the extension (CON.txt is CON), so a package can travel. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/;

/**
 * The folder name for a story's packages: the slug transliterated to ASCII where Latin letters
 * allow, everything else collapsed to hyphens; `story-<id>` when nothing usable is left.
 */
export function packageSlug(slug: string, storyId: number): string {
  const ascii = foldLatin(slug)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
  if (ascii === '' || RESERVED.test(ascii) || !/[a-z0-9]/.test(ascii)) return `story-${storyId}`;
  return ascii;
}

/** True when `name` is a folder name packageSlug could have produced (a second guard before any write). */
export function isSafeSegment(name: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) && name.length <= MAX_SLUG + 12 && !RESERVED.test(name);
}
