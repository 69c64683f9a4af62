// The photo-metadata cases checked against ExifTool: generated images with EXIF, IPTC IIM and XMP
// written by ExifTool itself (or, for what ExifTool does not write, such as UTF-16 XMP or a
// hand-split Extended XMP, built here byte by byte), each in the combination it stands for.
// Shared by the oracle test and the import benchmark. ExifTool is a test tool only.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { metadataSources, readPhotoMetadata } from '../../../core/photos/metadata/merge.js';
import { FIXTURES } from './helpers.js';

export const MWG_FIELDS = ['caption', 'creator', 'copyright', 'keywords', 'city', 'state', 'country', 'sublocation', 'dateCreated'] as const;
export type MwgField = (typeof MWG_FIELDS)[number];

/** The composite tag `exiftool -use MWG` gives for each field. */
export const EXIFTOOL_TAG: Record<MwgField, string> = {
  caption: 'Description',
  creator: 'Creator',
  copyright: 'Copyright',
  keywords: 'Keywords',
  city: 'City',
  state: 'State',
  country: 'Country',
  sublocation: 'Location',
  dateCreated: 'DateTimeOriginal',
};

interface Values {
  caption: string;
  creator: string[];
  copyright: string;
  keywords: string[];
  city: string;
  state: string;
  country: string;
  sublocation: string;
  /** EXIF-style, with its offset. */
  date: string;
}

export const AGENCY: Values = {
  caption: 'South Korean and Japanese officials shake hands before talks in Seoul',
  creator: ['Kim Min-jun', 'Lee Seo-yeon'],
  copyright: '© 2024 Yonhap News Agency',
  keywords: ['talks', 'Seoul', 'diplomacy'],
  city: 'Seoul',
  state: 'Seoul Special City',
  country: 'South Korea',
  sublocation: 'Yongsan',
  date: '2024:03:01 10:20:30+09:00',
};

export const DESK: Values = {
  caption: 'Officials meet in Busan ahead of the summit',
  creator: ['Park Ji-ho'],
  copyright: '© 2024 Newsdesk Photo',
  keywords: ['summit', 'Busan'],
  city: 'Busan',
  state: 'Busan Metropolitan City',
  country: 'Republic of Korea',
  sublocation: 'Haeundae',
  date: '2024:03:02 08:00:00+09:00',
};

export const KOREAN: Values = {
  caption: '서울에서 열린 한일 외교장관 회담에 앞서 악수하는 양국 대표',
  creator: ['김민준', '이서연'],
  copyright: '© 2024 연합뉴스',
  keywords: ['회담', '서울', '외교'],
  city: '서울',
  state: '서울특별시',
  country: '대한민국',
  sublocation: '용산구',
  date: '2024:03:01 10:20:30+09:00',
};

const LATIN: Values = {
  ...AGENCY,
  caption: 'Café crème à Zürich, Ångström façade',
  creator: ['José Núñez'],
  city: 'Zürich',
  country: 'Schweiz',
  state: 'Zürich',
  sublocation: 'Höngg',
};

const day = (d: string) => d.split(' ') as [string, string];

function exifArgs(v: Values, opts: { subSeconds?: boolean; artist?: string } = {}): string[] {
  const [d, t] = [v.date.slice(0, 19), v.date.slice(19)];
  const args = [
    `-EXIF:ImageDescription=${v.caption}`,
    `-EXIF:Artist=${opts.artist ?? v.creator.join('; ')}`,
    `-EXIF:Copyright=${v.copyright}`,
    `-EXIF:DateTimeOriginal=${d}`,
  ];
  if (t) args.push(`-EXIF:OffsetTimeOriginal=${t}`);
  if (opts.subSeconds) args.push('-EXIF:SubSecTimeOriginal=45');
  return args;
}

type IimOnly = Partial<Record<'caption' | 'creator' | 'copyright' | 'keywords' | 'city' | 'state' | 'country' | 'sublocation' | 'date', boolean>>;

