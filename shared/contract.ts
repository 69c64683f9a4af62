// The one API contract: every method's name, input schema and result type. The IPC bridge,
// the loopback HTTP bridge, the core's dispatcher and the renderer's client are all derived
// from this table, so a method added here is a method everywhere.

import { z } from 'zod';
import { validateBody } from './body.js';
import { PEOPLE_LIMITS, type HousePerson, type PeopleEntry } from './checks/people.js';
import { canonicalTimeZone } from './timeZone.js';
import {
  ACTIONS,
  ROLES,
  STATUSES,
  type AccountEvent,
  type Action,
  type AuditEvent,
  type ChangeEvent,
  type DesktopStatus,
  type OutboxEntry,
  type Comment,
  type DeskChanges,
  type DiffPart,
  type Dismissal,
  type DocNode,
  type ExportFolder,
  type Finding,
  type HistoryEntry,
  type PhotoAsset,
  type PublishedVersionSummary,
  type RevisionSummary,
  type NewsroomAccess,
  type Role,
  type SessionInfo,
  type SetupCode,
  type Settings,
  type Staff,
  type Story,
  type StoryListItem,
  type StoryPhoto,
} from './domain.js';

// ── building blocks ───────────────────────────────────────────────────────────

/** Control characters other than tab and line breaks: nobody types them, and PostgreSQL text cannot hold NUL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** Every string has a ceiling, so a 1 MB paste into a headline is refused, not stored; none holds control characters. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');
const line = (max = 500) => text(max);
/** What a person typed into a search box: searched as text, never stored, so any character is taken (control characters split words like spaces). */
const searchText = (max: number) => z.string().max(max);
const id = z.number().int().positive();
/** A password as typed: checked against the stored hash, so any length up to the ceiling. */
const Password = z.string().min(1).max(200);
/** A new password: long enough to resist guessing (the only rule: length, as NIST SP 800-63B advises). */
export const PASSWORD_MIN_LENGTH = 10;
const NewPassword = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(200);
const isoTime = z.iso.datetime({ offset: true });
/** A key a client makes up so a repeated call is applied once (a UUID, or any 8–100 letters, digits, '-' and '_'). */
const ClientKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be 8–100 letters, digits, - or _');

export const RoleSchema = z.enum(ROLES);
export const StatusSchema = z.enum(STATUSES);
export const ActionSchema = z.enum(ACTIONS);

/** A story body; a refusal names the first problem (an unknown node, an unsafe link, nesting too deep). */
export const BodySchema = z.custom<DocNode>().superRefine((value, ctx) => {
  const problem = validateBody(value)[0];
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `body does not match the story schema: ${problem}` });
});

// A story always has someone to answer for it: the byline may change but never empty.
const BylineInput = z
  .array(z.strictObject({ staffId: id }))
  .min(1)
  .max(10);

const PhotoFields = {
  caption: text(2000).optional(),
  headline: line().optional(),
  credit: line(300).optional(),
  creator: line(300).optional(),
  copyright: line(500).optional(),
  source: line(300).optional(),
  keywords: z.array(line(100)).max(100).optional(),
  city: line(200).optional(),
  country: line(200).optional(),
  instructions: text(2000).optional(),
  alt: text(1000).optional(),
};

/** An IANA time zone (any case; stored as the runtime spells it); null: the computer's own. */
const TimeZoneSetting = z
  .string()
  .max(64)
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name.trim());
    if (zone === null) {
      ctx.addIssue({ code: 'custom', message: `"${name.slice(0, 40)}" is not a time zone; use an IANA name such as Asia/Seoul or Europe/London` });
      return z.NEVER;
    }
    return zone;
  })
  .nullable();

/**
 * The newsroom's public address: an http(s) URL without query, fragment or credentials, kept
 * without a trailing slash so `${base}/published/…` never doubles one. Blank or null: none.
 */
