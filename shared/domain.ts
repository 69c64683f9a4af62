// The newsroom's vocabulary: roles, statuses, actions and the records every process shares.
// Runs anywhere: no Node, DOM or Electron imports.

export const ROLES = ['reporter', 'desk_editor', 'photo_editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = ['draft', 'submitted', 'editing', 'approved', 'scheduled', 'published', 'killed', 'spiked'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = [
  'submit',
  'recall',
  'claim',
  'sendBack',
  'approve',
  'reopen',
  'publish',
  'schedule',
  'unschedule',
  'correct',
  'kill',
  'spike',
  'unspike',
] as const;
export type Action = (typeof ACTIONS)[number];

export type Id = number;
/** ISO-8601 timestamp in UTC, e.g. 2026-11-26T09:30:00.000Z */
export type Timestamp = string;

export interface Staff {
  id: Id;
  name: string;
  email: string;
  roles: Role[];
  desks: string[];
  active: boolean;
  /** Whether the person has a password yet (an added or reset person has a setup code instead). */
  passwordSet: boolean;
}

/** One signed-in session of a person: a browser, or a desktop app. Never carries its token. */
export interface SessionInfo {
  id: Id;
  /** The session this call was made with. */
  current: boolean;
  /** What the person signed in with, as the transport described it ("Chrome on Linux", "Newsdesk desktop"). */
  device: string;
  /** The network address it signed in from (null on the desktop app). */
  address: string | null;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  /** When it ends unless used again: the earlier of the idle limit and the absolute limit. */
  expiresAt: Timestamp;
  /**
   * 'desktop': a desktop app's device session, which lasts through days offline (so it can send
   * what it queued) and is ended like any other; 'browser': everything else.
   */
  kind: 'browser' | 'desktop';
}

/** A one-time code with which a person sets their password (added by an admin, reset, or the first admin). */
export interface SetupCode {
  staffId: Id;
  code: string;
  expiresAt: Timestamp;
}

/** Account events, newsroom-wide (story events are AuditEvent). */
export const ACCOUNT_EVENT_KINDS = [
  'signIn',
  'signInFailed',
  'signOut',
  'sessionEnded',
  'sessionExpired',
  'passwordSet',
  'passwordChanged',
  'passwordReset',
  'setupCodeIssued',
  'deactivated',
] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

export interface AccountEvent {
  id: Id;
  /** The account concerned; null for a failed sign-in with an unknown e-mail. */
  staffId: Id | null;
  staffName: string | null;
  /** Who did it when it was not the person themself (an admin ending a session, resetting a password). */
  actorId: Id | null;
  event: AccountEventKind;
  /** The e-mail typed, for failed sign-ins. */
  email: string | null;
  address: string | null;
  device: string | null;
  note: string | null;
  at: Timestamp;
}

/** What the sign-in screen needs to know before anyone is signed in. */
export interface NewsroomAccess {
  /** A demo newsroom: every demo account's password is `demoPassword`, and the screen says so. */
  demo: boolean;
  demoPassword: string | null;
  /** In a demo newsroom only: who to sign in as (a real newsroom lists nobody before sign-in). */
  demoAccounts: { name: string; email: string; roles: Role[] }[];
  /** An empty newsroom whose first admin has no password yet: the screen asks for the setup code and a password. */
  needsFirstAdmin: boolean;
}

export interface Desk {
  id: Id;
  name: string;
}

export interface BylineEntry {
  staffId: Id;
  name: string;
  email: string;
}

export interface StoryLock {
  staffId: Id;
  name: string;
  acquiredAt: Timestamp;
  /** The lock lapses at this time unless its holder keeps working. */
  expiresAt: Timestamp;
  /** The holder's session (a person may be signed in on several computers; the lock is one computer's), and its device. */
  sessionId?: Id | null;
  device?: string | null;
  /**
   * Taken offline ("Take offline" on a desktop): the lock is a lease that lasts while its holder
   * works without the network (until `expiresAt`, days not minutes), shown to everyone as such;
   * a desk editor may break it like any lock.
   */
  offline?: boolean;
}