function iimArgs(v: Values, charset: 'utf8' | 'utf8-undeclared' | 'latin1', only?: IimOnly): string[] {
  const want = (k: keyof IimOnly) => !only || only[k];
  const args = charset === 'utf8' ? ['-IPTC:CodedCharacterSet=UTF8'] : [];
  if (want('caption')) args.push(`-IPTC:Caption-Abstract=${v.caption}`);
  if (want('creator')) for (const c of v.creator) args.push(`-IPTC:By-line=${c}`);
  if (want('copyright')) args.push(`-IPTC:CopyrightNotice=${v.copyright}`);
  if (want('keywords')) for (const k of v.keywords) args.push(`-IPTC:Keywords=${k}`);
  if (want('city')) args.push(`-IPTC:City=${v.city}`);
  if (want('state')) args.push(`-IPTC:Province-State=${v.state}`);
  if (want('country')) args.push(`-IPTC:Country-PrimaryLocationName=${v.country}`);
  if (want('sublocation')) args.push(`-IPTC:Sub-location=${v.sublocation}`);
  if (want('date')) {
    const [d, t] = day(v.date);
    args.push(`-IPTC:DateCreated=${d}`, `-IPTC:TimeCreated=${t}`);
  }
  return args;
}

function xmpArgs(v: Values): string[] {
  return [
    `-XMP-dc:Description=${v.caption}`,
    ...v.creator.map((c) => `-XMP-dc:Creator=${c}`),
    `-XMP-dc:Rights=${v.copyright}`,
    ...v.keywords.map((k) => `-XMP-dc:Subject=${k}`),
    `-XMP-photoshop:City=${v.city}`,
    `-XMP-photoshop:State=${v.state}`,
    `-XMP-photoshop:Country=${v.country}`,
    `-XMP-iptcCore:Location=${v.sublocation}`,
    `-XMP-photoshop:DateCreated=${v.date}`,
  ];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An XMP packet with the values, written by hand (for encodings and layouts ExifTool does not write). */
export function handXmp(v: Partial<Values>, extra = ''): string {
  const props: string[] = [];
  if (v.caption !== undefined) props.push(`<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>${esc(v.caption)}</rdf:li></rdf:Alt></dc:description>`);
  if (v.creator) props.push(`<dc:creator><rdf:Seq>${v.creator.map((c) => `<rdf:li>${esc(c)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>`);
  if (v.copyright !== undefined) props.push(`<dc:rights><rdf:Alt><rdf:li xml:lang='x-default'>${esc(v.copyright)}</rdf:li></rdf:Alt></dc:rights>`);
  if (v.keywords) props.push(`<dc:subject><rdf:Bag>${v.keywords.map((c) => `<rdf:li>${esc(c)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`);
  if (v.city !== undefined) props.push(`<photoshop:City>${esc(v.city)}</photoshop:City>`);
  if (v.state !== undefined) props.push(`<photoshop:State>${esc(v.state)}</photoshop:State>`);
  if (v.country !== undefined) props.push(`<photoshop:Country>${esc(v.country)}</photoshop:Country>`);
  if (v.sublocation !== undefined) props.push(`<Iptc4xmpCore:Location>${esc(v.sublocation)}</Iptc4xmpCore:Location>`);
  if (v.date !== undefined) props.push(`<photoshop:DateCreated>${v.date.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T')}</photoshop:DateCreated>`);
  return `<?xpacket begin='\uFEFF' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'
 xmlns:Iptc4xmpCore='http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/' xmlns:xmpNote='http://ns.adobe.com/xmp/note/'
 xmlns:xmpMM='http://ns.adobe.com/xap/1.0/mm/' xmlns:exif='http://ns.adobe.com/exif/1.0/'>
${props.join('\n')}${extra}
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end='w'?>`;
}

/** Text in UTF-16 or UTF-32, either byte order, without a byte-order mark (the packet's own begin='\uFEFF' says it). */
export function encode(text: string, encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'): Buffer {
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (encoding === 'utf-32le' ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
}

function app1(body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** The JPEG with these XMP bytes as its APP1 XMP segment (after SOI). */
export function jpegWithXmpBytes(jpeg: Buffer, packet: Buffer): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), app1(Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), packet])), jpeg.subarray(2)]);
}

