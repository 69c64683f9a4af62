// The copy-check engine: every check a newsroom expects, run over a story and its photos.
// Pure: the editor runs it live, the core runs it on submit, approve and publish.

import type { Finding, Severity } from '../domain.js';
import { bodyEmpty } from './body-empty.js';
import { bylineEmpty } from './byline-empty.js';
import { captionCreditRepeated } from './caption-credit-repeated.js';
import { buildContext } from './context.js';
import { datelineMissing } from './dateline-missing.js';
import { doubleSpaces } from './double-spaces.js';
import { doubledWords } from './doubled-words.js';
import { figurePhotoMissing } from './figure-photo-missing.js';
import { headlineLength } from './headline-length.js';
import { headlineMissing } from './headline-missing.js';
import { longParagraphs } from './long-paragraphs.js';
import { nameSpelling } from './name-spelling.js';
import { photoAltMissing } from './photo-alt-missing.js';
import { photoCaptionMissing } from './photo-caption-missing.js';
import { photoCreditMissing } from './photo-credit-missing.js';
import { readingTime } from './reading-time.js';
import type { Check, CheckInput } from './types.js';
import { unsafeLink } from './unsafe-link.js';

export type { Check, CheckInput } from './types.js';

export const CHECKS: readonly Check[] = [
  headlineMissing,
  bodyEmpty,
  bylineEmpty,
  photoCaptionMissing,
  photoCreditMissing,
  unsafeLink,
  photoAltMissing,
  nameSpelling,
  headlineLength,
  doubledWords,
  doubleSpaces,
  datelineMissing,
  captionCreditRepeated,
  figurePhotoMissing,
  longParagraphs,
  readingTime,
];

const RANK: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

/** Every finding for the story, blocking first, then warnings, then notes. */
export function runChecks(input: CheckInput): Finding[] {
  const ctx = buildContext(input);
  const findings = CHECKS.flatMap((check) => check.run(ctx).map((f) => ({ id: check.id, severity: check.severity, ...f })));
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** The findings that stop approve and publish. */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'blocking');
}