const PublicBaseUrlSetting = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    const trimmed = text.trim();
    if (trimmed === '') return null;
    const problem = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return problem('must be a full web address such as https://news.example.com');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return problem('must start with https:// or http://');
    if (url.search !== '' || url.hash !== '' || /[?#]/.test(trimmed)) return problem('must not have a query (?…) or a fragment (#…)');
    if (url.username !== '' || url.password !== '') return problem('must not contain a user name or password');
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  })
  .nullable();

/** Why settings.update refuses `exportDir`: what to do instead. */
export const EXPORT_DIR_REFUSAL =
  'The export folder is not set through the API. In the desktop app, choose it in Newsroom settings (Choose export folder…); ' +
  'for the browser, start the server with --export-dir DIR.';

// ── the method table ──────────────────────────────────────────────────────────

interface MethodDef<I extends z.ZodType, R> {
  input: I;
  /** Phantom: carries the result type; never read at run time. */
  result?: R;
  /** Callable without signing in. */
  public?: true;
}

/** Declares a method: `method<Result>()(inputSchema)`. */
const method =
  <R>(opts: { public?: true } = {}) =>
  <I extends z.ZodType>(input: I): MethodDef<I, R> =>
    opts.public ? { input, public: true } : { input };

const empty = z.strictObject({});

