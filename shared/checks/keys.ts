// What a finding's key is made of. A key names the check and what it found, never where (no
// offsets): a desk editor's dismissal names the key, so it must survive edits elsewhere in the
// story. The engine adds `#2`, `#3`… when a check finds the same subject again.

import type { FindingPlace } from '../domain.js';
import { targetKey } from './edits.js';

/** Longest subject kept whole; longer ones keep their start and a hash of the rest. */
const MAX_SUBJECT = 80;
const SPACES = /\s+/g;
const SPACE_RUN = /\s+/;

/** FNV-1a over UTF-16 units, as 7 base-36 digits: short, stable across runs and platforms. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/** Lower case, whitespace collapsed, trimmed; past MAX_SUBJECT characters cut and hashed. */
export function subject(text: string): string {
  const s = text.replace(SPACES, ' ').trim().toLowerCase();
  if (s.length <= MAX_SUBJECT) return s;
  return `${s.slice(0, MAX_SUBJECT - 9)}…${shortHash(s)}`;
}

/** The first `n` words of a text as a subject ("the three countries agreed to…"), read from at most 400 characters. */
export function firstWords(text: string, n = 8): string {
  const head = text.slice(0, 400).trim().split(SPACE_RUN);
  return subject(head.slice(0, n).join(' ') + (head.length > n ? '…' : ''));
}

/** The first `n` words of a text as written, for a message: "The three countries agreed to…". */
export function excerpt(text: string, n = 6): string {
  const head = text.slice(0, 400).trim().split(SPACE_RUN);
  return head.slice(0, n).join(' ') + (head.length > n ? '…' : '');
}

/** How far either side of a match its context is looked for (keeps every key O(1) to build). */
const CONTEXT_CHARS = 40;

/**
 * The match with up to `n` words either side, as a subject: "held in [the the] capital".
 * Looks at most CONTEXT_CHARS either side and stops at a line break (a paragraph's end).
 */
export function contextAround(text: string, from: number, to: number, n = 2): string {
  let before = text.slice(Math.max(0, from - CONTEXT_CHARS), from);
  let after = text.slice(to, to + CONTEXT_CHARS);
  const nlBefore = before.lastIndexOf('\n');
  if (nlBefore !== -1) before = before.slice(nlBefore + 1);
  const nlAfter = after.indexOf('\n');
  if (nlAfter !== -1) after = after.slice(0, nlAfter);
  const left = before.split(SPACE_RUN).filter(Boolean).slice(-n).join(' ');
  const right = after.split(SPACE_RUN).filter(Boolean).slice(0, n).join(' ');
  return subject(`${left} [${text.slice(from, to)}] ${right}`);
}

/**
 * A subject with the text it was found in first ("caption/12: officials met [in in] seoul"):
 * the same slip in a caption and in the body are two subjects, so fixing one never renumbers
 * the other (and moves a dismissal onto it).
 */
export function sourceSubject(src: Pick<FindingPlace, 'field' | 'storyPhotoId' | 'index'>, what: string): string {
  return `${targetKey(src)}: ${what}`;
}
