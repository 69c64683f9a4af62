// A small, forgiving XMP reader: tokenises the packet's XML, resolves namespaces, and reads the
// simple properties of every rdf:Description — as attributes or elements, with rdf:Alt (the
// x-default entry), rdf:Bag and rdf:Seq. Anything it does not understand is skipped, never thrown.

import type { PhotoMetadata } from '../../../../shared/domain.js';

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xml: 'http://www.w3.org/XML/1998/namespace',
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  iptcCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
} as const;

interface XmlElement {
  ns: string;
  local: string;
  attrs: Map<string, string>; // key: `${ns}|${local}`
  children: XmlElement[];
  text: string;
}

const MAX_PACKET_CHARS = 4 * 1024 * 1024;
const MAX_DEPTH = 64;

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

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses XML into a namespace-resolved element tree; returns the document's root elements. */
export function parseXml(xml: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: { el: XmlElement; scope: Map<string, string> }[] = [];
  let scope = new Map<string, string>([['xml', NS.xml]]);
  let pos = 0;
  const n = Math.min(xml.length, MAX_PACKET_CHARS);
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > pos && stack.length > 0) stack[stack.length - 1]!.el.text += decodeEntities(xml.slice(pos, textEnd));
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      pos = end === -1 ? n : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (stack.length > 0) stack[stack.length - 1]!.el.text += xml.slice(lt + 9, end === -1 ? n : end);
      pos = end === -1 ? n : end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      pos = end === -1 ? n : end + 2;
    } else if (xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt + 2);
      pos = end === -1 ? n : end + 1;
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt + 2);
      const entry = stack.pop();
      if (entry) scope = stack.length > 0 ? stack[stack.length - 1]!.scope : new Map([['xml', NS.xml]]);
      void entry;
      pos = end === -1 ? n : end + 1;
    } else {
      const end = findTagEnd(xml, lt + 1, n);
      if (end === -1) break;
      const selfClosing = xml[end - 1] === '/';
      const inner = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const nameMatch = /^[^\s/>]+/.exec(inner);
      if (!nameMatch) {
        pos = end + 1;
        continue;
      }
      const qname = nameMatch[0];
      const rawAttrs: [string, string][] = [];
      const elScope = new Map(scope);
      for (const m of inner.slice(qname.length).matchAll(ATTR_RE)) {
        const key = m[1]!;
        const value = decodeEntities(m[2] ?? m[3] ?? '');
        if (key === 'xmlns') elScope.set('', value);
        else if (key.startsWith('xmlns:')) elScope.set(key.slice(6), value);
        else rawAttrs.push([key, value]);
      }
      const [ns, local] = resolve(qname, elScope, true);
      const el: XmlElement = { ns, local, attrs: new Map(), children: [], text: '' };
      for (const [key, value] of rawAttrs) {
        const [ans, alocal] = resolve(key, elScope, false);
        el.attrs.set(`${ans}|${alocal}`, value);
      }
      if (stack.length > 0) stack[stack.length - 1]!.el.children.push(el);
      else roots.push(el);
      if (!selfClosing && stack.length < MAX_DEPTH) {
        stack.push({ el, scope: elScope });
        scope = elScope;
      }
      pos = end + 1;
    }
  }
  return roots;
}

/** The index of the '>' closing a start tag, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number, n: number): number {
  let quote: string | null = null;
  for (let i = from; i < n; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

function resolve(qname: string, scope: Map<string, string>, useDefault: boolean): [string, string] {
  const colon = qname.indexOf(':');
  if (colon === -1) return [useDefault ? (scope.get('') ?? '') : '', qname];
  const prefix = qname.slice(0, colon);
  return [scope.get(prefix) ?? prefix, qname.slice(colon + 1)];
}

export type XmpValue = string | string[];
/** Simple XMP properties by `${namespaceURI}|${localName}`. */
export type XmpProperties = Map<string, XmpValue>;

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const child of el.children) yield* walk(child);
}

function isRdf(el: XmlElement, local: string): boolean {
  return el.ns === NS.rdf && el.local === local;
}

function propertyValue(prop: XmlElement): XmpValue | null {
  const container = prop.children.find((c) => c.ns === NS.rdf && (c.local === 'Alt' || c.local === 'Bag' || c.local === 'Seq'));
  if (container) {
    const items = container.children.filter((c) => isRdf(c, 'li'));
    if (container.local === 'Alt') {
      const chosen = items.find((li) => li.attrs.get(`${NS.xml}|lang`) === 'x-default') ?? items[0];
      return chosen ? chosen.text : null;
    }
    return items.map((li) => li.text);
  }
  if (prop.children.length > 0) return null; // a structure (rdf:parseType='Resource'): not a simple value
  return prop.text;
}

/** Reads every simple property of every rdf:Description in the packet. */
export function readXmpProperties(packet: string): XmpProperties {
  const props: XmpProperties = new Map();
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

/** The metadata an XMP packet may carry: creators as a list, dates as written. */
export type XmpFields = Partial<Omit<PhotoMetadata, 'creator' | 'dateCreated'>> & { creator?: string[]; dateCreated?: string };

const asText = (v: XmpValue | undefined): string | undefined => (v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : v);
const asList = (v: XmpValue | undefined): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** The IPTC Core / Dublin Core / Photoshop properties Newsdesk maps. */
export function readXmpFields(packet: string): XmpFields {
  const p = readXmpProperties(packet);
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
  set('country', asText(get(NS.photoshop, 'Country')));
  set('instructions', asText(get(NS.photoshop, 'Instructions')));
  set('alt', asText(get(NS.iptcCore, 'AltTextAccessibility')));
  return out;
}
