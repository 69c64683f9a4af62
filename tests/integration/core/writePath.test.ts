// Every write of the core goes through write(): one transaction whose events go out after commit.
// A statement that changes the database outside a transaction is a write that bypassed it. This
// test watches every statement the core runs while a whole story's life is played through it
// (writing, photos, copy desk, locks, publishing, settings, staff, the export folder, signing out,
// a desktop's offline work).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/body.js';
import type { Harness } from '../../support/coreHarness.js';
import { openNewsroom, writeSeedArticle } from '../../support/seedNewsroom.js';

/** better-sqlite3 opens and closes its transactions with statements of its own. */
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

interface Statement {
  reader: boolean;
  source: string;
  database: Database.Database;
  run(...args: unknown[]): unknown;
}

describe('the one write path', () => {
  const outside: string[] = [];
  let watching = false;
  let h: Harness;
  const proto = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Statement;
  const originalRun = proto.run;

  beforeAll(async () => {
    h = await openNewsroom();
    proto.run = function (this: Statement, ...args: unknown[]) {
      if (watching && !this.reader && !this.database.inTransaction && !TRANSACTION_CONTROL.test(this.source)) outside.push(this.source.replace(/\s+/g, ' ').slice(0, 80));
      return originalRun.apply(this, args);
    };
    watching = true;
  });

  afterAll(async () => {
    watching = false;
    proto.run = originalRun;
    await h.close();
  });

  it('runs no changing statement outside a transaction through a story’s whole life', async () => {
    const id = await writeSeedArticle(h);
    const desk = h.as('kim');
    await desk('stories.transition', { id, action: 'publish' });
    await h.as('han')('settings.update', { lockTimeoutMinutes: 20 });
    const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-export-'));
    try {
      await h.core.exportFolder.set(exportDir);
      await h.core.exportFolder.set(null);
    } finally {
      fs.rmSync(exportDir, { recursive: true, force: true });
    }

    const { story } = await h.as('ji')('stories.create', { desk: 'North Korea', headline: 'Second story', slug: 'second-story' });
    await h.as('ji')('stories.lock', { id: story.id });
    const saved = await h.as('ji')('stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { body: docFromParagraphs(['Kim Jong-un and Kim Jong Un met.']) },
    });
    await h.as('ji')('stories.unlock', { id: story.id });
    const { comment } = await h.as('ji')('comments.add', { storyId: story.id, text: 'Check the second name.' });
    await desk('comments.resolve', { id: comment.id });
    await h.as('ji')('stories.transition', { id: story.id, action: 'submit' });
    const { findings } = await desk('stories.check', { id: story.id });
    const finding = findings.find((f) => f.severity !== 'blocking');
    expect(finding).toBeDefined();
    await desk('stories.dismissFinding', { id: story.id, key: finding!.key, note: 'Both spellings quoted.' });
    await desk('stories.restoreFinding', { id: story.id, key: finding!.key });
    await h.as('han')('staff.create', { name: 'New Reporter', email: 'new.reporter@example.com', roles: ['reporter'], desks: ['North Korea'] });
    expect(saved.story.version).toBeGreaterThan(story.version);
    // Signing out releases the person's text locks.
    const { story: held } = await h.as('park')('stories.create', { desk: 'National', headline: 'Left open at sign-out' });
    await h.as('park')('stories.lock', { id: held.id });
    await h.as('park')('session.signOut', {});
    // A desktop's offline work: a story created whole and saved once each however often sent, an offline lease.
    const offline = { desk: 'North Korea', headline: 'Written offline', body: docFromParagraphs(['On the train.']), clientId: 'client-0001' };
    const { story: whole } = await h.as('ji')('stories.create', offline);
    await h.as('ji')('stories.create', offline);
    await h.as('ji')('stories.takeOffline', { id: whole.id });
    const keyed = { id: whole.id, baseVersion: whole.version, changes: { headline: 'Sent from the outbox' }, saveId: 'save-0001' };
    await h.as('ji')('stories.save', keyed);
    await h.as('ji')('stories.save', keyed);
    expect(await h.core.sweepSessions()).toBe(0);

    expect(outside).toEqual([]);
  });
});