/** A ProseMirror/tiptap JSON node. The allowed shape is checked by shared/body.ts. */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export interface Story {
  id: Id;
  slug: string;
  desk: string;
  headline: string;
  subheadlines: string[];
  byline: BylineEntry[];
  /**
   * Everyone who created the story or was ever on its byline, even if since removed from it
   * (four eyes: none of them may approve it). Always filled by the core.
   */
  authorIds?: Id[];
  /**
   * Who wrote the words of the current text (headline, subheadlines, body), largest share first.
   * The core attributes each save's changed words to the person saving; four eyes reads it.
   */
  textShares?: TextShare[];
  dateline: string;
  body: DocNode;
  language: string;
  status: Status;
  /** Increases on every save; every save names the version it was based on. */
  version: number;
  lock: StoryLock | null;
  createdBy: Id;
  /** The desk editor who claimed the story (holds it in `editing`). */
  claimedBy: Id | null;
  /** The desk's note from the latest send back, shown to the reporter until resubmitted. */
  sendBackNote: string | null;
  /** The note of the open correction, carried into the next published version. */
  correctionNote: string | null;
  publishAt: Timestamp | null;
  scheduledBy: Id | null;
  /** How many versions have been published (0 = never). */
  publishedVersions: number;
  wordCount: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** One person's part of a story's current text. */
export interface TextShare {
  staffId: Id;
  words: number;
  /** Of all the words of the text, in whole percent. */
  percent: number;
}

export interface StoryListItem {
  id: Id;
  slug: string;
  desk: string;
  headline: string;
  status: Status;
  version: number;
  byline: string[];
  lockedBy: string | null;
  /** The live lock is an offline lease: its holder works offline on the story ("Ji Da-gyum is working offline on this"). */
  lockedOffline?: boolean;
  claimedByName: string | null;
  sendBackNote: string | null;
  publishAt: Timestamp | null;
  wordCount: number;
  photoCount: number;
  /** Photos attached to the story that lack a caption or a credit. */
  photosIncomplete: number;
  updatedAt: Timestamp;
  /** Open copy-check findings, counted by the core after each change; null until first counted. */
  openFindings: FindingCounts | null;
  /** With a text query: a short excerpt, matches wrapped in <mark>…</mark>, everything else escaped. */
  snippet?: string;
}

export interface Comment {
  id: Id;
  storyId: Id;
  parentId: Id | null;
  authorId: Id;
  authorName: string;
  text: string;
  /** The passage a comment is anchored to, as text offsets into the body's plain text and the quoted words. */
  anchor: { from: number; to: number; quote: string } | null;
  resolved: boolean;
  resolvedBy: Id | null;
  createdAt: Timestamp;
}

export type RevisionReason = 'create' | 'periodic' | 'submit' | 'claim' | 'sendBack' | 'approve' | 'publish' | 'restore' | 'conflict' | 'correct';

export interface RevisionSummary {
  id: Id;
  storyId: Id;
  /** The story version the revision holds (a conflict revision holds text never saved as a version). */
  version: number;
  reason: RevisionReason;
  authorId: Id;
  authorName: string;
  createdAt: Timestamp;
  wordCount: number;
}

/**
 * Every kind of audit event the core writes about a story: each workflow action, and the core's
 * own events. insertAuditEvent takes only these, and shared/historyLabels.ts names each one.
 */
export const AUDIT_EVENT_KINDS = [
  ...ACTIONS,
  'create',
  'autoPublish',
  'scheduleFailed',
  'forceUnlock',
  'signOutUnlock',
  'restore',
  'finding.dismiss',
  'finding.restore',
  'photo.attach',
  'photo.recaption',
  'photo.detach',
  'photo.reorder',
  'photo.libraryChanged',
] as const;
export type AuditEventKind = (typeof AUDIT_EVENT_KINDS)[number];

export interface AuditEvent {
  id: Id;
  storyId: Id;
  actorId: Id;
  actorName: string;
  event: AuditEventKind;
  from: Status | null;
  to: Status | null;
  note: string | null;
  at: Timestamp;
}

/** The fields of a story's photo a re-caption may change. */
export type PhotoTextField = 'caption' | 'credit' | 'alt';

/**
 * One row of a story's history: an audit event together with the revision kept by the same move
 * (a submit and the text it submitted are one row), or a revision kept on its own (an autosave, a
 * conflict copy). Newest first in stories.history.
 */
export interface HistoryEntry {
  /** Stable across reloads: 'e' and the audit event's id, or 'r' and the revision's id. */
  key: string;
  /** What happened; null for a revision kept on its own (its reason says why). */
  event: AuditEventKind | null;
  actorId: Id;
  actorName: string;
  at: Timestamp;
  from: Status | null;
  to: Status | null;
  /** The note the person gave (send back, correction, kill, force unlock, dismissal), or the core's. */
  note: string | null;
  /** The text kept with it, to compare or restore. */
  revision: RevisionSummary | null;
  /** A publish or kill: the published version it made (its own sequence: 1, 2, 3 …). */
  publishedVersion: number | null;
  /** A schedule (or a failed scheduled publish): when the story was to publish. */
  publishAt: Timestamp | null;
  /** A restore: the saved version whose text it brought back. */
  restoredVersion: number | null;
  /** What the core recorded with it in words (a photo's file and placement, why a scheduled publish failed); `note` is what a person wrote. */
  detail: string | null;
  /** A re-caption: which of the photo's fields changed, and the caption it has now when that changed. */
  photo: { fields: PhotoTextField[]; caption: string | null } | null;
}

/**
 * What the desk changed in the text since its writers last had it: the word diff, field by field,
 * from the writers' last revision before the desk took the story to the story's current text.
 */
export interface DeskChanges {
  /** The writers' last version: the last revision one of them kept before the desk touched the story. */
  base: RevisionSummary;
  /** The story's writers (its byline): the people the changes are shown to. */
  writers: { staffId: Id; name: string }[];
  /** The desk people who changed the text, first to change it first. */
  editors: { staffId: Id; name: string }[];
  headline: DiffPart[];
  /** The subheadlines, one a line. */
  subheadlines: DiffPart[];
  /** The body's text as bodyText() joins it (paragraphs separated by a blank line), so the editor can mark it in place. */
  body: DiffPart[];
  /** Words inserted and deleted, over every field. */
  added: number;
  removed: number;
}

export interface DiffPart {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
}

export type Severity = 'blocking' | 'warning' | 'info';

/** The parts of a story a copy check can point at (caption, credit and alt belong to a photo). */
export type CheckField = 'headline' | 'subheadlines' | 'byline' | 'dateline' | 'body' | 'caption' | 'credit' | 'alt';

/** Offsets into a text: the body's bodyText(), or the string of a headline, subheadline or caption. */
export interface TextRange {
  from: number;
  to: number;
}

/** Where a finding applies: a field, a photo's field, and for text, the words in it. */
export interface FindingPlace {
  field: CheckField;
  /** For caption, credit and alt: the story photo. */
  storyPhotoId?: Id;
  /** For subheadlines: which one. */
  index?: number;
  range?: TextRange;
}

/** One replacement a fix makes: the text `find` at `place.range` becomes `replace`. */
export interface FixEdit {
  place: FindingPlace & { range: TextRange };
  /** What the range holds when the fix was offered; a fix whose text has since changed is stale. */
  find: string;
  replace: string;
}

export interface FindingFix {
  label: string;
  edits: FixEdit[];
}

/** A desk editor's decision that a warning or note does not apply, with why. */
export interface Dismissal {
  key: string;
  note: string;
  by: Id;
  byName: string;
  at: Timestamp;
}

export interface Finding {
  /** The check that found it, e.g. 'name-spelling'. */
  id: string;
  /**
   * Stable while the problem stands (the check and what it found, not where): a dismissal names
   * it, and edits elsewhere in the story do not change it.
   */
  key: string;
  severity: Severity;
  message: string;
  /** Every place it applies, the first being where to jump; the editor marks each. */
  places: FindingPlace[];
  /** Fixes to choose from (a name spelled two ways offers both spellings); may be empty. */
  fixes: FindingFix[];
  /** Set by the core when a desk editor dismissed it. */
  dismissed?: Dismissal;
}

/** Open findings of a story: not dismissed, by severity (info notes are not counted). */
export interface FindingCounts {
  blocking: number;
  warning: number;
}

/** A house-style rule: the form the paper prints, the forms it replaces, and where it applies. */
export interface HouseStyleRule {
  preferred: string;
  /** Matched as whole words, exactly as written (so "AEGIS" is caught and "Aegis" is not). */
  avoid: string[];
  where: 'everywhere' | 'headlines' | 'body' | 'captions';
  /** Why, shown with the finding (e.g. "Headlines only: space is short"). */
  note?: string;
}

/** The IPTC fields a photo carries: read from the file on import, edited in the library. */
export interface PhotoMetadata {
  caption: string;
  headline: string;
  credit: string;
  creator: string;
  copyright: string;
  source: string;
  keywords: string[];
  dateCreated: string | null;
  city: string;
  country: string;
  instructions: string;
  alt: string;
}

/** A photo's file facts (width and height as displayed, after EXIF orientation). */
export interface PhotoFile {
  hash: string;
  originalName: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

export interface PhotoAsset extends PhotoMetadata, PhotoFile {
  id: Id;
  importedAt: Timestamp;
  importedBy: Id;
  /** URLs the renderer can load (served by the transport), e.g. /media/<hash>/thumb.jpg */
  thumbUrl: string;
  displayUrl: string;
  usedIn: number;
  /** What was odd about the file's metadata when it was imported (blocks that disagree, bad encodings), for the photo editor. */
  metadataWarnings: string[];
}

export interface StoryPhoto {
  id: Id;
  storyId: Id;
  assetId: Id;
  placement: 'lead' | 'inline';
  order: number;
  caption: string;
  credit: string;
  alt: string;
  asset: PhotoAsset;
  /**
   * The creator and copyright as the desk approved them with the story (set from approval until
   * it is reopened): the story publishes these even if the library record changes since.
   */
  approved?: { creator: string; copyright: string };
}

export interface PublishedVersionSummary {
  version: number;
  publishedAt: Timestamp;
  publishedBy: Id;
  publishedByName: string;
  pubStatus: 'usable' | 'canceled';
  correctionNote: string | null;
  path: string;
  exportStatus: 'none' | 'ok' | 'failed';
  exportError: string | null;
}

export interface Settings {
  /** Idle minutes after which a text lock lapses. */
  lockTimeoutMinutes: number;
  /** Largest photo file accepted on import, in bytes. */
  maxPhotoBytes: number;
  /** Code replacements for captions, e.g. { code: '=yna=', text: 'Yonhap' }. */
  codeReplacements: { code: string; text: string }[];
  metadataTemplates: {
    name: string;
    fields: Partial<Pick<PhotoAsset, 'caption' | 'credit' | 'creator' | 'copyright' | 'source' | 'alt' | 'keywords'>>;
  }[];
  /** Copy checks: headlines longer than this many characters are flagged. */
  headlineMaxChars: number;
  /** Copy checks: sentences longer than this many words are noted. */
  sentenceMaxWords: number;
  /** The house-style list the desk edits. */
  houseStyle: HouseStyleRule[];
  /**
   * The newsroom's time zone (an IANA name, e.g. Asia/Seoul) for every time the app shows and the
   * dates of published pages; null: the computer's own. ninjs stays in UTC.
   */
  timeZone: string | null;
  /**
   * Where the newsroom serves its published packages to the public (http(s), no trailing slash),
   * e.g. https://news.example.com: ninjs links a rendition as <base>/published/<story>/v<n>/images/….
   * null: links use a placeholder host (.invalid) that resolves nowhere.
   */
  publicBaseUrl: string | null;
}

/**
 * The folder each published package is also copied to, as settings.get reports it: its name only.
 * It is chosen outside the API (the desktop's folder dialog, or `--export-dir` where the server
 * starts), and a path on the server is none of a browser's business.
 */
export interface ExportFolder {
  name: string;
}

/** The settings the copy checks read. */
export type CheckSettings = Pick<Settings, 'headlineMaxChars' | 'sentenceMaxWords' | 'houseStyle'>;

export type ChangeEvent =
  /**
   * `photos`: the story's photos changed (a re-caption changes no version, so clients must refetch).
   * `findings`: 'counted' when its open findings were counted again (queues show the count),
   * 'dismissals' when a desk editor dismissed or restored one (open editors refetch them).
   */
  | { type: 'story.changed'; storyId: Id; status: Status; version: number; photos?: true; findings?: 'counted' | 'dismissals' }
  | { type: 'lock.changed'; storyId: Id; lock: StoryLock | null }
  | { type: 'photo.imported'; assetIds: Id[] }
  | { type: 'photo.changed'; assetId: Id }
  /** A staff member was added or changed (name, roles, desks): bylines and pickers show them. */
  | { type: 'staff.changed'; staffId: Id }
  /** Settings changed (e.g. the desk's house style): open editors check again with them. */
  | { type: 'settings.changed'; keys: (keyof Settings)[] }
  /** The client missed events it cannot be sent again (a long gap, a server restart): refetch what is shown. */
  | { type: 'resync' }
  /** A desktop's connection or outbox changed (only a desktop's own shell sends it, to its own window). */
  | { type: 'desktop.changed'; status: DesktopStatus };

// ── the desktop's newsroom, offline copy and outbox ──────────────────────────

/**
 * Where this app's newsroom lives. 'local': a desktop app with its own newsroom on this computer;
 * 'connected': a desktop app working with a newsroom server, keeping an offline copy and an
 * outbox; 'server': the newsroom server itself (a browser on it, scripts) — no outbox.
 */
export type NewsroomMode = 'local' | 'connected' | 'server';

/** 'sending': online and replaying the outbox. */
export type DesktopConnection = 'online' | 'offline' | 'sending';

export interface DesktopStatus {
  mode: NewsroomMode;
  /** False on a desktop's first run, before the person chose "This computer only" or a server. */
  chosen: boolean;
  /** The newsroom server a connected desktop works with. */
  server: {
    url: string;
    /** SHA-256 fingerprint (AB:CD:…) of the certificate pinned when the person trusted it; null when an authority the computer trusts signed it. */
    pinnedFingerprint: string | null;
    /** The server now shows a different certificate than the one pinned: nothing is sent until the person decides. */
    certificateChanged: boolean;
  } | null;
  connection: DesktopConnection;
  /** Outbox entries waiting to be sent (excludes those kept aside for the person to decide). */
  waiting: number;
  /** While sending: how far the current replay is ("Sending 2 of 3…"). */
  sending: { done: number; total: number } | null;
  /** The last time the server answered; what the offline copy is as of. */
  lastOnlineAt: Timestamp | null;
  /** The server refused this desktop's device session (ended, expired, password changed): sign in again; the outbox is kept. */
  needsSignIn: boolean;
  /** Why the desktop is offline or stuck, in words ("The server did not answer within 5 seconds."); null when all is well. */
  problem: string | null;
  /** How far this computer's clock is from the server's, in seconds (positive: ahead); null until known. */
  clockSkewSeconds: number | null;
}

export type OutboxKind = 'create' | 'save' | 'photo';

/**
 * 'waiting': queued, not yet acknowledged; 'sending': being replayed now; 'conflict': the server
 * had a newer version or the lock was broken: the text was kept there as revision `revisionId`
 * and the editor shows the conflict; 'kept': the story was deleted or spiked on the server, or
 * the server refused the entry for good: its text stays here as a local draft to copy or resubmit.
 */
export type OutboxState = 'waiting' | 'sending' | 'conflict' | 'kept';

export interface OutboxEntry {
  id: Id;
  kind: OutboxKind;
  /** The story on the server (null for a story created offline and not yet sent). */
  storyId: Id | null;
  /** The desktop's id for a story created offline, and the key that makes its creation happen once. */
  clientId: string | null;
  /** What the person recognises it by: the story's headline, or the photo's file name. */
  title: string;
  state: OutboxState;
  /** Why it waits or what became of it, in words. */
  reason: string;
  /** The story version the queued text was based on. */
  baseVersion: number | null;
  /** The server revision a conflicting save's text was kept as. */
  revisionId: Id | null;
  /** A kept entry's text as plain text (headline, subheadlines, dateline, body), for the person to copy; null otherwise. */
  text: string | null;
  attempts: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