export const contract = {
  // session and staff
  'session.access': method<NewsroomAccess>({ public: true })(empty),
  'session.signIn': method<{ token: string; staff: Staff; expiresAt: string }>({ public: true })(
    z.strictObject({
      email: z.string().trim().max(320).min(1),
      password: Password,
      /**
       * A desktop app signing in to a newsroom server: the session is a device session (kind
       * 'desktop', named for the computer) that lasts through days offline and is ended like any other.
       */
      desktop: z.strictObject({ name: line(200).min(1) }).optional(),
    }),
  ),
  /** Sets a password with a one-time setup code (a newly added or reset person, or the first admin) and signs in. */
  'session.setUp': method<{ token: string; staff: Staff; expiresAt: string }>({ public: true })(
    z.strictObject({
      code: z.string().trim().min(1).max(100),
      password: NewPassword,
      /** Only the first admin sets their own name and e-mail here (others were given theirs by an admin). */
      name: line(200).min(1).optional(),
      email: z.email().max(320).optional(),
    }),
  ),
  'session.current': method<{ staff: Staff | null }>({ public: true })(empty),
  'session.signOut': method<{ ok: true }>({ public: true })(empty),
  /** The signed-in person changes their own password; every other session of theirs ends. */
  'session.changePassword': method<{ ok: true; endedSessions: number }>()(z.strictObject({ currentPassword: Password, newPassword: NewPassword })),
  /** The signed-in person's own sessions. */
  'session.list': method<{ sessions: SessionInfo[] }>()(empty),
  /** Ends one of the person's own sessions, or all of them ("sign out everywhere", this one included). */
  'session.end': method<{ ended: number }>()(z.union([z.strictObject({ id }), z.strictObject({ everywhere: z.literal(true) })])),
  'staff.list': method<{ staff: Staff[]; desks: string[] }>()(empty),
  /** Admin: a person's sessions. */
  'staff.sessions': method<{ sessions: SessionInfo[] }>()(z.strictObject({ staffId: id })),
  /** Admin: ends every session of a person. */
  'staff.endSessions': method<{ ended: number }>()(z.strictObject({ staffId: id })),
  /** Admin: clears a person's password, ends their sessions and issues a new setup code. */
  'staff.resetPassword': method<{ setup: SetupCode }>()(z.strictObject({ id })),
  /** Admin: sign-ins, sign-outs, failures and password changes, newest first. */
  'staff.accountEvents': method<{ events: AccountEvent[]; nextCursor?: string }>()(
    z.strictObject({ staffId: id.optional(), limit: z.number().int().min(1).max(200).optional(), cursor: text(200).optional() }),
  ),
  /** Admin: adds a person, who sets their password with the setup code returned. */
  'staff.create': method<{ staff: Staff; setup: SetupCode }>()(
    z.strictObject({
      name: line(200).min(1),
      email: z.email().max(320),
      roles: z.array(RoleSchema).min(1).max(4),
      desks: z.array(line(100)).max(50).default([]),
    }),
  ),
  'staff.update': method<{ staff: Staff }>()(
    z.strictObject({
      id,
      name: line(200).min(1).optional(),
      email: z.email().max(320).optional(),
      roles: z.array(RoleSchema).min(1).max(4).optional(),
      desks: z.array(line(100)).max(50).optional(),
      active: z.boolean().optional(),
    }),
  ),

  // stories
  'stories.create': method<{ story: Story }>()(
    z.strictObject({
      desk: line(100).min(1),
      headline: line().optional(),
      slug: line(200).optional(),
      language: line(20).optional(),
      // A story written offline arrives whole: its text comes with its creation.
      subheadlines: z.array(line()).max(10).optional(),
      dateline: line(200).optional(),
      body: BodySchema.optional(),
      /**
       * The desktop's id for a story created offline: a create repeated with the same clientId by
       * the same person returns the story the first one made, so a replay never makes two.
       */
      clientId: ClientKey.optional(),
    }),
  ),
  'stories.get': method<{
    story: Story;
    photos: StoryPhoto[];
    comments: Comment[];
    allowedActions: Action[];
    /** Whether the signed-in person may edit the text now (holds or could take the lock). */
    canEdit: boolean;
    canEditPhotos: boolean;
    /** Who may change the story's photos and captions now, by the rule the core enforces: anyone holding one of `roles`, and `people` by name. */
    photoEditors: { roles: Role[]; people: { id: number; name: string }[] };
    /** Findings a desk editor dismissed, by key: the editor shows its live findings against them. */
    dismissals: Dismissal[];
    /** Whether the signed-in person may dismiss warnings (desk editors). */
    canDismissFindings: boolean;
  }>()(z.strictObject({ id })),
  'stories.list': method<{
    items: StoryListItem[];
    nextCursor?: string;
    total: number;
    /** A text search stops counting at 1,000: `total` is then a floor ("1,000+"). */
    totalCapped?: boolean;
  }>()(
    z.strictObject({
      status: z.array(StatusSchema).max(8).optional(),
      desk: line(100).optional(),
      /** Only stories with this staff member on the byline. */
      bylineStaffId: id.optional(),
      /** Photo desk queue: stories with no photo, or with photos lacking caption or credit. */
      needsPhotos: z.boolean().optional(),
      query: searchText(500).optional(),
      limit: z.number().int().min(1).max(200).optional(),
      cursor: text(200).optional(),
    }),
  ),
  'stories.save': method<{ story: Story }>()(
    z.strictObject({
      id,
      baseVersion: z.number().int().nonnegative(),
      changes: z.strictObject({
        headline: line().optional(),
        subheadlines: z.array(line()).max(10).optional(),
        slug: line(200).optional(),
        byline: BylineInput.optional(),
        dateline: line(200).optional(),
        desk: line(100).min(1).optional(),
        language: line(20).optional(),
        body: BodySchema.optional(),
      }),
      /**
       * Makes the save happen once: a save repeated with the same saveId by the same person
       * answers as the first did (the story it saved, or the same refusal with the same kept
       * revision) and changes nothing more. The desktop's outbox sends one with every save.
       */
      saveId: ClientKey.optional(),
    }),
  ),
  'stories.transition': method<{ story: Story }>()(z.strictObject({ id, action: ActionSchema, note: text(5000).optional(), publishAt: isoTime.optional() })),
  'stories.lock': method<{ story: Story }>()(z.strictObject({ id })),
  /**
   * Holds the text lock as an offline lease (`lock.offline`): it lasts OFFLINE_LEASE_HOURS
   * instead of minutes, everyone sees who works offline on the story, and a desk editor may
   * break it with stories.unlock like any lock. stories.lock turns it back into a plain lock.
   */
  'stories.takeOffline': method<{ story: Story }>()(z.strictObject({ id })),
  'stories.unlock': method<{ story: Story }>()(z.strictObject({ id, /** Required to break someone else's lock (desk editors only). */ note: text(5000).optional() })),
  /**
   * The story's past: its revisions and audit events as kept, and `entries`, the one list a reader
   * follows (newest first; a move and the revision it kept are one entry).
   */
  'stories.history': method<{ revisions: RevisionSummary[]; events: AuditEvent[]; entries: HistoryEntry[] }>()(z.strictObject({ id })),
  /** What the desk changed since the story's writers last had it; null when there is nothing of the desk's to show. */
  'stories.deskChanges': method<{ changes: DeskChanges | null }>()(z.strictObject({ id })),
  'stories.diff': method<{ parts: DiffPart[]; from: RevisionSummary; to: RevisionSummary }>()(z.strictObject({ id, fromRevision: id, toRevision: id })),
  'stories.restore': method<{ story: Story }>()(z.strictObject({ id, revisionId: id, baseVersion: z.number().int().nonnegative() })),
  'stories.revision': method<{ revision: RevisionSummary; headline: string; subheadlines: string[]; body: DocNode }>()(z.strictObject({ id, revisionId: id })),
  /** The copy checks on the saved story, dismissed findings marked. */
  'stories.check': method<{ findings: Finding[] }>()(z.strictObject({ id })),
  /** A desk editor sets a warning or note aside, with why; a blocking finding cannot be dismissed. */
  'stories.dismissFinding': method<{ dismissal: Dismissal; findings: Finding[] }>()(
    z.strictObject({ id, key: line(1000).min(1), note: text(2000).refine((s) => s.trim() !== '', 'a note is required') }),
  ),
  /** Undoes a dismissal: the finding counts again. */
  'stories.restoreFinding': method<{ findings: Finding[] }>()(z.strictObject({ id, key: line(1000).min(1) })),

  // comments
  'comments.add': method<{ comment: Comment }>()(
    z.strictObject({
      storyId: id,
      text: text(5000).min(1),
      parentId: id.optional(),
      anchor: z.strictObject({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative(), quote: text(2000) }).optional(),
    }),
  ),
  'comments.resolve': method<{ comment: Comment }>()(z.strictObject({ id, resolved: z.boolean().default(true) })),

  // photos
  'photos.import': method<{
    results: { name: string; ok: boolean; asset?: PhotoAsset; duplicate?: boolean; error?: string }[];
  }>()(
    z.strictObject({
      files: z
        .array(
          z.strictObject({
            name: line(255).min(1),
            /** base64 over HTTP; raw bytes over IPC. */
            data: z.union([z.string(), z.instanceof(Uint8Array)]),
          }),
        )
        .min(1)
        .max(500),
    }),
  ),
  'photos.list': method<{ items: PhotoAsset[]; nextCursor?: string; total: number }>()(
    z.strictObject({
      query: searchText(500).optional(),
      noCaption: z.boolean().optional(),
      noCredit: z.boolean().optional(),
      importedToday: z.boolean().optional(),
      unused: z.boolean().optional(),
      limit: z.number().int().min(1).max(500).optional(),
      cursor: text(200).optional(),
    }),
  ),
  'photos.get': method<{ asset: PhotoAsset; stories: { id: number; headline: string; status: string }[] }>()(z.strictObject({ id })),
  'photos.update': method<{ assets: PhotoAsset[] }>()(z.strictObject({ ids: z.array(id).min(1).max(500), changes: z.strictObject(PhotoFields) })),
  'photos.attach': method<{ story: Story; photos: StoryPhoto[] }>()(
    z.strictObject({
      storyId: id,
      assetId: id,
      placement: z.enum(['lead', 'inline']),
      /** For inline photos: the index of the body block the figure goes before (default: the end). */
      position: z.number().int().nonnegative().optional(),
      caption: text(2000).optional(),
      credit: line(300).optional(),
      alt: text(1000).optional(),
    }),
  ),
  'photos.updatePlacement': method<{ story: Story; photos: StoryPhoto[] }>()(
    z.strictObject({ id, caption: text(2000).optional(), credit: line(300).optional(), alt: text(1000).optional() }),
  ),
  'photos.detach': method<{ story: Story; photos: StoryPhoto[] }>()(z.strictObject({ id })),
  'photos.reorder': method<{ story: Story; photos: StoryPhoto[] }>()(z.strictObject({ storyId: id, order: z.array(id).min(1).max(200) })),

  // publishing
  'published.list': method<{ versions: PublishedVersionSummary[] }>()(z.strictObject({ storyId: id })),
  'published.get': method<{ version: PublishedVersionSummary; html: string; ninjs: unknown }>()(z.strictObject({ storyId: id, version: z.number().int().positive() })),
  'published.preview': method<{ html: string }>()(z.strictObject({ storyId: id })),
  'published.retryExport': method<{ version: PublishedVersionSummary }>()(z.strictObject({ storyId: id, version: z.number().int().positive() })),
  /** Admins: package folders set aside at start-up for want of a database row, relative to the data folder. */
  'published.setAside': method<{ folders: string[] }>()(empty),

  // the desktop's newsroom: answered by a desktop's own shell (electron/main, or `serve --connect`);
  // the newsroom's core answers them as a server, which has no offline copy or outbox.
  /** Where this app's newsroom is, the connection, and how much waits in the outbox. */
  'desktop.status': method<DesktopStatus>({ public: true })(empty),
  /**
   * First run and File ▸ Newsroom…: this computer only, or a newsroom server. Connecting checks
   * that the server answers; a certificate no authority this computer trusts signed is refused
   * with UNTRUSTED_CERTIFICATE and its fingerprint until the person trusts it by passing that
   * fingerprint, which is then pinned. The person then signs in with session.signIn.
   */
  'desktop.choose': method<DesktopStatus>({ public: true })(
    z.union([
      z.strictObject({ mode: z.literal('local') }),
      z.strictObject({
        mode: z.literal('connected'),
        url: z.url({ protocol: /^https?$/ }).max(2000),
        trustFingerprint: z
          .string()
          .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'must be a SHA-256 fingerprint such as AB:CD:…')
          .optional(),
      }),
    ]),
  ),
  /** What waits in the outbox and why, oldest first, with what was kept aside for the person. */
  'desktop.outbox': method<{ entries: OutboxEntry[] }>()(empty),
  /** Try to send the outbox now (after the person fixed the network). */
  'desktop.retry': method<DesktopStatus>()(empty),
  /** A kept entry (its story deleted or spiked on the server) sent again as a new story. */
  'desktop.resubmit': method<{ story: Story }>()(z.strictObject({ entryId: id })),
  /** A kept or conflicting entry the person has dealt with (copied its text, took theirs): removed from the outbox. */
  'desktop.discard': method<{ ok: true }>()(z.strictObject({ entryId: id })),

  // settings
  'settings.get': method<{ settings: Settings; exportFolder: ExportFolder | null }>()(empty),
  'settings.update': method<{ settings: Settings }>()(
    z.strictObject({
      lockTimeoutMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .optional(),
      maxPhotoBytes: z
        .number()
        .int()
        .min(1024)
        .max(1024 * 1024 * 1024)
        .optional(),
      // Named only to refuse it in words: the export folder writes files anywhere the core may, so
      // the person at the machine chooses it (the desktop's folder dialog, or serve's --export-dir).
      exportDir: z.never({ error: EXPORT_DIR_REFUSAL }).optional(),
      codeReplacements: z
        .array(z.strictObject({ code: line(50).min(2), text: line(500) }))
        .max(1000)
        .optional(),
      metadataTemplates: z
        .array(
          z.strictObject({
            name: line(200).min(1),
            fields: z.strictObject({
              caption: PhotoFields.caption,
              credit: PhotoFields.credit,
              creator: PhotoFields.creator,
              copyright: PhotoFields.copyright,
              source: PhotoFields.source,
              alt: PhotoFields.alt,
              keywords: PhotoFields.keywords,
            }),
          }),
        )
        .max(200)
        .optional(),
      timeZone: TimeZoneSetting.optional(),
      publicBaseUrl: PublicBaseUrlSetting.optional(),
      headlineMaxChars: z.number().int().min(20).max(500).optional(),
      sentenceMaxWords: z.number().int().min(10).max(500).optional(),
      houseStyle: z
        .array(
          z
            .strictObject({
              preferred: line(200).refine((s) => s.trim() !== '', 'required'),
              avoid: z
                .array(line(200).refine((s) => s.trim() !== '', 'required'))
                .min(1)
                .max(20),
              where: z.enum(['everywhere', 'headlines', 'body', 'captions']),
              note: line(500).optional(),
            })
            // A rule that replaced a form with itself would offer a fix forever.
            .refine((r) => !r.avoid.includes(r.preferred), { message: 'a form to avoid must differ from the preferred form', path: ['avoid'] }),
        )
        .max(1000)
        .optional(),
    }),
  ),

  // the people list (house spellings of names, for the name check)
  /** The list, a page at a time by name; `query` finds a name, alias or note. */
  'people.list': method<{ people: PeopleEntry[]; total: number; nextCursor?: string }>()(
    z.strictObject({ query: line(200).optional(), limit: z.number().int().min(1).max(200).optional(), cursor: text(20).optional() }),
  ),
  /** The whole list as the name check reads it (the editor's live checks). */
  'people.all': method<{ people: HousePerson[] }>()(empty),
  /** Desk editors and admins: adds a person (no id) or replaces one's spellings and note. */
  'people.save': method<{ person: PeopleEntry }>()(
    z.strictObject({
      id: id.optional(),
      name: line(PEOPLE_LIMITS.spelling).refine((s) => s.trim() !== '', 'required'),
      aliases: z
        .array(z.strictObject({ spelling: line(PEOPLE_LIMITS.spelling).refine((s) => s.trim() !== '', 'required'), source: line(PEOPLE_LIMITS.source).default('') }))
        .max(PEOPLE_LIMITS.aliases)
        .default([]),
      note: line(PEOPLE_LIMITS.note).default(''),
    }),
  ),
  /** Desk editors and admins: takes a person off the list. */
  'people.remove': method<{ ok: true }>()(z.strictObject({ id })),
} as const;

