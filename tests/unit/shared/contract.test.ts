// Every method of the contract, against its own input schema: a minimal valid input is
// accepted; a non-object, an unknown field, a wrong type and a 1 MB string in any string
// field are refused. The table of valid inputs must name every method, so a method added to
// the contract without an entry here fails both the type check and this test.

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES, type Input, type MethodName } from '../../../shared/contract.js';

const VALID: { [M in MethodName]: Input<M> } = {
  'session.access': {},
  'session.signIn': { email: 'dagyumji@heraldcorp.com', password: 'newsdesk-demo' },
  'session.setUp': { code: 'ABCD-EFGH-JKMN', password: '새 비밀번호는 길어야 한다' },
  'session.current': {},
  'session.signOut': {},
  'session.changePassword': { currentPassword: 'newsdesk-demo', newPassword: 'a longer passphrase' },
  'session.list': {},
  'session.end': { id: 1 },
  'staff.list': {},
  'staff.sessions': { staffId: 1 },
  'staff.endSessions': { staffId: 1 },
  'staff.resetPassword': { id: 1 },
  'staff.accountEvents': {},
  'staff.create': { name: 'Ji Da-gyum', email: 'dagyumji@heraldcorp.com', roles: ['reporter'] },
  'staff.update': { id: 1 },
  'stories.create': { desk: 'North Korea' },
  'stories.get': { id: 1 },
  'stories.list': {},
  'stories.save': { id: 1, baseVersion: 0, changes: {} },
  'stories.transition': { id: 1, action: 'submit' },
  'stories.lock': { id: 1 },
  'stories.takeOffline': { id: 1 },
  'stories.unlock': { id: 1 },
  'stories.history': { id: 1 },
  'stories.deskChanges': { id: 1 },
  'stories.diff': { id: 1, fromRevision: 1, toRevision: 2 },
  'stories.restore': { id: 1, revisionId: 1, baseVersion: 3 },
  'stories.revision': { id: 1, revisionId: 1 },
  'stories.check': { id: 1 },
  'stories.dismissFinding': { id: 1, key: 'name-spelling:seo min-jeong|seo min-jung', note: 'Checked with the ministry: both are used.' },
  'stories.restoreFinding': { id: 1, key: 'name-spelling:seo min-jeong|seo min-jung' },
  'comments.add': { storyId: 1, text: 'Check the spelling of her name.' },
  'comments.resolve': { id: 1 },
  'photos.import': { files: [{ name: 'security-talks-seoul.jpg', data: '/9j/4AAQ' }] },
  'photos.list': {},
  'photos.get': { id: 1 },
  'photos.update': { ids: [1], changes: {} },
  'photos.attach': { storyId: 1, assetId: 1, placement: 'lead' },
  'photos.updatePlacement': { id: 1 },
  'photos.detach': { id: 1 },
  'photos.reorder': { storyId: 1, order: [1] },
  'published.list': { storyId: 1 },
  'published.get': { storyId: 1, version: 1 },
  'published.preview': { storyId: 1 },
  'published.retryExport': { storyId: 1, version: 1 },
  'published.setAside': {},
  'desktop.status': {},
  'desktop.choose': { mode: 'local' },
  'desktop.outbox': {},
  'desktop.retry': {},
  'desktop.resubmit': { entryId: 1 },
  'desktop.discard': { entryId: 1 },
  'settings.get': {},
  'settings.update': {},
};

/** String fields that carry file bytes (base64 over HTTP), bounded by the photo size setting, not by the schema. */
const PAYLOAD_FIELDS: Partial<Record<MethodName, string[]>> = {
  'photos.import': ['files.0.data'],
};

const MB = 'x'.repeat(1024 * 1024);

type Path = (string | number)[];

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

/** The path of every string field in a schema (array elements as index 0; unions that admit a string count). */
function stringPaths(schema: z.ZodType, path: Path = []): Path[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [path];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => stringPaths(child, [...path, key]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return stringPaths(def.innerType!, path);
    case 'pipe':
      return stringPaths(def.in!, path);
    case 'array':
      return stringPaths(def.element!, [...path, 0]);
    case 'union':
      return (def.options ?? []).some((o) => stringPaths(o).some((p) => p.length === 0)) ? [path] : [];
    default:
      return [];
  }
}

