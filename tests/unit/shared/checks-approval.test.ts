// What a finding asks of the desk before approval: blocking ones are fixed; those to decide
// before approval (a name spelled two ways) are fixed or dismissed with a note; other warnings
// are weighed by the desk editor; notes never stand in the way. Only approving waits for the
// decisions: submitting, scheduling and publishing do not.

import { describe, expect, it } from 'vitest';
import { approvalRefused, approvalReview, CHECKS, findingClass, isDismissable, mustDecide, runChecks } from '../../../shared/checks/index.js';
import type { Dismissal, Finding } from '../../../shared/domain.js';
import { dismissRefusal, TRANSITIONS } from '../../../shared/workflow.js';
import { ids, seed, story } from './checks-support.js';

const dismissal: Dismissal = { key: 'x', note: 'Both are right.', by: 1, byName: 'Kim Min-ji', at: '2026-01-01T00:00:00.000Z' };
const dismissed = (f: Finding): Finding => ({ ...f, dismissed: { ...dismissal, key: f.key } });

/** A clean story but for a name spelled two ways and a doubled word. */
const twoWays = () => runChecks(story(['Director-general Seo Min-jung met reporters on Monday.', 'Seo Min-jeong said the the talks went well.']));

describe('the class of a finding', () => {
  it('a name spelled two ways is decided before approval; the check says so in its own definition', () => {
    const name = CHECKS.find((c) => c.id === 'name-spelling');
    expect(name).toMatchObject({ severity: 'warning', decideBeforeApproval: true });
    const finding = twoWays().find((f) => f.id === 'name-spelling')!;
    expect(mustDecide(finding)).toBe(true);
    expect(findingClass(finding)).toBe('decide');
    // It may be dismissed (with a note, by a desk editor), unlike a blocking finding.
    expect(isDismissable(finding)).toBe(true);
    expect(dismissRefusal({ id: 1, roles: ['desk_editor'] }, finding.severity)).toBeNull();
    expect(dismissRefusal({ id: 2, roles: ['reporter'] }, finding.severity)?.code).toBe('FORBIDDEN');
  });

  it('only warnings are decided before approval: never a blocking finding (fixed) or a note', () => {
    const deciding = CHECKS.filter((c) => c.decideBeforeApproval);
    expect(deciding.map((c) => c.id)).toEqual(['name-spelling']);
    for (const c of deciding) expect(c.severity, c.id).toBe('warning');
    // Severity wins over the flag: a blocking finding is blocking.
    expect(findingClass({ id: 'name-spelling', severity: 'blocking' })).toBe('blocking');
    expect(mustDecide({ id: 'name-spelling', severity: 'blocking' })).toBe(false);
  });

  it('every other finding keeps its severity as its class', () => {
    expect(findingClass({ id: 'doubled-word', severity: 'warning' })).toBe('warning');
    expect(findingClass({ id: 'headline-missing', severity: 'blocking' })).toBe('blocking');
    expect(findingClass({ id: 'reading-time', severity: 'info' })).toBe('info');
    expect(findingClass({ id: 'no-such-check', severity: 'warning' })).toBe('warning');
  });
});

describe('what approval meets', () => {
  it('the name to decide, the doubled word to weigh, the note left out', () => {
    const findings = twoWays();
    expect(ids(findings)).toEqual(['name-spelling', 'doubled-word', 'reading-time']);
    const review = approvalReview(findings);
    expect({ blocking: ids(review.blocking), undecided: ids(review.undecided), warnings: ids(review.warnings) }).toEqual({
      blocking: [],
      undecided: ['name-spelling'],
      warnings: ['doubled-word'],
    });
    expect(approvalRefused(review)).toBe(true);
  });

  it('a dismissal decides the name: approval goes ahead; dismissed warnings are not listed', () => {
    const review = approvalReview(twoWays().map(dismissed));
    expect(review).toEqual({ blocking: [], undecided: [], warnings: [] });
    expect(approvalRefused(review)).toBe(false);
    const nameOnly = approvalReview(twoWays().map((f) => (f.id === 'name-spelling' ? dismissed(f) : f)));
    expect({ undecided: ids(nameOnly.undecided), warnings: ids(nameOnly.warnings) }).toEqual({ undecided: [], warnings: ['doubled-word'] });
    expect(approvalRefused(nameOnly)).toBe(false);
  });

  it('a blocking finding refuses approval whatever an old dismissal says', () => {
    const input = story(['The talks resumed.'], { headline: '' });
    const findings = runChecks(input).map(dismissed);
    const review = approvalReview(findings);
    expect(ids(review.blocking)).toEqual(['headline-missing']);
    expect(approvalRefused(review)).toBe(true);
  });

  it('the seed article: its director-general spelled two ways is to be decided, its other findings weighed', () => {
    const review = approvalReview(runChecks(seed()));
    expect(review.blocking).toEqual([]);
    expect(review.undecided).toHaveLength(1);
    expect(review.undecided[0]!.message).toMatch(/Seo Min-jung.*Seo Min-jeong/);
    expect(review.warnings.every((f) => f.severity === 'warning' && !mustDecide(f))).toBe(true);
  });
});

describe('which moves wait for the decisions', () => {
  it('approving does; submitting records the findings, scheduling and publishing refuse only blocking ones', () => {
    expect(TRANSITIONS.approve.checks).toBe('approve');
    expect(TRANSITIONS.submit.checks).toBe('record');
    expect(TRANSITIONS.publish.checks).toBe('block');
    expect(TRANSITIONS.schedule.checks).toBe('block');
    // Only approving leads to 'approved': nothing approves a story by the way.
    const toApproved = Object.entries(TRANSITIONS).filter(([, t]) => t.to === 'approved');
    expect(toApproved.map(([a, t]) => [a, t.from])).toEqual([
      ['approve', ['editing']],
      ['unschedule', ['scheduled']],
    ]);
  });
});
