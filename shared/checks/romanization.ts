// How newsrooms romanize the names they meet, as tables the name check reads: Korean family
// names in every spelling (the North's official one, McCune–Reischauer, Revised Romanization and
// the passport spellings people choose), Chinese family names and given names in pinyin and
// Wade–Giles, Russian given names in the wires' and TASS's transliterations, Japanese long vowels.
// Each table pairs only spellings of one name: a rule that pairs different people does not ship.

const table = (rows: string[]): Map<string, string> => {
  const out = new Map<string, string>();
  for (const row of rows) {
    const spellings = row.split(' ');
    for (const s of spellings) out.set(s, spellings[0]!);
  }
  return out;
};

/**
 * Korean family names: each row one Hangul name, its spellings (first the Revised one). Ri, Pak,
 * Choe, Jo, Rim, Ryang and Hyon are how the North and KCNA write 이, 박, 최, 조, 임, 양, 현.
 */
// prettier-ignore
const KOREAN_FAMILIES = table([
  'lee yi ri rhee ree rhie', 'park pak bak', 'choi choe chey choy', 'jeong jung chung jong cheong chong', 'jo cho joe jho',
  'kang gang', 'jeon chon chun jun jon', 'hyun hyon hyeon', 'yoon yun youn', 'yu yoo ryu rhyu you', 'lim im rim yim',
  'roh noh no ro', 'yang ryang', 'kwon gwon', 'ko koh go', 'shin sin', 'oh o', 'seo suh so', 'moon mun', 'hwang',
  'ahn an', 'baek paek paik baik', 'ban pan', 'nam', 'hong', 'kim gim', 'jang chang', 'han', 'song', 'koo ku gu',
  'woo u', 'yeom yom ryom', 'byun pyon byeon', 'ju joo chu', 'jin chin', 'cha', 'na ra', 'pyo', 'gil kil', 'ha', 'bang pang',
  'son sohn', 'bae pae', 'kwak gwak', 'sung seong', 'shim sim', 'won', 'heo huh hur', 'tae thae',
]);

/** The family names only the North's romanization uses: a name spelled with one is read the North's way (o may be 어). */
const NORTHERN_FAMILIES = new Set(['ri', 'pak', 'choe', 'jo', 'rim', 'ryang', 'hyon', 'jong', 'chon', 'pyon', 'ro', 'ryom', 'thae']);

/** The Hangul name a Korean family-name spelling stands for (as its Revised spelling), or null. */
export function koreanFamily(word: string): string | null {
  return KOREAN_FAMILIES.get(word.toLowerCase()) ?? null;
}

/** Whether a family-name spelling is the North's (Ri, Pak, Choe…). */
export const northernFamily = (word: string): boolean => NORTHERN_FAMILIES.has(word.toLowerCase());

// ── Chinese ──────────────────────────────────────────────────────────────────

/** Chinese family names: pinyin first, then the Wade–Giles and Taiwanese spellings of the same name. */
// prettier-ignore
const CHINESE_FAMILIES = table([
  'li lee', 'zhou chou', 'deng teng', 'xi hsi', 'jiang chiang', 'cai tsai', 'zhang chang', 'xu hsu', 'zhao chao', 'huang hwang',
  'guo kuo', 'gao kao', 'zheng cheng', 'xie hsieh', 'dong tung', 'xiao hsiao', 'cao tsao', 'zeng tseng', 'qian chien', 'qin chin',
  'kong kung', 'he ho', 'luo lo', 'song sung', 'ye yeh', 'mao', 'chen', 'liu', 'hu', 'lin', 'wu', 'tang', 'feng', 'peng', 'lu', 'su',
  'lai', 'wen', 'wang', 'yang', 'ma', 'sun', 'zhu chu', 'shi shih', 'bo po',
]);
/** Spellings no Korean name uses: a name with one of these family names is read as Chinese. */
const CHINESE_ONLY_FAMILIES = new Set([
  'li',
  'zhou',
  'chou',
  'deng',
  'teng',
  'xi',
  'hsi',
  'jiang',
  'chiang',
  'cai',
  'tsai',
  'zhang',
  'xu',
  'hsu',
  'zhao',
  'chao',
  'huang',
  'guo',
  'kuo',
  'gao',
  'kao',
  'zheng',
  'xie',
  'hsieh',
  'dong',
  'tung',
  'xiao',
  'hsiao',
  'cao',
  'tsao',
  'zeng',
  'tseng',
  'qian',
  'chien',
  'qin',
  'mao',
  'chen',
  'liu',
  'hu',
  'lin',
  'wu',
  'tang',
  'feng',
  'peng',
  'lai',
  'wen',
  'zhu',
  'shi',
  'shih',
  'ye',
  'yeh',
]);
/** Letters a Korean given name never holds: a given name with one is read as Chinese. */
const CHINESE_GIVEN = /hs|ts|tz|zh|x|q|z|ao|ai|ei|ou|iu|ie|uo|ian|c(?!h)/;