/** The JPEG with a main XMP packet pointing at an extended packet split over segments of `chunk` bytes. */
export function jpegWithExtendedXmp(jpeg: Buffer, main: Partial<Values>, extended: Partial<Values>, chunk = 700, opts: { dropChunk?: number } = {}): Buffer {
  const ext = Buffer.from(handXmp(extended), 'utf8');
  const guid = createHash('md5').update(ext).digest('hex').toUpperCase();
  const mainPacket = Buffer.from(handXmp(main, `\n<xmpNote:HasExtendedXMP>${guid}</xmpNote:HasExtendedXMP>`), 'utf8');
  const segments = [app1(Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), mainPacket]))];
  let n = 0;
  for (let at = 0; at < ext.length; at += chunk, n++) {
    if (n === opts.dropChunk) continue;
    const head = Buffer.alloc(8);
    head.writeUInt32BE(ext.length, 0);
    head.writeUInt32BE(at, 4);
    segments.push(app1(Buffer.concat([Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1'), Buffer.from(guid, 'latin1'), head, ext.subarray(at, at + chunk)])));
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

export interface MwgCase {
  name: string;
  base: 'jpg' | 'tif' | 'png' | 'webp';
  /** A file used as it is instead of a generated base image (a real-world reference file). */
  from?: string;
  /** ExifTool's writing arguments for this file (none: the base image as it is). */
  write?: string[];
  /** Bytes built here, applied after ExifTool wrote (or instead of it). */
  build?: (base: Buffer) => Buffer;
  /** An .xmp sidecar imported beside the photo; ExifTool reads the photo with the sidecar as its XMP. */
  sidecar?: string;
  /** Extra arguments ExifTool reads this case with (how the case's file is meant to be read). */
  readWith?: string[];
  /** Fields where Newsdesk reads differently from ExifTool on purpose, and why. */
  differs?: { fields: MwgField[]; why: string };
}

const stale = '-Photoshop:IPTCDigest=0123456789abcdef0123456789abcdef';
const current = '-Photoshop:IPTCDigest=new';
const long = (s: string, n: number) => (s + ' ').repeat(Math.ceil(n / (s.length + 1))).slice(0, n);

export function mwgCases(): MwgCase[] {
  const cases: MwgCase[] = [
    { name: 'iim-only-utf8', base: 'jpg', write: iimArgs(AGENCY, 'utf8') },
    { name: 'iim-only-latin1', base: 'jpg', write: iimArgs(LATIN, 'latin1') },
    {
      name: 'iim-only-utf8-undeclared-korean',
      base: 'jpg',
      write: ['-charset', 'iptc=UTF8', ...iimArgs(KOREAN, 'utf8-undeclared')],
      readWith: ['-charset', 'iptc=UTF8'],
    },
    { name: 'iim-only-korean', base: 'jpg', write: iimArgs(KOREAN, 'utf8') },
    { name: 'xmp-only', base: 'jpg', write: xmpArgs(AGENCY) },
    { name: 'xmp-only-korean', base: 'jpg', write: xmpArgs(KOREAN) },
    { name: 'exif-only', base: 'jpg', write: exifArgs(AGENCY, { subSeconds: true }) },
    { name: 'exif-only-korean', base: 'jpg', write: exifArgs(KOREAN) },
    { name: 'all-agree', base: 'jpg', write: [...exifArgs(AGENCY), ...iimArgs(AGENCY, 'utf8'), ...xmpArgs(AGENCY), current] },
    { name: 'all-agree-korean', base: 'jpg', write: [...exifArgs(KOREAN), ...iimArgs(KOREAN, 'utf8'), ...xmpArgs(KOREAN), current] },
    { name: 'iim-xmp-disagree-no-digest', base: 'jpg', write: [...iimArgs(AGENCY, 'utf8'), ...xmpArgs(DESK)] },
    { name: 'iim-xmp-disagree-digest-current', base: 'jpg', write: [...iimArgs(AGENCY, 'utf8'), ...xmpArgs(DESK), current] },
    { name: 'iim-xmp-disagree-digest-stale', base: 'jpg', write: [...iimArgs(AGENCY, 'utf8'), ...xmpArgs(DESK), stale] },
    {
      name: 'digest-stale-iim-partial',
      base: 'jpg',
      write: [...iimArgs(AGENCY, 'utf8', { caption: true, city: true }), ...xmpArgs(DESK), stale],
    },
    { name: 'digest-current-xmp-partial', base: 'jpg', write: [...iimArgs(AGENCY, 'utf8'), '-XMP-dc:Description=Only the caption in XMP', current] },
    { name: 'exif-disagrees-with-both', base: 'jpg', write: [...exifArgs(DESK), ...iimArgs(AGENCY, 'utf8'), ...xmpArgs(AGENCY), current] },
    { name: 'exif-korean-iim-xmp-latin', base: 'jpg', write: [...exifArgs(KOREAN), ...iimArgs(AGENCY, 'utf8'), ...xmpArgs(AGENCY), stale] },
    {
      name: 'list-vs-joined-artist',
      base: 'jpg',
      write: [...exifArgs(AGENCY, { artist: 'Kim Min-jun; Lee Seo-yeon; "Park; Choi"; ""Quoted"" Name' }), ...xmpArgs(DESK)],
    },
    { name: 'list-vs-joined-iim-xmp', base: 'jpg', write: [...iimArgs({ ...AGENCY, creator: ['Kim Min-jun, Lee Seo-yeon'] }, 'utf8'), ...xmpArgs(AGENCY), stale] },
    {
      name: 'iim-truncated-recovered-from-xmp',
      base: 'jpg',
      write: [
        '-m',
        ...iimArgs({ ...AGENCY, caption: long('Truncated caption', 2000), creator: [long('Kim Min-jun of the Photo Desk', 32)] }, 'utf8'),
        ...xmpArgs({ ...AGENCY, caption: long('Truncated caption', 2100), creator: [long('Kim Min-jun of the Photo Desk', 48)] }),
        stale,
      ],
    },
    { name: 'dates-exif-subseconds-vs-xmp', base: 'jpg', write: [...exifArgs(AGENCY, { subSeconds: true }), ...xmpArgs(DESK)] },
    { name: 'dates-iim-only-no-offset', base: 'jpg', write: ['-IPTC:DateCreated=2023:12:24', '-IPTC:TimeCreated=23:59:58'] },
    {
      name: 'camera-default-description',
      base: 'jpg',
      write: ['-EXIF:ImageDescription=OLYMPUS DIGITAL CAMERA', ...xmpArgs(AGENCY)],
      differs: {
        fields: ['caption'],
        why: 'a camera’s stock ImageDescription is not a caption: Newsdesk skips it and takes the next block, ExifTool returns it',
      },
    },
  ];
  for (const enc of ['utf-16be', 'utf-16le', 'utf-32be', 'utf-32le'] as const) {
    cases.push({ name: `xmp-${enc}`, base: 'jpg', build: (b) => jpegWithXmpBytes(b, encode(handXmp(KOREAN), enc)) });
  }
  cases.push(
    { name: 'xmp-utf8-bom', base: 'jpg', build: (b) => jpegWithXmpBytes(b, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(handXmp(AGENCY))])) },
    {
      name: 'extended-xmp',
      base: 'jpg',
      build: (b) =>
        jpegWithExtendedXmp(
          b,
          { creator: AGENCY.creator, city: AGENCY.city },
          { caption: long('A long caption moved to extended XMP', 3000), keywords: KOREAN.keywords },
        ),
    },
    { name: 'sidecar-replaces-embedded', base: 'jpg', write: [...xmpArgs(AGENCY)], sidecar: handXmp(DESK) },
    { name: 'sidecar-with-iim', base: 'jpg', write: [...iimArgs(AGENCY, 'utf8')], sidecar: handXmp(KOREAN) },
    { name: 'tiff-all-three-stale', base: 'tif', write: [...exifArgs(DESK), ...iimArgs(AGENCY, 'utf8'), ...xmpArgs(KOREAN), stale] },
    { name: 'tiff-iim-xmp-current', base: 'tif', write: [...iimArgs(AGENCY, 'utf8'), ...xmpArgs(DESK), current] },
    { name: 'png-xmp-and-exif', base: 'png', write: [...exifArgs(AGENCY, { subSeconds: true }), ...xmpArgs(KOREAN)] },
    { name: 'png-xmp-only-korean', base: 'png', write: xmpArgs(KOREAN) },
    { name: 'webp-xmp-and-exif', base: 'webp', write: [...exifArgs(KOREAN), ...xmpArgs(AGENCY)] },
    { name: 'webp-xmp-only', base: 'webp', write: xmpArgs(DESK) },
    {
      name: 'iptc-reference-image-2017',
      base: 'jpg',
      from: path.join(FIXTURES, 'IPTC-PhotometadataRef-Std2017.1.jpg'),
      differs: {
        fields: ['city', 'state', 'country', 'sublocation'],
        why: 'ExifTool takes the IPTC Extension’s Location Shown (here a list of two places) before photoshop:City and kin; Newsdesk keeps one place, where the photo was taken, from the IPTC Core and IIM fields',
      },
    },
  );
  return cases;
}

export interface GeneratedCase extends MwgCase {
  file: string;
  /** The file ExifTool reads as the truth (the photo, or for a sidecar a copy carrying the sidecar as its XMP). */
  oracleFile: string;
  sidecarFile?: string;
}

/** Makes the base images, then every case with one ExifTool process for all the writing. */
export async function generateMwgCases(dir: string, cases = mwgCases()): Promise<GeneratedCase[]> {
  const pixels = sharp({ create: { width: 48, height: 32, channels: 3, background: '#6a8caf' } });
  const bases = {
    jpg: await pixels.clone().jpeg().toBuffer(),
    tif: await pixels.clone().tiff().toBuffer(),
    png: await pixels.clone().png().toBuffer(),
    webp: await pixels.clone().webp().toBuffer(),
  };
  const args: string[] = [];
  const out: GeneratedCase[] = [];
  for (const c of cases) {
    const file = path.join(dir, `${c.name}.${c.base}`);
    fs.writeFileSync(file, c.from ? fs.readFileSync(c.from) : bases[c.base]);
    if (c.write) args.push('-overwrite_original', ...c.write, file, '-execute');
    const g: GeneratedCase = { ...c, file, oracleFile: file };
    if (c.sidecar) {
      g.sidecarFile = path.join(dir, `${c.name}.xmp`);
      g.oracleFile = path.join(dir, `${c.name}.oracle.${c.base}`);
      fs.writeFileSync(g.sidecarFile, c.sidecar);
    }
    out.push(g);
  }
  const argFile = path.join(dir, 'write.args');
  fs.writeFileSync(argFile, `${args.join('\n')}\n`);
  if (args.length > 0) execFileSync('exiftool', ['-q', '-q', '-@', argFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  const second: string[] = [];
  for (const g of out) {
    if (g.build) fs.writeFileSync(g.file, g.build(fs.readFileSync(g.file)));
    if (g.sidecarFile) {
      fs.copyFileSync(g.file, g.oracleFile);
      second.push('-overwrite_original', `-xmp<=${g.sidecarFile}`, g.oracleFile, '-execute');
    }
  }
  if (second.length > 0) {
    fs.writeFileSync(argFile, `${second.join('\n')}\n`);
    execFileSync('exiftool', ['-q', '-q', '-@', argFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  return out;
}

export type ExiftoolReading = Partial<Record<MwgField, string | string[]>>;

/** `exiftool -use MWG` on the files, one process per set of read options. */
export function readWithExiftool(cases: GeneratedCase[]): Map<string, ExiftoolReading> {
  const groups = new Map<string, GeneratedCase[]>();
  for (const c of cases) {
    const key = JSON.stringify(c.readWith ?? []);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out = new Map<string, ExiftoolReading>();
  for (const [key, group] of groups) {
    const tags = MWG_FIELDS.map((f) => `-MWG:${EXIFTOOL_TAG[f]}`);
    const json = execFileSync('exiftool', ['-j', '-n', '-use', 'MWG', ...(JSON.parse(key) as string[]), ...tags, ...group.map((g) => g.oracleFile)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const rows = JSON.parse(json) as Record<string, unknown>[];
    group.forEach((g, i) => {
      const row = rows[i]!;
      const reading: ExiftoolReading = {};
      for (const f of MWG_FIELDS) {
        const v = row[EXIFTOOL_TAG[f]];
        if (v === undefined) continue;
        reading[f] = Array.isArray(v) ? v.map(String) : String(v);
      }
      out.set(g.name, reading);
    });
  }
  return out;
}

/** ExifTool's "2024:03:01 10:20:30.45+09:00" as ISO 8601, the way Newsdesk keeps dates. */
export const isoFromExiftool = (d: string) => d.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T').replace(/^(\d{4}):(\d{2}):(\d{2})$/, '$1-$2-$3');

/** Newsdesk's reading of a case, in ExifTool's shapes (a one-item list as its item). */
export function newsdeskReading(c: GeneratedCase): ExiftoolReading {
  const bytes = fs.readFileSync(c.file);
  const sidecar = c.sidecarFile ? { name: path.basename(c.sidecarFile), bytes: fs.readFileSync(c.sidecarFile), width: 48, height: 32 } : undefined;
  const { reading } = readPhotoMetadata(metadataSources(bytes), sidecar);
  const out: ExiftoolReading = {};
  for (const f of MWG_FIELDS) {
    const v = reading[f];
    if (v === undefined) continue;
    out[f] = Array.isArray(v) ? (v.length === 1 ? v[0]! : v) : v;
  }
  return out;
}

export interface Comparison {
  cases: number;
  fieldsCompared: number;
  agree: number;
  /** Differences a case declares on purpose (with its reason). */
  explained: { case: string; field: MwgField; why: string }[];
  /** Anything else: each is a bug. */
  disagreements: string[];
}

const normal = (f: MwgField, v: string | string[] | undefined) => (f === 'dateCreated' && typeof v === 'string' ? isoFromExiftool(v) : v);

/** Newsdesk against ExifTool, field by field over every case. */
export function compareWithExiftool(cases: GeneratedCase[], truth: Map<string, ExiftoolReading>): Comparison {
  const out: Comparison = { cases: cases.length, fieldsCompared: 0, agree: 0, explained: [], disagreements: [] };
  for (const c of cases) {
    const ours = newsdeskReading(c);
    const theirs = truth.get(c.name) ?? {};
    for (const f of MWG_FIELDS) {
      out.fieldsCompared++;
      if (JSON.stringify(normal(f, ours[f])) === JSON.stringify(normal(f, theirs[f]))) out.agree++;
      else if (c.differs?.fields.includes(f)) out.explained.push({ case: c.name, field: f, why: c.differs.why });
      else out.disagreements.push(`${c.name} ${f}: Newsdesk ${JSON.stringify(ours[f])}, ExifTool ${JSON.stringify(theirs[f])}`);
    }
  }
  return out;
}
