// The copy-check engine: every check a copy desk makes, run over a story and its photos.
// Pure: the editor runs it live, the core runs it on submit, approve and publish. Every check is
// linear (or near it) in the length of the text, so a pasted 100,000-character paragraph or a
// page of brackets is checked in milliseconds, never hangs the editor.

import type { Finding, FindingCounts, Severity } from '../domain.js';
import { bodyEmpty } from './body-empty.js';
import { bylineEmpty } from './byline-empty.js';
import { captionCreditRepeated } from './caption-credit-repeated.js';
import { captionInBody } from './caption-in-body.js';
import { buildContext } from './context.js';
import { datelineMissing } from './dateline-missing.js';
import { doubleSpaces } from './double-spaces.js';
import { doubledWords } from './doubled-words.js';
import { figurePhotoMissing } from './figure-photo-missing.js';
import { headlineLength } from './headline-length.js';
import { headlineMissing } from './headline-missing.js';
import { houseStyle } from './house-style.js';
import { longParagraphs } from './long-paragraphs.js';
import { longSentence } from './long-sentence.js';
import { nameSpelling } from './name-spelling.js';
import { paragraphRepeated } from './paragraph-repeated.js';
import { photoAltMissing } from './photo-alt-missing.js';
import { photoCaptionMissing } from './photo-caption-missing.js';
import { photoCreditMissing } from './photo-credit-missing.js';
import { readingTime } from './reading-time.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckInput } from './types.js';
import { unbalancedBrackets } from './unbalanced-brackets.js';
import { unbalancedQuotes } from './unbalanced-quotes.js';
import { unsafeLink } from './unsafe-link.js';

export type { Check, CheckContext, CheckInput, CheckResult } from './types.js';
export { MAX_FINDINGS_PER_CHECK } from './types.js';
export { buildContext } from './context.js';
export { CHECK_SETTING_KEYS, DEFAULT_CHECK_SETTINGS, pickCheckSettings } from './settings.js';
export { applyTextEdits, editTargets, planFix, targetKey, type FixPlan, type TextEdit } from './edits.js';

/** Every check, in the order its findings are listed within a severity. */
export const CHECKS: readonly Check[] = [
  headlineMissing,
  bodyEmpty,
  bylineEmpty,
  photoCaptionMissing,
  photoCreditMissing,
  unsafeLink,
  nameSpelling,
  headlineLength,
  datelineMissing,
  houseStyle,
  doubledWords,
  doubleSpaces,
  unbalancedQuotes,
  unbalancedBrackets,
  paragraphRepeated,
  captionInBody,
  captionCreditRepeated,
  photoAltMissing,
  figurePhotoMissing,
  longSentence,
  longParagraphs,
  readingTime,
];

const RANK: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

/**
 * Every finding for the story: blocking first, then warnings, then notes; within a severity by
 * check (CHECKS order), then as each check found them (reading order). Each key is
 * `${checkId}:${subject}`, with `#2`, `#3`… when a check finds the same subject again.
 */
export function runChecks(input: CheckInput): Finding[] {
  const ctx = buildContext(input);
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    const seen = new Map<string, number>();
    for (const r of check.run(ctx).slice(0, MAX_FINDINGS_PER_CHECK)) {
      const base = `${check.id}:${r.subject}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      findings.push({
        id: check.id,
        key: n === 1 ? base : `${base}#${n}`,
        severity: check.severity,
        message: r.message,
        places: r.places,
        fixes: r.fixes ?? [],
      });
    }
  }
  // Array.prototype.sort is stable: the order within a severity stays as found.
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** The findings that stop approve, schedule and publish. */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'blocking');
}

/** The checks whose findings are blocking until decided, as each check's definition says. */
const DECIDED_BEFORE_APPROVAL: ReadonlySet<string> = new Set(CHECKS.filter((c) => c.decideBeforeApproval).map((c) => c.id));

/**
 * Blocking until decided: the story is not approved while this finding is open, but unlike a
 * blocking finding a desk editor may dismiss it with a note (a name both spellings of which are right).
 */
export function mustDecide(finding: Pick<Finding, 'id' | 'severity'>): boolean {
  return finding.severity !== 'blocking' && DECIDED_BEFORE_APPROVAL.has(finding.id);
}

/** What a finding asks of the desk, most serious first: fixed; decided before approval; weighed; noted. */
export type FindingClass = 'blocking' | 'decide' | 'warning' | 'info';

export function findingClass(finding: Pick<Finding, 'id' | 'severity'>): FindingClass {
  return mustDecide(finding) ? 'decide' : finding.severity;
}

/** The open findings that stand between a saved story and its approval. */
export interface ApprovalReview {
  /** Blocking findings: the core refuses approval until they are fixed. */
  blocking: Finding[];
  /** Findings to decide before approval, neither fixed nor dismissed: the core refuses approval until each is. */
  undecided: Finding[];
  /** The other warnings not dismissed: approval goes ahead, once the desk editor has seen them. */
  warnings: Finding[];
}

/**
 * Sorts the open findings of a saved story (as the core gives them: dismissed ones marked) by
 * what approval needs of them. Notes never stand in the way.
 */
export function approvalReview(findings: readonly Finding[]): ApprovalReview {
  const review: ApprovalReview = { blocking: [], undecided: [], warnings: [] };
  for (const f of findings) {
    const kind = findingClass(f);
    if (kind === 'blocking') review.blocking.push(f);
    else if (f.dismissed || kind === 'info') continue;
    else if (kind === 'decide') review.undecided.push(f);
    else review.warnings.push(f);
  }
  return review;
}

/** Whether approval is refused: something blocking, or something not yet decided. */
export const approvalRefused = (review: ApprovalReview): boolean => review.blocking.length > 0 || review.undecided.length > 0;

/** A desk editor may set aside a warning or a note, never a blocking finding. */
export function isDismissable(finding: Pick<Finding, 'severity'>): boolean {
  return finding.severity !== 'blocking';
}

/** The same as isDismissable (both names are in use). */
export const DISMISSABLE = isDismissable;

/**
 * Open findings by severity, for the desk queue: blocking ones always (they cannot be
 * dismissed), warnings unless dismissed (by key, or marked by the core); notes are not counted.
 */
export function openFindingCounts(findings: readonly Finding[], dismissedKeys: ReadonlySet<string>): FindingCounts {
  const counts: FindingCounts = { blocking: 0, warning: 0 };
  for (const f of findings) {
    if (f.severity === 'blocking') counts.blocking += 1;
    else if (f.severity === 'warning' && !f.dismissed && !dismissedKeys.has(f.key)) counts.warning += 1;
  }
  return counts;
}
