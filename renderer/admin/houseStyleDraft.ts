// The house-style screen's working copy: rules as the desk types them (the forms to avoid as one
// text, comma-separated or one per line), checked here with the contract's own limits so a
// mistake is named beside its field before anything is sent, and the core's VALIDATION details
// ("houseStyle.2.avoid") mapped back onto the same fields.
import type { CheckSettings, HouseStyleRule, Settings } from '../../shared/domain.js';

export type Where = HouseStyleRule['where'];

export const WHERE_LABELS: Record<Where, string> = {
  everywhere: 'Everywhere',
  headlines: 'Headlines',
  body: 'Body text',
  captions: 'Captions',
};

/** The contract's bounds (settings.update). */
export const LIMITS = {
  headlineMaxChars: { min: 20, max: 500 },
  sentenceMaxWords: { min: 10, max: 500 },
  formChars: 200,
  formsPerRule: 20,
  noteChars: 500,
  rules: 1000,
} as const;

export interface RuleDraft {
  /** A key for React only: rules have no id of their own. */
  uid: number;
  preferred: string;
  avoid: string;
  where: Where;
  note: string;
}

export interface Draft {
  headlineMaxChars: string;
  sentenceMaxWords: string;
  rules: RuleDraft[];
}

/** Field keys for errors: 'headlineMaxChars', 'sentenceMaxWords', or '<rule index>.<preferred|avoid|where|note>'. */
export type Errors = Record<string, string>;

let nextUid = 1;
export const newRule = (): RuleDraft => ({ uid: nextUid++, preferred: '', avoid: '', where: 'everywhere', note: '' });

export function draftOf(s: CheckSettings): Draft {
  return {
    headlineMaxChars: String(s.headlineMaxChars),
    sentenceMaxWords: String(s.sentenceMaxWords),
    rules: s.houseStyle.map((r) => ({ uid: nextUid++, preferred: r.preferred, avoid: r.avoid.join('\n'), where: r.where, note: r.note ?? '' })),
  };
}

/** "AEGIS, Aegis system" or one per line → ['AEGIS', 'Aegis system']: trimmed, blanks and repeats dropped. */
export function splitForms(text: string): string[] {
  // The ideographic and full-width commas too: a Korean keyboard may give either.
  return [
    ...new Set(
      text
        .split(/[\n,，、]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function wholeNumber(text: string, bounds: { min: number; max: number }, what: string): { value?: number; error?: string } {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isInteger(n) || n < bounds.min || n > bounds.max) return { error: `${what} must be a whole number from ${bounds.min} to ${bounds.max}.` };
  return { value: n };
}

/** The settings to send, or the problems by field. */
export function validate(draft: Draft): { settings: CheckSettings } | { errors: Errors } {
  const errors: Errors = {};
  const headline = wholeNumber(draft.headlineMaxChars, LIMITS.headlineMaxChars, 'The longest headline');
  const sentence = wholeNumber(draft.sentenceMaxWords, LIMITS.sentenceMaxWords, 'The longest sentence');
  if (headline.error) errors.headlineMaxChars = headline.error;
  if (sentence.error) errors.sentenceMaxWords = sentence.error;

  const rules: HouseStyleRule[] = [];
  // Which rule first avoids each form: one form avoided by two rules would offer two fixes.
  const avoidedBy = new Map<string, number>();
  draft.rules.forEach((r, i) => {
    const preferred = r.preferred.trim();
    const avoid = splitForms(r.avoid);
    const note = r.note.trim();
    if (!preferred) errors[`${i}.preferred`] = 'Enter the form the paper prints.';
    else if (preferred.length > LIMITS.formChars) errors[`${i}.preferred`] = `At most ${LIMITS.formChars} characters.`;
    if (avoid.length === 0) errors[`${i}.avoid`] = 'Enter at least one form to avoid.';
    else if (avoid.length > LIMITS.formsPerRule) errors[`${i}.avoid`] = `At most ${LIMITS.formsPerRule} forms to avoid in one rule.`;
    else if (avoid.some((a) => a.length > LIMITS.formChars)) errors[`${i}.avoid`] = `Each form to avoid has at most ${LIMITS.formChars} characters.`;
    else if (avoid.includes(preferred)) errors[`${i}.avoid`] = `“${preferred}” is the preferred form; it cannot also be avoided.`;
    else {
      const taken = avoid.find((a) => avoidedBy.has(a));
      if (taken) errors[`${i}.avoid`] = `“${taken}” is already avoided in rule ${(avoidedBy.get(taken) as number) + 1}.`;
      for (const a of avoid) if (!avoidedBy.has(a)) avoidedBy.set(a, i);
    }
    if (note.length > LIMITS.noteChars) errors[`${i}.note`] = `At most ${LIMITS.noteChars} characters.`;
    rules.push({ preferred, avoid, where: r.where, ...(note ? { note } : {}) });
  });
  if (draft.rules.length > LIMITS.rules) errors.rules = `At most ${LIMITS.rules} rules.`;

  if (Object.keys(errors).length) return { errors };
  return { settings: { headlineMaxChars: headline.value as number, sentenceMaxWords: sentence.value as number, houseStyle: rules } };
}

/** The core's VALIDATION details ([{ path: 'houseStyle.2.avoid.0', message }]) as field errors. */
export function errorsFromDetails(details: unknown, fallback: string): Errors {
  const errors: Errors = {};
  if (Array.isArray(details)) {
    for (const d of details) {
      const path = String((d as { path?: unknown }).path ?? '');
      const message = String((d as { message?: unknown }).message ?? fallback);
      const rule = /^houseStyle\.(\d+)\.(preferred|avoid|where|note)/.exec(path);
      const key = rule ? `${rule[1]}.${rule[2]}` : path === 'headlineMaxChars' || path === 'sentenceMaxWords' ? path : null;
      if (key && !errors[key]) errors[key] = message;
    }
  }
  if (Object.keys(errors).length === 0) errors.form = fallback;
  return errors;
}

/** The settings this screen edits: a settings.changed naming none of them is not its business. */
export const HOUSE_STYLE_KEYS: readonly (keyof Settings)[] = ['houseStyle', 'headlineMaxChars', 'sentenceMaxWords'];

/** The draft as written, without React's keys: two drafts alike here show the same thing. */
function draftText(d: Draft): string {
  return JSON.stringify([d.headlineMaxChars, d.sentenceMaxWords, d.rules.map((r) => [r.preferred, r.avoid, r.where, r.note])]);
}

/** Whether the draft still says what `saved` says: untouched, so newer settings may replace it silently. */
export function isUntouched(draft: Draft, saved: CheckSettings): boolean {
  return draftText(draft) === draftText(draftOf(saved));
}

export function sameSettings(a: CheckSettings, b: CheckSettings): boolean {
  const text = (s: CheckSettings) => JSON.stringify([s.headlineMaxChars, s.sentenceMaxWords, s.houseStyle.map((r) => [r.preferred, r.avoid, r.where, r.note ?? ''])]);
  return text(a) === text(b);
}
