// The desk's check settings until it changes them: the limits and house style of issue 6.

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
