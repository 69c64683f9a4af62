// Sessions, kept in the database so they survive a restart and can be listed and ended: an
// unguessable token (32 random bytes, base64url) whose SHA-256 is all that is stored. Each call
// resolves its token here (an indexed lookup); last_seen is written at most once a minute. A
// session ends when its person signs out or ends it, an admin ends it, the password changes or
// is reset, the person is deactivated, or it expires (idle or absolute limit; the sweeper ends
// those every minute). Ending a session releases the text locks its computer held.
// A desktop app working with a newsroom server holds a device session (kind 'desktop'): it lasts
// through days offline, so the desktop can send what it queued, and ends in all the same ways.

import { createHash, randomBytes } from 'node:crypto';
import type { AccountEventKind, Id, SessionInfo, Staff } from '../../shared/domain.js';
import {
  endSessionRecord,
  expiredUnendedSessions,
  findLiveSessionWithStaff,
  getSession,
  insertAccountEvent,
  insertSession,
  listLiveSessions,
  touchSession,
  unendedSessionIds,
  type SessionEndReason,
  type SessionKind,
  type SessionRecord,
} from '../../db/index.js';
import type { ClientInfo } from '../dispatch.js';
import type { CoreServices } from '../services.js';
import { releaseLocksOfSession } from '../stories/releaseLocks.js';
import { write } from '../write.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SessionLimits {
  /** A session not used for this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
}

/** The limits of every browser session (CoreOptions.sessionLimits may change them, for tests). */
export const SESSION_LIMITS: SessionLimits = { idleMs: 12 * HOUR, absoluteMs: 30 * DAY };
/** A desktop's device session: a reporter may be away from the network for weeks (CoreOptions.desktopSessionLimits, for tests). */
export const DESKTOP_SESSION_LIMITS: SessionLimits = { idleMs: 90 * DAY, absoluteMs: 365 * DAY };

/** Each kind of session's limits. */
export type LimitsByKind = Record<SessionKind, SessionLimits>;

/** How a desktop's device session names itself in the session list and the account log. */
export const desktopDevice = (computerName: string): string => `Newsdesk desktop on ${computerName}`.slice(0, 200);
/** last_seen is written at most this often per session (a write per call would cost every call). */
export const LAST_SEEN_EVERY_MS = MINUTE;
/** How often the sweeper ends expired sessions and frees their locks. */
export const SWEEP_EVERY_MS = MINUTE;
/** A token longer than this is no token of ours (and is not hashed). */
const MAX_TOKEN_LENGTH = 200;

export type SessionServices = Pick<CoreServices, 'db' | 'now' | 'emit'>;

export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** The earlier of the idle limit from `lastSeen` and the absolute limit from `created`. */
function expiryOf(created: Date, lastSeen: Date, limits: SessionLimits): string {
  return new Date(Math.min(lastSeen.getTime() + limits.idleMs, created.getTime() + limits.absoluteMs)).toISOString();
}

export interface IssuedSession {
  token: string;
  sessionId: Id;
  expiresAt: string;
}

/**
 * Opens a session for someone who has proven who they are (a password, a setup code) and
 * returns its token, which is stored nowhere. Joins the caller's write when there is one.
 */
export async function issueSession(
  services: SessionServices,
  staffId: Id,
  client: ClientInfo,
  limits: SessionLimits = SESSION_LIMITS,
  kind: SessionKind = 'browser',
): Promise<IssuedSession> {
  const token = randomBytes(32).toString('base64url');
  const now = services.now();
  const expiresAt = expiryOf(now, now, limits);
  const sessionId = await write(
    services,
    async () =>
      await insertSession(services.db, {
        tokenHash: hashToken(token),
        staffId,
        at: now.toISOString(),
        expiresAt,
        device: client.device.slice(0, 200),
        address: client.address?.slice(0, 100) ?? null,
        kind,
      }),
  );
  return { token, sessionId, expiresAt };
}

export interface ResolvedSession {
  sessionId: Id;
  staff: Staff;
}

/** How a session ends: the reason stored with it, and what the account log says (null: the caller logs one event for all). */
export interface Ending {
  reason: SessionEndReason;
  event: Extract<AccountEventKind, 'signOut' | 'sessionEnded' | 'sessionExpired'> | null;
  /** The admin who ended it (not the person themself). */
  actorId?: Id | null;
}

export class SessionStore {
  private sweeper: NodeJS.Timeout | null = null;

