// The opaque paging cursors of the core's lists (stories.list, photos.list): a keyset position,
// a timestamp and an id, sent to the client and back as base64url JSON.

import { ApiError } from '../shared/errors.js';

/** Where a newest-first page ended: the sort time of its last item and its id. */
export type CursorKey = readonly [at: string, id: number];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key a cursor holds; VALIDATION (path 'cursor') for anything this core did not hand out. */
export function decodeCursor(cursor: string): CursorKey {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && v[0].length < 64 && Number.isInteger(v[1])) return [v[0], v[1] as number];
  } catch {
    // fall through
  }
  throw new ApiError('VALIDATION', 'The list cursor is not valid; start again from the first page.', [{ path: 'cursor', message: 'invalid' }]);
}