/** A deep copy of `value` with `leaf` set at `path`, creating the objects and arrays on the way. */
function setAt(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const arr = Array.isArray(value) ? [...(value as unknown[])] : [];
    arr[head] = setAt(arr[head], rest, leaf);
    return arr;
  }
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  obj[head!] = setAt(obj[head!], rest, leaf);
  return obj;
}

/** Paths of the plain objects inside a valid input (to plant unknown fields in nested objects too). */
function objectPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  }
  return [];
}

const wrongType = (value: unknown): unknown =>
  typeof value === 'number' ? String(value) : typeof value === 'string' ? 12345 : typeof value === 'boolean' ? 'yes' : 'not-an-object';

const samePath = (a: PropertyKey[], b: Path): boolean => a.length === b.length && a.every((k, i) => String(k) === String(b[i]));

describe('the contract table', () => {
  it('has a valid input for every method, and none for methods that do not exist', () => {
    expect(Object.keys(VALID).sort()).toEqual([...METHOD_NAMES].sort());
  });
});

describe.each(METHOD_NAMES)('%s', (name) => {
  const schema = contract[name].input as z.ZodType;
  const valid = VALID[name];

  it('accepts a minimal valid input', () => {
    const r = schema.safeParse(valid);
    expect(r.error?.issues ?? []).toEqual([]);
  });

  it('refuses anything but an object', () => {
    for (const bad of [null, undefined, 'text', 42, true, [], [valid]]) expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('refuses unknown fields, at the top and in nested objects', () => {
    for (const at of objectPaths(valid)) {
      const planted = setAt(valid, [...at, 'unexpectedField'], 1);
      expect(schema.safeParse(planted).success, `unknown field at ${at.join('.') || 'top'}`).toBe(false);
    }
    expect(schema.safeParse({ ...valid, __proto__x: 1 }).success).toBe(false);
  });

  it('refuses a wrong type in each field given', () => {
    for (const [key, value] of Object.entries(valid)) {
      expect(schema.safeParse({ ...valid, [key]: wrongType(value) }).success, key).toBe(false);
    }
  });

  const paths = stringPaths(schema);
  const payload = PAYLOAD_FIELDS[name] ?? [];
  const bounded = paths.filter((p) => !payload.includes(p.join('.')));
  if (bounded.length > 0) {
    it.each(bounded.map((p) => [p.join('.'), p] as const))('refuses a 1 MB string in %s', (_label, path) => {
      const r = schema.safeParse(setAt(valid, path, MB));
      expect(r.success).toBe(false);
      const atPath = r.error!.issues.filter((issue) => samePath(issue.path, path));
      // Refused for its length, or (timestamps, e-mails) for a format no 1 MB string can match.
      expect(
        atPath.some((i) => i.code === 'too_big' || i.code === 'invalid_format'),
        JSON.stringify(atPath.map((i) => i.code)),
      ).toBe(true);
    });
  }
  if (payload.length > 0) {
    it.each(payload)('accepts a large payload in %s (file bytes, bounded by the size setting)', (label) => {
      expect(
        schema.safeParse(
          setAt(
            valid,
            label.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
            MB,
          ),
        ).success,
      ).toBe(true);
    });
  }
});

describe('string fields', () => {
  it('finds the string fields it walks (sanity check of the schema walk)', () => {
    const all = METHOD_NAMES.flatMap((name) => stringPaths(contract[name].input as z.ZodType).map((p) => `${name}:${p.join('.')}`));
    expect(all).toEqual(
      expect.arrayContaining([
        'stories.save:changes.headline',
        'stories.save:changes.subheadlines.0',
        'comments.add:anchor.quote',
        'staff.create:email',
        'staff.create:desks.0',
        'settings.update:metadataTemplates.0.fields.caption',
        'photos.import:files.0.data',
      ]),
    );
    expect(all.length).toBeGreaterThan(40);
  });
});

describe('what a desktop sends', () => {
  const parse = <M extends MethodName>(name: M, input: unknown) => (contract[name].input as z.ZodType).safeParse(input);
  it('signs in as a named computer', () => {
    expect(parse('session.signIn', { email: 'dagyumji@heraldcorp.com', password: 'x', desktop: { name: '지다겸의 노트북' } }).success).toBe(true);
    expect(parse('session.signIn', { email: 'dagyumji@heraldcorp.com', password: 'x', desktop: { name: '' } }).success).toBe(false);
    expect(parse('session.signIn', { email: 'dagyumji@heraldcorp.com', password: 'x', desktop: { name: 'laptop', token: 'x' } }).success).toBe(false);
  });
  it('keys a save and a create with a UUID, and nothing that could hide in a log or a URL', () => {
    const uuid = '0b7d3c1e-5a8f-4c2b-9d6e-1f2a3b4c5d6e';
    expect(parse('stories.save', { id: 1, baseVersion: 1, changes: {}, saveId: uuid }).success).toBe(true);
    expect(parse('stories.create', { desk: 'National', clientId: uuid, subheadlines: ['부제'], dateline: 'SEOUL', body: { type: 'doc', content: [] } }).success).toBe(
      true,
    );
    for (const bad of ['short', 'has spaces in it', 'a/b/c/d/e/f', 'x'.repeat(101)]) {
      expect(parse('stories.save', { id: 1, baseVersion: 1, changes: {}, saveId: bad }).success, bad).toBe(false);
      expect(parse('stories.create', { desk: 'National', clientId: bad }).success, bad).toBe(false);
    }
  });
  it('chooses this computer, or a server by an http(s) address with an optional SHA-256 fingerprint', () => {
    const fingerprint = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');
    expect(parse('desktop.choose', { mode: 'connected', url: 'https://newsroom.example:8443' }).success).toBe(true);
    expect(parse('desktop.choose', { mode: 'connected', url: 'https://newsroom.example', trustFingerprint: fingerprint }).success).toBe(true);
    expect(parse('desktop.choose', { mode: 'connected', url: 'ftp://newsroom.example' }).success).toBe(false);
    expect(parse('desktop.choose', { mode: 'connected', url: 'https://newsroom.example', trustFingerprint: fingerprint.toLowerCase() }).success).toBe(false);
    expect(parse('desktop.choose', { mode: 'local', url: 'https://newsroom.example' }).success).toBe(false);
  });
});

describe('stories.save byline', () => {
  const schema = contract['stories.save'].input as z.ZodType;
  it('may change but never be emptied', () => {
    expect(schema.safeParse({ id: 1, baseVersion: 1, changes: { byline: [{ staffId: 2 }] } }).success).toBe(true);
    const r = schema.safeParse({ id: 1, baseVersion: 1, changes: { byline: [] } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['too_small', 'changes.byline']]);
  });
});

describe('settings.update house style', () => {
  const schema = contract['settings.update'].input as z.ZodType;
  const rule = { preferred: 'North Korea', avoid: ['N. Korea'], where: 'body' };
  it('takes rules with where they apply', () => {
    expect(schema.safeParse({ houseStyle: [rule, { preferred: '북한', avoid: ['북조선'], where: 'everywhere', note: '표기 원칙' }] }).success).toBe(true);
  });
  it('refuses a rule that avoids its own preferred form, an empty form, or an unknown place', () => {
    const issues = (input: unknown) => schema.safeParse({ houseStyle: [input] }).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ ...rule, avoid: ['North Korea'] })).toEqual(['houseStyle.0.avoid']);
    expect(issues({ ...rule, avoid: ['  '] })).toEqual(['houseStyle.0.avoid.0']);
    expect(issues({ ...rule, avoid: [] })).toEqual(['houseStyle.0.avoid']);
    expect(issues({ ...rule, preferred: '' })).toEqual(['houseStyle.0.preferred']);
    expect(issues({ ...rule, where: 'footnotes' })).toEqual(['houseStyle.0.where']);
  });
  it('keeps the check limits in a sane range', () => {
    expect(schema.safeParse({ headlineMaxChars: 90, sentenceMaxWords: 45 }).success).toBe(true);
    expect(schema.safeParse({ headlineMaxChars: 0 }).success).toBe(false);
    expect(schema.safeParse({ sentenceMaxWords: 1.5 }).success).toBe(false);
  });
});
