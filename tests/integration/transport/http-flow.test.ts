// A story's first trip through the desk over plain HTTP against the real core: a reporter creates, saves and
// submits; a desk editor claims and approves; the reporter's approve and a byline desk editor's
// approve answer FORBIDDEN; a stale save answers CONFLICT and its text stays in the history.
// Also: the serve cli itself starts, prints its URL and answers on 127.0.0.1.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/core.js';
import type { NewsroomServer } from '../../../server/server.js';
import { docFromParagraphs } from '../../../shared/body.js';
import type { Staff, Story } from '../../../shared/domain.js';
import { startTestServer } from './httpTest.js';
import { storageFor } from '../../support/postgres.js';

const ROOT = path.resolve(__dirname, '../../..');
let dir: string;
let core: Core;
let server: NewsroomServer;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-flow-'));
  core = await createCore({ dataDir: dir, ...(await storageFor(dir)), demo: true });
  ({ server, base } = await startTestServer(core));
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One plain HTTP call: status and parsed JSON. */
async function http(method: string, body: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function ok<T>(method: string, body: unknown, token?: string): Promise<T> {
  const { status, json } = await http(method, body, token);
  expect(status, `${method} → ${JSON.stringify(json)}`).toBe(200);
  return json as T;
}

/** The demo newsroom's people, by name: every demo account's password is newsdesk-demo. */
const EMAILS: Record<string, string> = {
  'Ji Da-gyum': 'dagyumji@heraldcorp.com',
  'Lee Jae-won': 'jaewon.lee@heraldcorp.com',
  'Kim Min-ji': 'minji.kim@heraldcorp.com',
};

async function signIn(name: string): Promise<{ token: string; staff: Staff }> {
  const signedIn = await ok<{ token: string; staff: Staff }>('session.signIn', { email: EMAILS[name], password: 'newsdesk-demo' });
  expect(signedIn.staff.name).toBe(name);
  return signedIn;
}

describe('the first workflow over plain HTTP', () => {
  it('create, save, submit, claim, approve — with the refusals on the way', async () => {
    const reporter = await signIn('Ji Da-gyum');
    const editor = await signIn('Lee Jae-won');
    const bylineEditor = await signIn('Kim Min-ji');
    expect(reporter.token).toMatch(/\S{16,}/);

    // The reporter creates and saves.
    const created = (await ok<{ story: Story }>('stories.create', { desk: 'North Korea', headline: 'N. Korea fires missiles' }, reporter.token)).story;
    expect(created.status).toBe('draft');
    const body = docFromParagraphs(['SEOUL -- North Korea fired two ballistic missiles on Tuesday, officials said.', 'The launch followed drills.']);
    const saved = (
      await ok<{ story: Story }>(
        'stories.save',
        { id: created.id, baseVersion: created.version, changes: { body, dateline: 'SEOUL', byline: [{ staffId: reporter.staff.id }] } },
        reporter.token,
      )
    ).story;
    expect(saved.version).toBeGreaterThan(created.version);

    // A stale save: CONFLICT, nothing changed, the text kept in the history.
    const staleText = 'A paragraph typed on a stale copy that must not be lost.';
    const stale = await http('stories.save', { id: created.id, baseVersion: created.version, changes: { body: docFromParagraphs([staleText]) } }, reporter.token);
    expect(stale.status).toBe(409);
    expect((stale.json.error as { code: string }).code).toBe('CONFLICT');
    const after = (await ok<{ story: Story }>('stories.get', { id: created.id }, reporter.token)).story;
    expect(after.version).toBe(saved.version);
    expect(JSON.stringify(after.body)).not.toContain(staleText);
    const history = await ok<{ revisions: { id: number; reason: string }[] }>('stories.history', { id: created.id }, reporter.token);
    const conflict = history.revisions.find((r) => r.reason === 'conflict');
    expect(conflict, JSON.stringify(history.revisions)).toBeDefined();
    const kept = await ok<{ body: unknown }>('stories.revision', { id: created.id, revisionId: conflict!.id }, reporter.token);
    expect(JSON.stringify(kept.body)).toContain(staleText);

    // Submit, claim; the reporter may not approve; the desk editor does.
    expect((await ok<{ story: Story }>('stories.transition', { id: created.id, action: 'submit' }, reporter.token)).story.status).toBe('submitted');
    expect((await ok<{ story: Story }>('stories.transition', { id: created.id, action: 'claim' }, editor.token)).story.status).toBe('editing');
    const reporterApprove = await http('stories.transition', { id: created.id, action: 'approve' }, reporter.token);
    expect(reporterApprove.status).toBe(403);
    expect((reporterApprove.json.error as { code: string }).code).toBe('FORBIDDEN');
    expect((await ok<{ story: Story }>('stories.get', { id: created.id }, editor.token)).story.status).toBe('editing');
    expect((await ok<{ story: Story }>('stories.transition', { id: created.id, action: 'approve' }, editor.token)).story.status).toBe('approved');

    // A desk editor on the byline cannot approve (four eyes).
    const second = (await ok<{ story: Story }>('stories.create', { desk: 'North Korea', headline: 'Joint byline story' }, reporter.token)).story;
    await ok(
      'stories.save',
      {
        id: second.id,
        baseVersion: second.version,
        changes: {
          body: docFromParagraphs(['Two reporters wrote this.']),
          dateline: 'SEOUL',
          byline: [{ staffId: reporter.staff.id }, { staffId: bylineEditor.staff.id }],
        },
      },
      reporter.token,
    );
    await ok('stories.transition', { id: second.id, action: 'submit' }, reporter.token);
    await ok('stories.transition', { id: second.id, action: 'claim' }, bylineEditor.token);
    const selfApprove = await http('stories.transition', { id: second.id, action: 'approve' }, bylineEditor.token);
    expect(selfApprove.status).toBe(403);
    expect((selfApprove.json.error as { code: string }).code).toBe('FORBIDDEN');
    expect((await ok<{ story: Story }>('stories.get', { id: second.id }, editor.token)).story.status).toBe('editing');
  });

  it('refuses a save over the 2 MB body limit with 413 VALIDATION and leaves the story as it was', async () => {
    const reporter = await signIn('Ji Da-gyum');
    const created = (await ok<{ story: Story }>('stories.create', { desk: 'National', headline: 'Small and fine' }, reporter.token)).story;
    const huge = docFromParagraphs(['x'.repeat(3 * 1024 * 1024)]);
    const { status, json } = await http('stories.save', { id: created.id, baseVersion: created.version, changes: { body: huge } }, reporter.token);
    expect(status).toBe(413);
    expect((json.error as { code: string }).code).toBe('VALIDATION');
    const after = (await ok<{ story: Story }>('stories.get', { id: created.id }, reporter.token)).story;
    expect(after.version).toBe(created.version);
    expect(after.headline).toBe('Small and fine');
  });

  it('delivers a story.changed event over SSE when a story changes', async () => {
    const reporter = await signIn('Ji Da-gyum');
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: { Authorization: `Bearer ${reporter.token}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const created = (await ok<{ story: Story }>('stories.create', { desk: 'National' }, reporter.token)).story;
    await ok('stories.save', { id: created.id, baseVersion: created.version, changes: { headline: 'Changed' } }, reporter.token);
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes('"story.changed"') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const events = text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as { type: string; storyId?: number });
    expect(events.some((e) => e.type === 'story.changed' && e.storyId === created.id)).toBe(true);
  });

  it('the serve cli starts on 127.0.0.1, prints its URL and answers', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'newsdesk-cli-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/cli.ts', '--data-dir', data, '--port', '0', '--demo'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 20_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`cli exited with ${code}:\n${output}`)));
      });
      const signedIn = await fetch(`${url}/api/session.signIn`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'dagyumji@heraldcorp.com', password: 'newsdesk-demo' }),
      });
      expect(signedIn.status).toBe(200);
      const { token } = (await signedIn.json()) as { token: string };
      const res = await fetch(`${url}/api/staff.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
      expect(res.status).toBe(200);
      const { staff } = (await res.json()) as { staff: Staff[] };
      expect(staff.map((s) => s.email)).toContain('dagyumji@heraldcorp.com');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('the cli refuses bad arguments with usage', async () => {
    const { parseServeArgs } = await import('../../../server/args.js');
    expect(() => parseServeArgs([])).toThrow(/--data-dir is required/);
    expect(() => parseServeArgs(['--data-dir', 'x', '--port', 'abc'])).toThrow(/port/);
    expect(() => parseServeArgs(['--data-dir', 'x', '--bogus'])).toThrow(/Unknown argument/);
    expect(parseServeArgs(['--data-dir=x', '--demo'])).toMatchObject({ host: '127.0.0.1', port: 5178, demo: true, dataDir: path.resolve('x') });
  });
});