// ── types derived from the table ─────────────────────────────────────────────

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** The input after validation (defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Result<M extends MethodName> = NonNullable<Contract[M]['result']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

type AreaOf<M> = M extends `${infer A}.${string}` ? A : never;
export type Area = AreaOf<MethodName>;

/** The client every renderer talks to: `api.stories.save({...})`. IPC and HTTP both provide it. */
export type NewsdeskApi = {
  [A in Area]: {
    [M in MethodName as M extends `${A}.${infer F}` ? F : never]: (input: Input<M>) => Promise<Result<M>>;
  };
} & {
  /** Subscribe to the core's change events; returns the unsubscribe function. */
  onEvent(listener: (event: ChangeEvent) => void): () => void;
  /** Subscribe to the state of the connection that carries the events (always 'online' in-process). */
  onConnection(listener: (state: ConnectionState) => void): () => void;
};

/** 'reconnecting': the event stream dropped and the client is trying again (with back-off). */
export type ConnectionState = 'online' | 'reconnecting';

/** How long a lock taken offline lasts: a reporter's trip, not a coffee break. A desk editor may break it sooner. */
export const OFFLINE_LEASE_HOURS = 72;

/** For transports whose connection never drops (IPC in one process): always online. */
export const alwaysOnline: NewsdeskApi['onConnection'] = (listener) => {
  listener('online');
  return () => undefined;
};

/** Splits 'stories.save' into ['stories', 'save']. */
export function splitMethod(name: MethodName): [Area, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot) as Area, name.slice(dot + 1)];
}

/** Builds a NewsdeskApi from one generic `call` — the only way clients are made. */
export function buildApi(
  call: (method: MethodName, input: unknown) => Promise<unknown>,
  onEvent: NewsdeskApi['onEvent'],
  onConnection: NewsdeskApi['onConnection'] = alwaysOnline,
): NewsdeskApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of METHOD_NAMES) {
    const [area, fn] = splitMethod(name);
    (api[area] ??= {})[fn] = (input: unknown) => call(name, input ?? {});
  }
  return Object.assign(api, { onEvent, onConnection }) as unknown as NewsdeskApi;
}
