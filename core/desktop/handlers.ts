// desktop.*: the newsroom's own core answering as the server it is. A desktop app's shell answers
// these for itself (which newsroom, its connection, its outbox); a browser on the newsroom server,
// or a script, reaches the core, which has no offline copy or outbox to show and no newsroom to
// choose: the status says so, and what only a desktop can do is refused in words.

import type { DesktopStatus } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import type { Handlers } from '../dispatch.js';
import type { CoreServices } from '../services.js';

const desktopOnly = (what: string): ApiError => new ApiError('INVALID_STATE', `Only the desktop app ${what}; this is the newsroom server itself.`);

export function desktopHandlers(services: Pick<CoreServices, 'now'>) {
  return {
    'desktop.status': (): DesktopStatus => ({
      mode: 'server',
      chosen: true,
      server: null,
      connection: 'online',
      waiting: 0,
      sending: null,
      // The server is the newsroom's record and its clock: always current, never skewed.
      lastOnlineAt: services.now().toISOString(),
      needsSignIn: false,
      problem: null,
      clockSkewSeconds: 0,
    }),
    'desktop.outbox': () => ({ entries: [] }),
    'desktop.choose': () => {
      throw desktopOnly('chooses its newsroom');
    },
    'desktop.retry': () => {
      throw desktopOnly('has an outbox to send');
    },
    'desktop.resubmit': () => {
      throw desktopOnly('keeps changes to resubmit');
    },
    'desktop.discard': () => {
      throw desktopOnly('keeps changes to discard');
    },
  } satisfies Partial<Handlers>;
}