  private sweeping: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly services: SessionServices,
    readonly limits: LimitsByKind = { browser: SESSION_LIMITS, desktop: DESKTOP_SESSION_LIMITS },
    /** Run after each sweep: records kept for the sessions' clients that also age out (the applied keys of saves). */
    private readonly alsoSweep: () => void = () => undefined,
  ) {}

  issue(staffId: Id, client: ClientInfo, kind: SessionKind = 'browser'): Promise<IssuedSession> {
    return issueSession(this.services, staffId, client, this.limits[kind], kind);
  }

  /**
   * The live session a token names and its active person, or null; notes the use (at most once a
   * minute) unless `touch` is false: an open event stream checking it is no sign of a person at work.
   */
  async resolve(token: string | null, { touch = true }: { touch?: boolean } = {}): Promise<ResolvedSession | null> {
    if (token === null || token === '' || token.length > MAX_TOKEN_LENGTH) return null;
    const { db } = this.services;
    const now = this.services.now();
    const found = await findLiveSessionWithStaff(db, hashToken(token), now.toISOString());
    if (!found) return null;
    const { session, staff } = found;
    // A deactivated person's sessions were ended with the deactivation; this is the second lock on that door.
    if (!staff.active) return null;
    if (touch && now.getTime() - new Date(session.lastSeenAt).getTime() >= LAST_SEEN_EVERY_MS) {
      const expiresAt = expiryOf(new Date(session.createdAt), now, this.limits[session.kind]);
      // Relaxed: a last-seen time lost to a power cut only makes a session end a minute early; a
      // full sync here would cost the first call of every session each minute an fsync.
      await write(this.services, async () => await touchSession(db, session.id, now.toISOString(), expiresAt), { durability: 'relaxed' });
    }
    return { sessionId: session.id, staff };
  }

  /** Ends one session (releasing its computer's locks); false when it had already ended. */
  async end(sessionId: Id, ending: Ending): Promise<boolean> {
    const { db } = this.services;
    return await write(this.services, async () => {
      const session = await getSession(db, sessionId);
      if (!session || session.endedAt !== null) return false;
      const at = this.services.now().toISOString();
      // Ended only if no one else ended it meanwhile (another server process's sweeper, a sign-out
      // there): the update waits for that one's commit and then finds it ended, so every session
      // ends once, with one account event, and the sweepers of several processes never collide.
      if (!(await endSessionRecord(db, sessionId, at, ending.reason))) return false;
      // A sign-out or an ended session frees its stories for others, audited on each story as a sign-out unlock.
      await releaseLocksOfSession(this.services, session, { audit: ending.reason !== 'expired' });
      if (ending.event) {
        await insertAccountEvent(db, {
          staffId: session.staffId,
          actorId: ending.actorId ?? null,
          event: ending.event,
          address: session.address,
          device: session.device,
          at,
        });
      }
      return true;
    });
  }

  /** Ends every session of a person not ended yet, but `except`; returns how many ended. */
  async endAllOf(staffId: Id, ending: Ending, except: Id | null = null): Promise<number> {
    return await write(this.services, async () => {
      let ended = 0;
      for (const id of await unendedSessionIds(this.services.db, staffId)) if (id !== except && (await this.end(id, ending))) ended++;
      return ended;
    });
  }

  /** A person's live sessions, newest first; `current` marks the caller's. */
  async list(staffId: Id, currentSessionId: Id | null): Promise<SessionInfo[]> {
    return (await listLiveSessions(this.services.db, staffId, this.services.now().toISOString())).map((s) => toInfo(s, currentSessionId));
  }

  /** Whether `sessionId` is a live session of `staffId`. */
  async isLiveOf(sessionId: Id, staffId: Id): Promise<boolean> {
    return (await listLiveSessions(this.services.db, staffId, this.services.now().toISOString())).some((s) => s.id === sessionId);
  }

  /** Ends every session past its expiry (and frees its locks); returns how many. */
  async sweep(): Promise<number> {
    let ended = 0;
    for (;;) {
      const batch = await expiredUnendedSessions(this.services.db, this.services.now().toISOString());
      for (const s of batch) if (await this.end(s.id, { reason: 'expired', event: 'sessionExpired' })) ended++;
      if (batch.length < 500) break;
    }
    this.alsoSweep();
    return ended;
  }

  /** Sweeps every minute until stopped (the timer never keeps the process alive). */
  start(report: (error: unknown) => void): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      this.sweeping = this.sweep().catch(report);
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  /** Stops sweeping; resolves once a sweep under way has finished (the database closes next). */
  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.sweeping;
  }
}

function toInfo(s: SessionRecord, currentSessionId: Id | null): SessionInfo {
  return {
    id: s.id,
    current: s.id === currentSessionId,
    device: s.device,
    address: s.address,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    kind: s.kind,
  };
}