/**
 * A Chinese name's key, the same for its pinyin and Wade–Giles spellings ("Mao Zedong" / "Mao
 * Tse-tung", "Deng Xiaoping" / "Teng Hsiao-p'ing"): aspiration marks dropped, each initial and
 * final folded to one letter for both systems. Null unless the family name is Chinese. `marked`:
 * the spelling is certainly Chinese, not a Korean name that happens to share a family name (Lee).
 * The given name in letters only, lower case (names.ts's letters()).
 */
export function chineseKey(family: string, givenLetters: string): { key: string; marked: boolean } | null {
  const f = CHINESE_FAMILIES.get(family.toLowerCase());
  const g = givenLetters;
  if (!f || g.length < 2) return null;
  const folded = g
    .replace(/tz|ts/g, 'z')
    .replace(/hs/g, 'x')
    .replace(/zh|ch|q/g, 'j')
    .replace(/c/g, 'z')
    .replace(/k/g, 'g')
    .replace(/t/g, 'd')
    .replace(/p/g, 'b')
    .replace(/ung/g, 'ong')
    .replace(/ieh/g, 'ie')
    .replace(/ien/g, 'ian')
    .replace(/ih/g, 'i')
    .replace(/y(?=i)/g, '');
  return { key: `${f} ${folded}`, marked: CHINESE_ONLY_FAMILIES.has(family.toLowerCase()) || CHINESE_GIVEN.test(g) };
}

// ── Russian ──────────────────────────────────────────────────────────────────

// prettier-ignore
const RUSSIAN_GIVEN = new Set(
  ('dmitry dmitri dmitriy sergei sergey sergej yuri yury yuriy andrei andrey alexei alexey aleksei aleksey alexander aleksandr ' +
   'nikolai nikolay mikhail maxim maksim vasily vasili vassily yevgeny evgeny yevgeni evgeni anatoly anatoli gennady gennadi ' +
   'valery valeri valeriy arkady arkadi georgy georgi grigory grigori vitaly vitali vladimir vladislav viktor oleg igor ilya ' +
   'ilia pyotr petr fyodor fedor yevgeniy evgeniy natalia natalya tatiana tatyana yulia julia maria mariya anastasia anastasiya').split(' '),
);
const RUSSIAN_SURNAME = /(?:ov|ev|yov|ova|eva|in|ina|sky|ski|skiy|skaya|enko|ich|yev|yeva|ny|nyi|niy|oy)$/;

/**
 * A Russian name's key, the same for the wires' and TASS's transliterations of the given name
 * ("Dmitry" / "Dmitri", "Sergei" / "Sergey", "Alexei" / "Aleksei"), the surname as written. Null
 * unless the given name is a known Russian one or the surname is Russian-shaped. Both in letters
 * only, lower case (names.ts's letters()).
 */
export function russianKey(given: string, surnameLetters: string): string | null {
  const g = given.toLowerCase();
  const s = surnameLetters;
  if (!RUSSIAN_GIVEN.has(g) && !RUSSIAN_SURNAME.test(s)) return null;
  const folded = g
    .replace(/ks/g, 'x')
    .replace(/^ye/, 'e')
    .replace(/(?:iy|y|ij)$/, 'i')
    .replace(/ey|ej/g, 'ei')
    .replace(/ya/g, 'ia');
  return `ru ${folded} ${s}`;
}

// ── Japanese ─────────────────────────────────────────────────────────────────

/** Japanese long vowels written any way (Ōno, Ohno, Ono; Itō, Itoh, Ito; Yūko, Yuuko, Yuko) as one: a macron is dropped with the accents. */
export function foldLongVowels(lettersOnly: string): string {
  return lettersOnly
    .replace(/([ou])h(?![aeiouy])/g, '$1')
    .replace(/ou/g, 'o')
    .replace(/uu/g, 'u');
}
