// A small, forgiving XMP reader: tokenises the packet's XML, resolves namespaces, and reads the
// simple properties of every rdf:Description — as attributes or elements, with rdf:Alt (the
// x-default entry), rdf:Bag and rdf:Seq. Anything it does not understand is skipped, never thrown.

import type { PhotoMetadata } from '../../../shared/domain.js';
import { INPUT_LIMITS } from './limits.js';

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xml: 'http://www.w3.org/XML/1998/namespace',
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  iptcCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  xmpNote: 'http://ns.adobe.com/xmp/note/',
  xmpMM: 'http://ns.adobe.com/xap/1.0/mm/',
  tiff: 'http://ns.adobe.com/tiff/1.0/',
  exif: 'http://ns.adobe.com/exif/1.0/',
} as const;

interface XmlElement {
  ns: string;
  local: string;
  attrs: ReadonlyMap<string, string>; // key: `${ns}|${local}`
  children: XmlElement[];
  text: string;
}

/** The namespace prefixes in force: an element's own declarations, then its ancestors' (never copied). */
interface Scope {
  parent: Scope | null;
  prefixes: Map<string, string>;
}

const ROOT_SCOPE: Scope = { parent: null, prefixes: new Map([['xml', NS.xml]]) };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Space, tab, CR, LF. */
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
const EQUALS = 61;
const SLASH = 47;
const GT = 62;
const QUOT = 34;
const APOS = 39;

/**
 * The name="value" pairs in s[from, to), in one pass (a regular expression searching for them
 * backtracks quadratically over a long run of junk). Anything else is skipped.
 */
function readAttributes(s: string, from: number, to: number): [string, string][] {
  const out: [string, string][] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    const nameStart = i;
    for (let c = s.charCodeAt(i); i < to && !isSpace(c) && c !== EQUALS && c !== SLASH && c !== GT; c = s.charCodeAt(++i));
    if (i === nameStart) {
      i++;
      continue;
    }
    const name = s.slice(nameStart, i);
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i >= to || s.charCodeAt(i) !== EQUALS) continue;
    i++;
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    const quote = s.charCodeAt(i);
    if (i >= to || (quote !== QUOT && quote !== APOS)) continue;
    const end = s.indexOf(quote === QUOT ? '"' : "'", i + 1);
    if (end === -1 || end >= to) break;
    out.push([name, s.slice(i + 1, end)]);
    i = end + 1;
  }
  return out;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/**
 * Parses XML into a namespace-resolved element tree; returns the document's root elements. Linear
 * in the packet, which is read up to INPUT_LIMITS.xmpBytes characters; elements nested deeper than
 * xmpDepth are skipped, and parsing stops after xmpElements elements.
 */
export function parseXml(xml: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: { el: XmlElement; scope: Scope }[] = [];
  let scope = ROOT_SCOPE;
  let elements = 0;
  /** Open elements below the depth limit, whose content is skipped. */
  let skipped = 0;
  let pos = 0;
  const n = Math.min(xml.length, INPUT_LIMITS.xmpBytes);
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt === -1 || lt > n ? n : lt;
    if (textEnd > pos && stack.length > 0 && skipped === 0) stack[stack.length - 1]!.el.text += decodeEntities(xml.slice(pos, textEnd));
    if (lt === -1 || lt >= n) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      pos = end === -1 ? n : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (stack.length > 0 && skipped === 0) stack[stack.length - 1]!.el.text += xml.slice(lt + 9, end === -1 ? n : end);
      pos = end === -1 ? n : end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      pos = end === -1 ? n : end + 2;
    } else if (xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt + 2);
      pos = end === -1 ? n : end + 1;
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt + 2);
      if (skipped > 0) skipped--;
      else if (stack.pop()) scope = stack.length > 0 ? stack[stack.length - 1]!.scope : ROOT_SCOPE;
      pos = end === -1 ? n : end + 1;
    } else {
      const end = findTagEnd(xml, lt + 1, n);
      if (end === -1) break;
      pos = end + 1;
      const selfClosing = xml[end - 1] === '/';
      if (skipped > 0 || stack.length >= INPUT_LIMITS.xmpDepth) {
        if (!selfClosing) skipped++;
        continue;
      }
      if (++elements > INPUT_LIMITS.xmpElements) break;
      const innerEnd = selfClosing ? end - 1 : end;
      let nameEnd = lt + 1;
      for (let c = xml.charCodeAt(nameEnd); nameEnd < innerEnd && !isSpace(c) && c !== SLASH && c !== GT; c = xml.charCodeAt(++nameEnd));
      if (nameEnd === lt + 1) continue;
      const qname = xml.slice(lt + 1, nameEnd);
      const rawAttrs: [string, string][] = [];
      let elScope = scope;
      for (const [key, raw] of nameEnd < innerEnd ? readAttributes(xml, nameEnd, innerEnd) : []) {
        const value = decodeEntities(raw);
        const prefix = key === 'xmlns' ? '' : key.startsWith('xmlns:') ? key.slice(6) : null;
        if (prefix === null) {
          rawAttrs.push([key, value]);
          continue;
        }
        if (elScope === scope) elScope = { parent: scope, prefixes: new Map() };
        elScope.prefixes.set(prefix, value);
      }
      const [ns, local] = resolve(qname, elScope, true);
      let attrs = NO_ATTRIBUTES;
      if (rawAttrs.length > 0) {
        const map = new Map<string, string>();
        for (const [key, value] of rawAttrs) {
          const [ans, alocal] = resolve(key, elScope, false);
          map.set(`${ans}|${alocal}`, value);
        }
        attrs = map;
      }
      const el: XmlElement = { ns, local, attrs, children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1]!.el.children.push(el);
      else roots.push(el);
      if (!selfClosing) {
        stack.push({ el, scope: elScope });
        scope = elScope;
      }
    }
  }
  return roots;
}

