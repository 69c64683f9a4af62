// Migration 007: accounts with passwords, sessions kept in the database, setup codes, sign-in
// throttling, the account log, and the session that holds a story's text lock.
//
// staff.password_hash: the scrypt hash (core/staff/passwords.ts), NULL while a person has none.
// Existing people get none: an admin (or, in a newsroom where nobody has one, the first admin
// with a code from the server or the desktop app) sets them up; a demo newsroom gives its demo
// accounts the demo password when it next opens.
//
// sessions: one row per sign-in, holding the SHA-256 of its token (never the token).
// expires_at is the earlier of the idle limit (from last_seen_at) and the absolute limit, so a
// session is live while ended_at IS NULL AND expires_at > now. Ended rows stay for the list of
// past sign-ins until the account log says more.
//
// setup_codes: the SHA-256 of each one-time code; at most one unused code per person (the core
// replaces it). first_admin marks the code of the newsroom's first admin, who may set their own
// name and e-mail with it.
//
// sign_in_throttle: failed attempts per key ('account:<e-mail>' or 'address:<ip>'), so the
// slowing down survives a restart and is shared by every process on the file.
//
// account_events: sign-ins, failures, sign-outs, ended sessions, passwords set and reset.
//
// stories.lock_session_id: the session whose computer holds the text lock. Existing locks
// get none and lapse as before (by their time).
//
// newsroom: facts about the newsroom itself ('demo': a demo newsroom), none for existing files
// (a demo database opened with --demo records it then).

import type { SqliteDb as Db } from '../statements.js';

export const version = 7;
export const name = 'accounts';

const ACCOUNT_EVENTS = `'signIn','signInFailed','signOut','sessionEnded','sessionExpired','passwordSet','passwordChanged','passwordReset','setupCodeIssued','deactivated'`;

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE staff ADD COLUMN password_hash TEXT;

    CREATE TABLE sessions (
      id            INTEGER PRIMARY KEY,
      token_hash    BLOB NOT NULL UNIQUE,
      staff_id      INTEGER NOT NULL REFERENCES staff(id),
      created_at    TEXT NOT NULL,
      last_seen_at  TEXT NOT NULL,
      expires_at    TEXT NOT NULL,
      device        TEXT NOT NULL,
      address       TEXT,
      ended_at      TEXT,
      end_reason    TEXT CHECK (end_reason IN ('signOut','ended','expired','passwordChanged','passwordReset','deactivated')),
      CHECK ((ended_at IS NULL) = (end_reason IS NULL))
    );
    CREATE INDEX sessions_live_by_staff ON sessions (staff_id) WHERE ended_at IS NULL;
    CREATE INDEX sessions_live_by_expiry ON sessions (expires_at) WHERE ended_at IS NULL;

    CREATE TABLE setup_codes (
      id           INTEGER PRIMARY KEY,
      code_hash    BLOB NOT NULL UNIQUE,
      staff_id     INTEGER NOT NULL REFERENCES staff(id),
      first_admin  INTEGER NOT NULL DEFAULT 0 CHECK (first_admin IN (0, 1)),
      created_at   TEXT NOT NULL,
      expires_at   TEXT NOT NULL,
      used_at      TEXT
    );
    CREATE INDEX setup_codes_by_staff ON setup_codes (staff_id);

    CREATE TABLE sign_in_throttle (
      key              TEXT PRIMARY KEY,
      failures         INTEGER NOT NULL CHECK (failures > 0),
      last_failure_at  TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE account_events (
      id        INTEGER PRIMARY KEY,
      staff_id  INTEGER REFERENCES staff(id),
      actor_id  INTEGER REFERENCES staff(id),
      event     TEXT NOT NULL CHECK (event IN (${ACCOUNT_EVENTS})),
      email     TEXT,
      address   TEXT,
      device    TEXT,
      note      TEXT,
      at        TEXT NOT NULL
    );
    CREATE INDEX account_events_by_staff ON account_events (staff_id, id);

    ALTER TABLE stories ADD COLUMN lock_session_id INTEGER REFERENCES sessions(id);

    CREATE TABLE newsroom (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}
