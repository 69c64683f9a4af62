// The desk's check settings until an editor changes them: a headline that fits a page slot, a
// sentence a reader can follow, and the house style a Korea desk starts with.

import type { CheckSettings } from '../domain.js';

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  headlineMaxChars: 90,
  sentenceMaxWords: 45,
  houseStyle: [
    { preferred: 'North Korea', avoid: ['N. Korea'], where: 'body', note: 'Spelled out in body text.' },
    { preferred: 'N. Korea', avoid: ['North Korea'], where: 'headlines', note: 'Headlines only: space is short.' },
    { preferred: 'Aegis', avoid: ['AEGIS'], where: 'everywhere' },
  ],
};

/** The settings the copy checks read, in the order the settings screens list them. */
export const CHECK_SETTING_KEYS = ['houseStyle', 'headlineMaxChars', 'sentenceMaxWords'] as const satisfies readonly (keyof CheckSettings)[];

/** The copy checks' subset of the settings (the core's and the editor's checks read the same). */
export function pickCheckSettings(settings: CheckSettings): CheckSettings {
  const { headlineMaxChars, sentenceMaxWords, houseStyle } = settings;
  return { headlineMaxChars, sentenceMaxWords, houseStyle };
}