/** The index of the '>' closing a start tag, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number, n: number): number {
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === QUOT || c === APOS) quote = c;
    else if (c === GT) return i;
  }
  return -1;
}

/** A prefix's namespace: at most xmpDepth scopes up. */
function lookup(scope: Scope, prefix: string): string | undefined {
  for (let s: Scope | null = scope; s; s = s.parent) {
    const ns = s.prefixes.get(prefix);
    if (ns !== undefined) return ns;
  }
  return undefined;
}

function resolve(qname: string, scope: Scope, useDefault: boolean): [string, string] {
  const colon = qname.indexOf(':');
  if (colon === -1) return [useDefault ? (lookup(scope, '') ?? '') : '', qname];
  const prefix = qname.slice(0, colon);
  return [lookup(scope, prefix) ?? prefix, qname.slice(colon + 1)];
}

export type XmpValue = string | string[];
/** Simple XMP properties by `${namespaceURI}|${localName}`. */
export type XmpProperties = Map<string, XmpValue>;

/** Every element of the tree in document order (a stack, not recursion: depth costs nothing per element). */
function* walk(root: XmlElement): Generator<XmlElement> {
  const pending = [root];
  while (pending.length > 0) {
    const el = pending.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) pending.push(el.children[i]!);
  }
}

function isRdf(el: XmlElement, local: string): boolean {
  return el.ns === NS.rdf && el.local === local;
}

function propertyValue(prop: XmlElement): XmpValue | null {
  const container = prop.children.find((c) => c.ns === NS.rdf && (c.local === 'Alt' || c.local === 'Bag' || c.local === 'Seq'));
  if (container) {
    const items: XmlElement[] = [];
    for (const c of container.children) {
      if (isRdf(c, 'li')) items.push(c);
      if (items.length >= INPUT_LIMITS.listItems) break;
    }
    if (container.local === 'Alt') {
      const chosen = items.find((li) => li.attrs.get(`${NS.xml}|lang`) === 'x-default') ?? items[0];
      return chosen ? chosen.text : null;
    }
    return items.map((li) => li.text);
  }
  if (prop.children.length > 0) return null; // a structure (rdf:parseType='Resource'): not a simple value
  return prop.text;
}

/** Reads every simple property of every rdf:Description in the packet (into `props`, where a property already there is kept). */
export function readXmpProperties(packet: string, props: XmpProperties = new Map()): XmpProperties {
  for (const root of parseXml(packet)) {
    for (const el of walk(root)) {
      if (!isRdf(el, 'Description')) continue;
      for (const [key, value] of el.attrs) {
        if (key.startsWith(`${NS.rdf}|`) || key.startsWith(`${NS.xml}|`)) continue;
        if (!props.has(key)) props.set(key, value);
      }
      for (const prop of el.children) {
        const value = propertyValue(prop);
        const key = `${prop.ns}|${prop.local}`;
        if (value !== null && !props.has(key)) props.set(key, value);
      }
    }
  }
  return props;
}

/** The metadata an XMP packet may carry: creators as a list, dates as written, and the two MWG location fields Newsdesk does not store. */
export type XmpFields = Partial<Omit<PhotoMetadata, 'creator' | 'dateCreated'>> & { creator?: string[]; dateCreated?: string; state?: string; sublocation?: string };

const asText = (v: XmpValue | undefined): string | undefined => (v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : v);
const asList = (v: XmpValue | undefined): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** The IPTC Core / Dublin Core / Photoshop properties Newsdesk maps. */
export function readXmpFields(packet: string | XmpProperties): XmpFields {
  const p = typeof packet === 'string' ? readXmpProperties(packet) : packet;
  const get = (ns: string, local: string) => p.get(`${ns}|${local}`);
  const out: XmpFields = {};
  const set = <K extends keyof XmpFields>(key: K, value: XmpFields[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('caption', asText(get(NS.dc, 'description')));
  set('headline', asText(get(NS.photoshop, 'Headline')));
  set('credit', asText(get(NS.photoshop, 'Credit')));
  set('creator', asList(get(NS.dc, 'creator')));
  set('copyright', asText(get(NS.dc, 'rights')));
  set('source', asText(get(NS.photoshop, 'Source')));
  set('keywords', asList(get(NS.dc, 'subject')));
  set('dateCreated', asText(get(NS.photoshop, 'DateCreated')));
  set('city', asText(get(NS.photoshop, 'City')));
  set('state', asText(get(NS.photoshop, 'State')));
  set('sublocation', asText(get(NS.iptcCore, 'Location')));
  set('country', asText(get(NS.photoshop, 'Country')));
  set('instructions', asText(get(NS.photoshop, 'Instructions')));
  set('alt', asText(get(NS.iptcCore, 'AltTextAccessibility')));
  return out;
}
