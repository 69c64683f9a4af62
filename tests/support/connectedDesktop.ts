// One newsroom server and connected desktops as real processes, driven the way their renderers
// drive them: over HTTP with the contract's client (shared/httpApi.ts), each desktop through its
// own loopback bridge, the server directly as "the desk" does from a browser. Nothing here knows
// how a desktop works inside: only the command line and the contract.
//
//   server:  node <cli> --data-dir D --demo [--database URL on the PostgreSQL test backend] --port P
//   desktop: node <cli> --connect http://127.0.0.1:P --data-dir DD --port Q

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { docFromParagraphs, plainBody } from '../../shared/body.js';
import type { NewsdeskApi } from '../../shared/contract.js';
import type { ChangeEvent, DesktopConnection, DesktopStatus, DocNode, Role } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { createHttpApi, memoryTokenStore, type TokenStore } from '../../shared/httpApi.js';
import { cliBundle, sleep, startNewsdesk, type NewsdeskProcess } from './newsdeskCli.js';
import { storageFor } from './postgres.js';

export const DEMO_PASSWORD = 'newsdesk-demo';
const ROOT = path.resolve(import.meta.dirname, '../..');
const SKEWED_CLOCK = path.join(import.meta.dirname, 'skewedClock.mjs');

/** The demo newsroom's people this suite uses (core/staff/demo.ts). */
export const DEMO = {
  /** Reporter, National. */
  park: 'soohyun.park@heraldcorp.com',
  /** Desk editor and reporter, North Korea and National. */
  kim: 'minji.kim@heraldcorp.com',
  /** Desk editor, National and Business. */
  lee: 'jaewon.lee@heraldcorp.com',
  /** Admin. */
  han: 'seungwoo.han@heraldcorp.com',
} as const;

export const doc = (...paragraphs: string[]): DocNode => docFromParagraphs(paragraphs);
export const textOf = (body: DocNode): string => plainBody(body);

/** A photo from the fixtures, as the renderer hands a picked file to photos.import. */
export function fixturePhoto(name = 'security-talks-seoul.jpg'): { name: string; data: Uint8Array<ArrayBuffer> } {
  const bytes = readFileSync(path.join(ROOT, 'tests/fixtures/photos', name));
  const data = new Uint8Array(new ArrayBuffer(bytes.length));
  data.set(bytes);
  return { name, data };
}

export interface Client {
  api: NewsdeskApi;
  tokens: TokenStore;
  /** Change events received since `listen()`, in order. */
  events: ChangeEvent[];
  /** Opens the event stream (the bridge's or the server's /api/events). */
  listen(listener?: (event: ChangeEvent) => void): void;
  close(): void;
}

export function clientOf(baseUrl: string, token: string | null = null): Client {
  const tokens = memoryTokenStore(token);
  const api = createHttpApi({ baseUrl, fetch: (url, init) => fetch(url, init), tokens });
  const offs: (() => void)[] = [];
  const client: Client = {
    api,
    tokens,
    events: [],
    listen(listener) {
      offs.push(
        api.onEvent((event) => {
          client.events.push(event);
          listener?.(event);
        }),
      );
    },
    close: () => offs.splice(0).forEach((off) => off()),
  };
  return client;
}

/** Signs `email` in at `baseUrl` (a desktop's bridge or the server). */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = clientOf(baseUrl);
  await client.api.session.signIn({ email, password });
  return client;
}

/** Polls `read` until `done` holds; throws naming `what` and the last value when `ms` pass. */
export async function waitUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000, every = 50): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  let lastError: unknown = null;
  for (;;) {
    try {
      last = await read();
      lastError = null;
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `the last call failed: ${lastError instanceof Error ? lastError.message : String(lastError)}` : `last seen: ${JSON.stringify(last)}`;
      throw new Error(`Waited ${ms} ms for ${what}; ${seen}`);
    }
    await sleep(every);
  }
}

/** The error a call fails with (or a failure when it succeeds). */
export async function refusal(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused, and it succeeded');
}

// ── processes ───────────────────────────────────────────────────────────────

/**
 * The newsroom server on a demo newsroom in `dataDir`; on the PostgreSQL test backend, in the
 * database the run gave that folder (the same one each time the folder's server starts again).
 */
