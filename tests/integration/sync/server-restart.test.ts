// The newsroom server stops (SIGTERM, as an administrator restarting it) while a reporter goes on
// writing on a connected desktop: 50 saves of one story, a new story with its text, a photo. When
// the server is back, all of it arrives exactly once, and the desktop said where things stood:
// offline, then sending, then online.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsdeskProcess } from '../../support/newsdeskCli.js';
import {
  addPerson,
  DEMO,
  doc,
  fixturePhoto,
  recordConnection,
  signIn,
  startDesktop,
  startServer,
  textOf,
  waitForConnection,
  waitForSent,
  type Client,
} from '../../support/connectedDesktop.js';

let dir: string;
let server: NewsdeskProcess;
let desktop: NewsdeskProcess;
const clients: Client[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-sync-restart-'));
  server = await startServer(path.join(dir, 'server'));
  desktop = await startDesktop('desktop', server.url, path.join(dir, 'desktop'));
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all([desktop, server].map((p) => p?.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

/** `expected` appears in `seen` in this order (other states may come between). */
function inOrder(seen: string[], expected: string[]): boolean {
  let at = 0;
  for (const s of seen) if (s === expected[at]) at++;
  return at === expected.length;
}

describe('the server stopped while a reporter writes', () => {
  it('sends 50 saves, a new story and a photo once each when the server is back', async () => {
    const admin = await signIn(server.url, DEMO.han);
    clients.push(admin);
    // Someone who both writes and imports photos (the demo newsroom has nobody who does both).
    const writer = await addPerson(server.url, admin, {
      name: 'Yoo Ha-neul',
      email: 'haneul.yoo@heraldcorp.com',
      roles: ['reporter', 'photo_editor'],
      desks: ['National'],
    });
    const a = await signIn(desktop.url, writer.email, writer.password);
    clients.push(a);
    await waitForConnection(desktop, 'online');

    const { story: first } = await a.api.stories.create({ desk: 'National', headline: 'Budget talks resume' });
    const v0 = (await a.api.stories.get({ id: first.id })).story.version;
    const log = recordConnection(desktop, a);

    await server.stop('SIGTERM');
    await waitForConnection(desktop, 'offline', 10_000);

    // 50 saves, each on the version the previous one answered, as the editor's autosave does.
    let version = v0;
    let last = '';
    for (let i = 1; i <= 50; i++) {
      last = `Budget talks resumed on the train, draft ${i}. 예산 협상 ${i}.`;
      const { story } = await a.api.stories.save({ id: first.id, baseVersion: version, changes: { body: doc('SEOUL —', last) } });
      version = story.version;
    }
    // A story written offline: created with its text, then typed on.
    const trainText = 'Written between Daejeon and Seoul with no signal.';
    const { story: created } = await a.api.stories.create({ desk: 'National', headline: 'Notes from the train', dateline: 'DAEJEON', body: doc('First lines.') });
    const { story: typedOn } = await a.api.stories.save({ id: created.id, baseVersion: created.version, changes: { body: doc(trainText) } });
    expect(textOf(typedOn.body)).toBe(trainText);
    const photo = fixturePhoto();
    const imported = await a.api.photos.import({ files: [photo] });
    expect(imported.results).toHaveLength(1);
    expect(imported.results[0]!.ok, imported.results[0]!.error).toBe(true);

    // Offline, the desktop shows what was typed and says it waits.
    expect(textOf((await a.api.stories.get({ id: first.id })).story.body)).toContain(last);
    const { entries } = await a.api.desktop.outbox({});
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['save', 'create', 'photo']));
    expect(entries.every((e) => e.state === 'waiting')).toBe(true);
    expect(entries.find((e) => e.kind === 'create')?.clientId).toBeTruthy();
    expect((await a.api.desktop.status({})).waiting).toBe(entries.length);

    await server.restart();
    await waitForSent(desktop, 30_000);
    log.stop();
    expect(inOrder(log.states, ['offline', 'sending', 'online']), `states seen: ${log.states.join(' → ')}`).toBe(true);
    expect((await a.api.desktop.outbox({})).entries).toEqual([]);

    // On the server, as the writer sees it from a browser.
    const there = await signIn(server.url, writer.email, writer.password);
    clients.push(there);
    const saved = (await there.api.stories.get({ id: first.id })).story;
    expect(textOf(saved.body)).toBe(textOf(doc('SEOUL —', last)));
    expect(saved.version - v0, 'versions the 50 saves made: at least one, never more than 50').toBeGreaterThanOrEqual(1);
    expect(saved.version - v0).toBeLessThanOrEqual(50);
    const history = await there.api.stories.history({ id: first.id });
    expect(history.revisions.filter((r) => r.reason === 'conflict')).toEqual([]);

    const mine = await there.api.stories.list({ bylineStaffId: writer.id, limit: 200 });
    const trains = mine.items.filter((i) => i.headline === 'Notes from the train');
    expect(trains, 'the story written offline, created once').toHaveLength(1);
    const train = (await there.api.stories.get({ id: trains[0]!.id })).story;
    expect(textOf(train.body)).toBe(trainText);
    expect(train.dateline).toBe('DAEJEON');
    expect(mine.items.filter((i) => i.headline === 'Budget talks resume')).toHaveLength(1);

    const photos = await there.api.photos.list({ limit: 500 });
    expect(
      photos.items.filter((p) => p.originalName === photo.name),
      'the photo, imported once',
    ).toHaveLength(1);

    // The desktop's copy now follows the server: the offline story has its server id there too.
    const back = await a.api.stories.list({ bylineStaffId: writer.id, limit: 200 });
    expect(back.items.filter((i) => i.headline === 'Notes from the train').map((i) => i.id)).toEqual([train.id]);
  }, 120_000);
});
