import type { HouseStyleRule } from '../domain.js';
import { editIn, placeIn } from './context.js';
import { contextAround } from './keys.js';
import { styleMatches } from './style-matcher.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult } from './types.js';

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
          subject: `${preferred.toLowerCase()}: ${contextAround(src.text, m.from, m.to)}`,
          message: `House style: "${preferred}", not "${m.form}"${WHERE[m.rule.where]}.${note?.trim() ? ` ${note.trim()}` : ''}`,
          places: [placeIn(src, m.from, m.to)],
          fixes: [{ label: `Change to \u201c${preferred}\u201d`, edits: [editIn(src, m.from, m.to, preferred)] }],
        });
        if (out.length >= MAX_FINDINGS_PER_CHECK) return out;
      }
    }
    return out;
  },
};