export async function startServer(dataDir: string, port?: number, extra: string[] = []): Promise<NewsdeskProcess> {
  return startNewsdesk('newsroom server', ['--data-dir', dataDir, '--demo', ...(await databaseArgs(dataDir)), ...extra], port === undefined ? {} : { port });
}

/** `--database <url>` for a server process on `dataDir` when the tests run on PostgreSQL; nothing on SQLite (the folder's file). */
async function databaseArgs(dataDir: string): Promise<string[]> {
  const { database } = await storageFor(dataDir);
  return database ? ['--database', database] : [];
}

/** A connected desktop (`serve --connect`) on its own data folder. */
export async function startDesktop(
  label: string,
  serverUrl: string,
  dataDir: string,
  opts: { port?: number; env?: NodeJS.ProcessEnv; pollMs?: number; command?: string[]; clockOffsetMs?: number } = {},
): Promise<NewsdeskProcess> {
  const { clockOffsetMs, ...rest } = opts;
  if (clockOffsetMs === undefined) return startNewsdesk(label, ['--connect', serverUrl, '--data-dir', dataDir], rest);
  // A computer whose clock is wrong: the desktop's Date runs clockOffsetMs off (skewedClock.mjs).
  return startNewsdesk(label, ['--connect', serverUrl, '--data-dir', dataDir], {
    ...rest,
    command: [process.execPath, '--import', SKEWED_CLOCK, await cliBundle()],
    env: { ...rest.env, NEWSDESK_TEST_CLOCK_OFFSET_MS: String(clockOffsetMs) },
  });
}

/** What a desktop says about its connection (public: no session needed). */
export function statusOf(desktop: NewsdeskProcess): Promise<DesktopStatus> {
  return clientOf(desktop.url).api.desktop.status({});
}

export function waitForConnection(
  desktop: NewsdeskProcess,
  connection: DesktopConnection,
  ms = 15_000,
  also: (s: DesktopStatus) => boolean = () => true,
): Promise<DesktopStatus> {
  return waitUntil(
    `${desktop.label} to be ${connection}`,
    () => statusOf(desktop),
    (s) => s.connection === connection && also(s),
    ms,
  );
}

/** Online with nothing waiting: the outbox was sent. */
export function waitForSent(desktop: NewsdeskProcess, ms = 30_000): Promise<DesktopStatus> {
  return waitForConnection(desktop, 'online', ms, (s) => s.waiting === 0 && s.sending === null);
}

/**
 * Every connection state a desktop reported, in order, without repeats: from its `desktop.changed`
 * events and a poll of desktop.status every 50 ms (so a short 'sending' is seen either way).
 */
export function recordConnection(desktop: NewsdeskProcess, client: Client): { states: DesktopConnection[]; stop(): void } {
  const states: DesktopConnection[] = [];
  const note = (c: DesktopConnection) => {
    if (states.at(-1) !== c) states.push(c);
  };
  client.listen((event) => {
    if (event.type === 'desktop.changed') note(event.status.connection);
  });
  let stopped = false;
  void (async () => {
    while (!stopped) {
      try {
        note((await statusOf(desktop)).connection);
      } catch {
        // between runs
      }
      await sleep(50);
    }
  })();
  return {
    states,
    stop: () => {
      stopped = true;
    },
  };
}

/** A new person on the server, with a password, added by an admin (the demo newsroom has nobody who both writes and imports photos). */
export async function addPerson(
  serverUrl: string,
  admin: Client,
  person: { name: string; email: string; roles: Role[]; desks: string[] },
  password = 'offline-writer-1',
): Promise<{ id: number; email: string; password: string }> {
  const { staff, setup } = await admin.api.staff.create(person);
  const setUp = clientOf(serverUrl);
  await setUp.api.session.setUp({ code: setup.code, password });
  await setUp.api.session.signOut({});
  return { id: staff.id, email: person.email, password };
}

/** The demo person's id on the server. */
export async function staffId(client: Client, email: string): Promise<number> {
  const { staff } = await client.api.staff.list({});
  const found = staff.find((s) => s.email === email);
  if (!found) throw new Error(`no staff member ${email}`);
  return found.id;
}
