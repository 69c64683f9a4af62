import type { FixEdit, HouseStyleRule } from '../domain.js';
import { isHangulSyllable } from './chars.js';
import { editIn, placeIn } from './context.js';
import { contextAround, sourceSubject } from './keys.js';
import { styleMatches } from './style-matcher.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult, type TextSource } from './types.js';

const WHERE: Record<HouseStyleRule['where'], string> = {
  everywhere: '',
  headlines: ', in headlines',
  body: ', in body text',
  captions: ', in captions',
};

// The desk's own list (settings.houseStyle): each form to avoid, where its rule applies, with a
// one-click fix to the preferred form.
export const houseStyle: Check = {
  id: 'house-style',
  severity: 'warning',
  run: ({ sources, settings }) => {
    const rules = settings.houseStyle;
    if (rules.length === 0) return [];
    const out: CheckResult[] = [];
    for (const src of sources) {
      for (const m of styleMatches(rules, src.kind, src.text)) {
        const { preferred, note } = m.rule;
        out.push({
          subject: sourceSubject(src, `${preferred.toLowerCase()}: ${contextAround(src.text, m.from, m.to)}`),
          message: `House style: "${preferred}", not "${m.form}"${WHERE[m.rule.where]}.${note?.trim() ? ` ${note.trim()}` : ''}`,
          places: [placeIn(src, m.from, m.to)],
          fixes: [{ label: `Change to \u201c${preferred}\u201d`, edits: [replaceForm(src, m.from, m.to, preferred)] }],
        });
        if (out.length >= MAX_FINDINGS_PER_CHECK) return out;
      }
    }
    return out;
  },
};

/**
 * Korean particles that are written two ways, after a syllable with a final consonant or without
 * one: 북한은 / 북괴는. Longest first (으로 before 로); 로 follows a final ㄹ as well (서울로).
 */
const PARTICLES: { after: string; bare: string; rieul?: boolean }[] = [
  { after: '\uc73c\ub85c', bare: '\ub85c', rieul: true }, // 으로 / 로
  { after: '\uc740', bare: '\ub294' }, // 은 / 는
  { after: '\uc774', bare: '\uac00' }, // 이 / 가
  { after: '\uc744', bare: '\ub97c' }, // 을 / 를
  { after: '\uacfc', bare: '\uc640' }, // 과 / 와
];
/** What may follow 으로 / 로 in the same word: 으로서, 으로써. */
const RO_ENDINGS = ['\uc11c', '\uc368'];

/**
 * The edit replacing text[from, to) with the preferred form. The particle a Korean form carries
 * is kept (북괴는 → 북한…); where the preferred form ends in a syllable that takes the other way
 * of writing it, the edit covers the particle too and writes it that way (북괴는 → 북한은, 북괴가 → 북한이).
 */
function replaceForm(src: TextSource, from: number, to: number, preferred: string): FixEdit {
  const last = preferred.charCodeAt(preferred.length - 1);
  if (!isHangulSyllable(last) || !isHangulSyllable(src.text.charCodeAt(to))) return editIn(src, from, to, preferred);
  const final = (last - 0xac00) % 28;
  for (const p of PARTICLES) {
    for (const written of [p.after, p.bare]) {
      if (!src.text.startsWith(written, to)) continue;
      const end = to + written.length;
      const next = src.text.charCodeAt(end);
      // A particle ends its word (a syllable after it would make it part of another word).
      const ends = !isHangulSyllable(next) || (p.rieul === true && RO_ENDINGS.some((e) => src.text.startsWith(e, end)));
      if (!ends) return editIn(src, from, to, preferred);
      const wanted = final === 0 || (p.rieul === true && final === 8) ? p.bare : p.after;
      return wanted === written ? editIn(src, from, to, preferred) : editIn(src, from, end, preferred + wanted);
    }
  }
  return editIn(src, from, to, preferred);
}
