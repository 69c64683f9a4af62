// The newsroom across computers: the same tests on a network of several hosts (network
// namespaces; skipped with the reason where they cannot be made) and on loopback. One server per
// shape serves all its tests, in this order: the restart comes last.

import { test, expect, type TestInfo } from '@playwright/test';
import { apiError, type ApiFn } from '../e2e/server.js';
import { send, type RawResponse } from './http.js';
import { accessLines } from './newsroomServer.js';
import { openNewsroom, variantSupport, VARIANTS, type Newsroom } from './newsroom.js';
import { addPerson, callFromPage, demoAccount, plainAddress, probe, signInPage, tokenOf, Windows } from './people.js';

interface Ctx {
  newsroom: Newsroom;
  api: ApiFn;
  windows: Windows;
  info: TestInfo;
  /** An admin's token, from the runner's host. */
  admin: () => Promise<string>;
}

const docOf = (paragraphs: string[]) => ({
  type: 'doc' as const,
  content: paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `read` until `done` says yes or `ms` pass; returns the last value read. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await sleep(100);
  }
}

/** How the server refuses a request it will not act on: the wrong content type (400), no session (401), another origin (403). */
const isRefused = (status: number) => status === 400 || status === 401 || status === 403;

// ── the cases ─────────────────────────────────────────────────────────────────

/** A reporter submits on one computer; the desk editor's open queue on another shows it within a second. */
async function submitReachesDesk({ newsroom, api, windows, info }: Ctx): Promise<void> {
  const reporter = await demoAccount(api, 'Park Soo-hyun');
  const desk = await demoAccount(api, 'Lee Jae-won');
  const title = `Ferries sail again (${newsroom.variant} ${Date.now()})`;
  const { token } = await tokenOf(api, reporter);
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api(
    'stories.save',
    { id: story.id, baseVersion: story.version, changes: { body: docOf(['Ferries between the mainland and the islands sailed again.']) } },
    token,
  );

  const deskPage = await windows.open(newsroom.deskBrowser, 'desk');
  await signInPage(deskPage, newsroom, desk, '#/desk');
  await expect(deskPage.getByRole('heading', { name: 'Desk queue' })).toBeVisible();
  const reporterPage = await windows.open(newsroom.reporterBrowser, 'reporter');
  await signInPage(reporterPage, newsroom, reporter, `#/mine/story/${story.id}`);
  const submit = reporterPage.getByRole('button', { name: 'Submit to desk', exact: true });
  await expect(submit).toBeVisible();

  // The server saw each person come from their own computer.
  for (const [page, address] of [
    [reporterPage, newsroom.addresses.reporter],
    [deskPage, newsroom.addresses.desk],
  ] as const) {
    const { body } = await callFromPage(page, 'session.list', {});
    const current = (body as { sessions: { current: boolean; address: string | null }[] }).sessions.find((s) => s.current);
    expect(plainAddress(current?.address ?? null), newsroom.map).toBe(address);
  }

  // Timed in the pages themselves: the click on the reporter's, the row's arrival on the desk's.
  await expect(deskPage.getByText(title)).toHaveCount(0);
  const rowSeenAt = probe<number>(deskPage, 'whenShown', title);
  await probe(reporterPage, 'markNextClick');
  await submit.click();
  const seenAt = await rowSeenAt;
  const clickedAt = await probe<number>(reporterPage, 'clickedAt');
  const delay = seenAt - clickedAt;
  info.annotations.push({ type: 'submit to desk queue', description: `${delay} ms (${newsroom.variant})` });
  console.log(`[${newsroom.variant}] submit → desk queue: ${delay} ms`);
  await expect(deskPage.getByRole('button', { name: new RegExp(title.replace(/[()]/g, '\\$&')) })).toBeVisible();
  expect(delay, 'from the reporter’s click to the row on the desk editor’s queue').toBeLessThanOrEqual(1_000);
}

/**
 * A desk editor takes a story over from a reporter typing on another computer: the reporter's
 * editor stops at once and says so, and what they had not saved is kept as a revision.
 * The desk editor is on the draft's byline, so the lock they break becomes theirs.
 */
async function forcedUnlockReachesReporter({ newsroom, api, windows }: Ctx): Promise<void> {
  const reporter = await demoAccount(api, 'Ji Da-gyum');
  const desk = await demoAccount(api, 'Kim Min-ji');
  const title = `Talks resume at Panmunjom (${newsroom.variant} ${Date.now()})`;
  const { token, staff: reporterStaff } = await tokenOf(api, reporter);
  const { token: deskToken, staff: deskStaff } = await tokenOf(api, desk);
  const { story } = await api('stories.create', { desk: 'North Korea', headline: title }, token);
  await api(
    'stories.save',
    {
      id: story.id,
      baseVersion: story.version,
      changes: { byline: [{ staffId: reporterStaff.id }, { staffId: deskStaff.id }], body: docOf(['Delegations met on Tuesday.']) },
    },
    token,
  );
  await api('stories.unlock', { id: story.id }, token);

  const reporterPage = await windows.open(newsroom.reporterBrowser, 'reporter');
  await signInPage(reporterPage, newsroom, reporter, `#/mine/story/${story.id}`);
  const headline = reporterPage.getByRole('textbox', { name: 'Headline', exact: true });
  const body = reporterPage.getByRole('textbox', { name: 'Story body' });
  await expect(headline).toBeEditable();
  await body.click();
  await reporterPage.keyboard.press('Control+End');
  await reporterPage.keyboard.type(' They talked for three hours.');
  await expect(reporterPage.getByText(/^Saved\b/).first()).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await api('stories.get', { id: story.id }, token)).story.lock?.name).toBe(reporter.name);

  // Words the server has not got yet: the reporter's next save is held on its way out.
  const unsaved = 'Neither side would say what comes next.';
  const held: (() => Promise<void>)[] = [];
  await reporterPage.route('**/api/stories.save', (route) => {
    held.push(() => route.continue());
  });
  await reporterPage.keyboard.press('Enter');
  await reporterPage.keyboard.type(unsaved);
  await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);

  const deskPage = await windows.open(newsroom.deskBrowser, 'desk');
  await signInPage(deskPage, newsroom, desk, `#/desk/story/${story.id}`);
  await expect(deskPage.getByText(`Locked by ${reporter.name}`).first()).toBeVisible();
  await deskPage.getByRole('button', { name: 'Force unlock', exact: true }).click();
  const dialog = deskPage.getByRole('dialog');
  await dialog.getByRole('textbox').first().fill('The reporter left for the airport; the desk finishes it.');
  const forcedAt = Date.now();
  await dialog.getByRole('button', { name: 'Force unlock', exact: true }).click();
  await expect(dialog).toBeHidden();

  // On the reporter's computer the editor stops taking typing at once…
  await expect(headline).not.toBeEditable({ timeout: 3_000 });
  const stoppedAfter = Date.now() - forcedAt;
  // …and the lock is the desk editor's now.
  await expect
    .poll(async () => (await api('stories.get', { id: story.id }, deskToken)).story.lock?.name ?? null, { timeout: 5_000, message: 'the desk editor holds the lock' })
    .toBe(desk.name);
  await expect(deskPage.getByRole('textbox', { name: 'Headline', exact: true })).toBeEditable();

  // The held save goes on: refused, its text kept in the story's history, and the reporter told.
  await reporterPage.unroute('**/api/stories.save');
  for (const release of held.splice(0)) await release().catch(() => undefined);
  const notice = reporterPage.getByText(`${desk.name} took over this story.`);
  await expect(notice).toBeVisible({ timeout: 10_000 });
  console.log(`[${newsroom.variant}] forced unlock → reporter's editor read-only within ${stoppedAfter} ms`);
  const kept = await waitFor(
    async () => {
      const { revisions } = await api('stories.history', { id: story.id }, token);
      for (const revision of revisions) {
        const { body: text } = await api('stories.revision', { id: story.id, revisionId: revision.id }, token);
        if (JSON.stringify(text).includes(unsaved)) return revision;
      }
      return null;
    },
    (r) => r !== null,
    10_000,
  );
  expect(kept, 'the unsaved text is kept as a revision of the story').not.toBeNull();
  // The story itself is as the desk editor has it: the held save did not overwrite it.
  expect(JSON.stringify((await api('stories.get', { id: story.id }, deskToken)).story.body)).not.toContain(unsaved);
}

/** A page on the attacker's host, opened by a signed-in reporter, cannot change anything. */
async function crossOriginPageChangesNothing({ newsroom, api, windows }: Ctx): Promise<void> {
  const victim = await demoAccount(api, 'Park Soo-hyun');
  const attackerOrigin = newsroom.attacker.pageOrigin as string;
  const marker = `csrf-${newsroom.variant}-${Date.now()}`;
  const page = await windows.open(newsroom.reporterBrowser, 'reporter');
  await signInPage(page, newsroom, victim);
  const before = await callFromPage(page, 'session.current', {});
  expect(before.status).toBe(200);

  // What the server answers the attacker's page is read from its access log (the browser hides
  // the answers of requests it sends for another origin), from the victim's address.
  const logFrom = newsroom.server.output().length;
  await page.goto(`${attackerOrigin}/`);
  await expect(page).toHaveTitle('Cheap flights to Jeju');

  const createInput = JSON.stringify({ desk: 'National', headline: marker });
  const attempts = await page.evaluate(
    async ({ origin, body }) => {
      const outcome = async (run: () => Promise<Response>) => {
        try {
          const res = await run();
          return res.type === 'opaque' ? 'opaque' : `status ${res.status}`;
        } catch (error) {
          return `blocked: ${String(error)}`;
        }
      };
      return {
        json: await outcome(() =>
          fetch(`${origin}/api/stories.create`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body }),
        ),
        textPlain: await outcome(() =>
          fetch(`${origin}/api/stories.create`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }),
        ),
        form: await outcome(() =>
          fetch(`${origin}/api/session.end`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ everywhere: 'true' }) }),
        ),
        signOut: await outcome(() =>
          fetch(`${origin}/api/session.signOut`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
        ),
      };
    },
    { origin: newsroom.origin, body: createInput },
  );
  // A JSON call from another origin needs the server's permission first (CORS), which it never gives.
  expect(attempts.json, 'a credentialed JSON fetch from the attacker’s origin').toMatch(/^blocked/);

  // A form posted to the newsroom: a top-level navigation, the one a browser sends most cookies with.
  const formAnswer = page.waitForResponse((res) => res.url() === `${newsroom.origin}/api/stories.create` && res.request().method() === 'POST');
  await probe(page, 'postForm', `${newsroom.origin}/api/stories.create`, 'text/plain', { [`{"desk":"National","headline":"${marker}-form","x":"`]: '"}' });
  const formStatus = (await formAnswer).status();
  await page.waitForURL(`${newsroom.origin}/api/stories.create`);
  expect(isRefused(formStatus), `the form post was answered ${formStatus}`).toBe(true);

  // The server refused every request of the page that reached it.
  const attacked = new Set(['/api/stories.create', '/api/session.end', '/api/session.signOut']);
  const reached = await waitFor(
    async () =>
      accessLines(newsroom.server.output().slice(logFrom)).filter((l) => l.method === 'POST' && attacked.has(l.path) && l.address === newsroom.addresses.reporter),
    (lines) => lines.length >= 4,
    3_000,
  );
  expect(reached.length, 'the three no-cors fetches and the form reached the server').toBeGreaterThanOrEqual(4);
  for (const line of reached) expect(isRefused(Number(line.status)), `${line.path} was answered ${line.status}`).toBe(true);

  // Nothing changed: no story, and the reporter is still signed in.
  await page.goto(`${newsroom.origin}/healthz`);
  const after = await callFromPage(page, 'session.current', {});
  expect((after.body as { staff: { email: string } | null }).staff?.email).toBe(victim.email);
  const { token } = await tokenOf(api, victim);
  const found = await api('stories.list', { query: marker }, token);
  expect(found.total, 'no story was created').toBe(0);

  // Even with the victim's cookie in hand, a request naming the attacker's origin is refused.
  const cookie = (await page.context().cookies(newsroom.origin)).map((c) => `${c.name}=${c.value}`).join('; ');
  expect(cookie).toContain('newsdesk_session=');
  const forged: Record<string, string>[] = [
    { Origin: attackerOrigin, 'Content-Type': 'application/json' },
    { Origin: 'null', 'Content-Type': 'application/json' },
    { Origin: attackerOrigin, 'Content-Type': 'text/plain' },
    { 'Content-Type': 'text/plain' },
    // No Origin at all, with a cookie: only a script sends that, and a script signs in with a bearer token.
    { 'Content-Type': 'application/json' },
  ];
  for (const headers of forged) {
    const res = await newsroom.attacker.send(newsroom.endpoint, {
      method: 'POST',
      path: '/api/stories.create',
      headers: { ...headers, Cookie: cookie },
      body: createInput,
    });
    expect(isRefused(res.status), `${JSON.stringify(headers)} with the victim's cookie was answered ${res.status}`).toBe(true);
  }
  expect((await api('stories.list', { query: marker }, token)).total, 'still no story').toBe(0);
}

/** A request naming another host than the newsroom's is refused, whoever sends it. */
async function foreignHostRefused({ newsroom, api }: Ctx): Promise<void> {
  const good = await send(newsroom.endpoint, { path: '/healthz' });
  expect(good.status).toBe(200);
  const foreign = ['evil.example', `evil.example:${newsroom.endpoint.port}`, newsroom.variant === 'network' ? newsroom.endpoint.address : 'newsroom.evil.example'];
  const { token } = await tokenOf(api, await demoAccount(api, 'Han Seung-woo'));
  for (const host of foreign) {
    const answers: RawResponse[] = [
      await newsroom.attacker.send(newsroom.endpoint, { path: '/', headers: { Host: host } }),
      await newsroom.attacker.send(newsroom.endpoint, {
        method: 'POST',
        path: '/api/staff.list',
        headers: { Host: host, 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      }),
    ];
    for (const res of answers) {
      expect(res.status >= 400 && res.status < 500, `Host: ${host} was answered ${res.status}`).toBe(true);
      expect(res.body).not.toContain('Han Seung-woo');
      expect(res.body).not.toMatch(/<script/i);
    }
  }
}

/** Twenty wrong passwords slow sign-in down; the right person on another computer still gets in within half a minute. */
async function wrongPasswordsSlowSignIn({ newsroom, api, windows, admin }: Ctx): Promise<void> {
  const person = await addPerson(api, await admin(), { name: '윤서준', roles: ['reporter'], desks: ['National'] });
  const attempts = await newsroom.attacker.sendMany(
    newsroom.endpoint,
    Array.from({ length: 20 }, (_, i) => ({
      method: 'POST',
      path: '/api/session.signIn',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: person.email, password: `guess number ${i}` }),
    })),
  );
  const codes = attempts.map((a) => `${a.status} ${(JSON.parse(a.body) as { error?: { code?: string } }).error?.code ?? ''}`.trim());
  expect(
    codes.every((c) => /^(401|429) /.test(c)),
    codes.join(', '),
  ).toBe(true);
  const limited = attempts.find((a) => a.status === 429);
  expect(limited, `a guess was answered RATE_LIMITED: ${codes.join(', ')}`).toBeTruthy();
  const retryAfter = (JSON.parse(limited?.body ?? '{}') as { error?: { code?: string; details?: { retryAfterSeconds?: number } } }).error;
  expect(retryAfter?.code).toBe('RATE_LIMITED');
  expect(retryAfter?.details?.retryAfterSeconds).toBeGreaterThan(0);

  // The right person, at their own computer, waits as long as they are told to and gets in.
  const page = await windows.open(newsroom.reporterBrowser, 'reporter');
  await page.goto(`${newsroom.origin}/healthz`);
  const started = Date.now();
  let answer = await callFromPage(page, 'session.signIn', { email: person.email, password: person.password });
  while (answer.status === 429 && Date.now() - started < 31_000) {
    const wait = (answer.body as { error?: { details?: { retryAfterSeconds?: number } } }).error?.details?.retryAfterSeconds ?? 1;
    await sleep(Math.min(Math.max(wait, 0.2), 31) * 1_000);
    answer = await callFromPage(page, 'session.signIn', { email: person.email, password: person.password });
  }
  const waited = Date.now() - started;
  console.log(`[${newsroom.variant}] the right person got in after ${waited} ms`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(waited).toBeLessThanOrEqual(31_000);
}

/** Deactivating a person ends their open session at once: the next call is refused and their event stream closes. */
async function deactivationEndsSession({ newsroom, api, windows, admin }: Ctx): Promise<void> {
  const adminToken = await admin();
  const person = await addPerson(api, adminToken, { name: 'Oh Ha-eun', roles: ['reporter'], desks: ['National'] });
  const page = await windows.open(newsroom.reporterBrowser, 'reporter');
  await signInPage(page, newsroom, person);
  const script = (await tokenOf(api, person)).token;
  expect((await callFromPage(page, 'stories.list', {})).status).toBe(200);

  // An event stream of the page's own, watched for its end.
  expect(await probe<number>(page, 'openEventStream')).toBe(200);

  const deactivatedAt = Date.now();
  await api('staff.update', { id: person.staff.id, active: false }, adminToken);
  const next = await callFromPage(page, 'stories.list', {});
  expect(next.status).toBe(401);
  expect((next.body as { error?: { code?: string } }).error?.code).toBe('UNAUTHENTICATED');
  expect((await apiError(api('stories.list', {}, script))).status).toBe(401);
  const ended = await waitFor(
    () => probe<number | null>(page, 'streamEndedAt'),
    (at) => at !== null,
    5_000,
  );
  expect(ended, 'the event stream was closed').not.toBeNull();
  console.log(`[${newsroom.variant}] deactivation → event stream closed: ${(ended ?? 0) - deactivatedAt} ms`);
  expect((ended ?? 0) - deactivatedAt).toBeLessThan(2_000);
}

/** A 150 MB body without a session is refused before it is read, and everyone else is still served. */
async function oversizeBodyRefusedUnread({ newsroom, api }: Ctx): Promise<void> {
  const { token } = await tokenOf(api, await demoAccount(api, 'Lee Jae-won'));
  const routes: [string, Record<string, string>][] = [
    ['/api/stories.create', { 'Content-Type': 'application/json' }],
    ['/api/photos.import', { 'Content-Type': 'application/json' }],
    ['/api/photos.upload', { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'harbour.jpg' }],
  ];
  for (const [path, headers] of routes) {
    const refusal = newsroom.attacker.oversize(newsroom.endpoint, { path, headers, declaredBytes: 150 * 1024 * 1024, sendBytes: 8 * 1024, waitMs: 5_000 });
    // Someone else, meanwhile, is served as usual.
    const asked = Date.now();
    const others = await api('stories.list', { limit: 5 }, token);
    expect(others.total).toBeGreaterThanOrEqual(0);
    expect(Date.now() - asked, 'another person’s call was answered promptly').toBeLessThan(2_000);
    const result = await refusal;
    expect(result.status, `${path}: ${result.answer || result.error}`).toBe(401);
    expect(result.msToAnswer ?? Infinity, `${path} answered promptly`).toBeLessThan(2_000);
    expect(result.closedByServer, `${path}: the server closed the connection instead of reading 150 MB`).toBe(true);
  }
  expect((await send(newsroom.endpoint, { path: '/healthz' })).status).toBe(200);
}

/** Nobody signs in by naming a staff id. */
async function noSignInByStaffId({ newsroom, api, windows }: Ctx): Promise<void> {
  const { staff } = await tokenOf(api, await demoAccount(api, 'Han Seung-woo'));
  const byId = await apiError(api('session.signIn', { staffId: staff.id } as never));
  expect(byId.status).toBe(400);
  expect(byId.code).toBe('VALIDATION');
  const page = await windows.open(newsroom.reporterBrowser, 'reporter');
  await page.goto(`${newsroom.origin}/healthz`);
  for (const input of [{ staffId: staff.id }, { staffId: staff.id, password: 'newsdesk-demo' }]) {
    const answer = await callFromPage(page, 'session.signIn', input);
    expect(answer.status).toBe(400);
    expect((answer.body as { error?: { code?: string } }).error?.code).toBe('VALIDATION');
  }
  expect((await callFromPage(page, 'session.current', {})).body).toMatchObject({ staff: null });
}

/** Sessions live in the database: after the server is killed and started again, the same cookie and token still work. */
async function sessionsSurviveRestart({ newsroom, api, windows }: Ctx): Promise<void> {
  const reporter = await demoAccount(api, 'Park Soo-hyun');
  const page = await windows.open(newsroom.reporterBrowser, 'reporter');
  await signInPage(page, newsroom, reporter);
  const { token, staff } = await tokenOf(api, await demoAccount(api, 'Lee Jae-won'));

  await newsroom.server.kill('SIGKILL');
  expect(await send(newsroom.endpoint, { path: '/healthz', timeoutMs: 2_000 }).catch(() => null), 'the server is down').toBeNull();
  await newsroom.server.restart();

  const current = await callFromPage(page, 'session.current', {});
  expect((current.body as { staff: { email: string } | null }).staff?.email).toBe(reporter.email);
  expect((await api('session.current', {}, token)).staff?.id).toBe(staff.id);
  await page.reload();
  await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
}

const CASES: [string, (ctx: Ctx) => Promise<void>][] = [
  ["the reporter's submit appears on the desk editor's queue within 1 s", submitReachesDesk],
  ["a desk editor's forced unlock reaches the reporter, whose unsaved text is kept", forcedUnlockReachesReporter],
  ['nobody can sign in by staff id', noSignInByStaffId],
  ['a request with a foreign Host header is refused', foreignHostRefused],
  ["a page from the attacker's origin cannot make any state-changing call", crossOriginPageChangesNothing],
  ['an unauthenticated 150 MB body is refused with 401 without being read', oversizeBodyRefusedUnread],
  ["a deactivated person's open session stops working at once", deactivationEndsSession],
  ['20 wrong passwords slow sign-in; the right person gets in within 31 s', wrongPasswordsSlowSignIn],
  ['sessions survive a server restart', sessionsSurviveRestart],
];

for (const variant of VARIANTS) {
  test.describe(variant, () => {
    const support = variantSupport(variant);
    test.skip(!support.ok, support.ok ? '' : `network namespaces cannot be made here: ${support.reason}`);

    let newsroom: Newsroom | null = null;
    let adminToken: string | null = null;
    const windows = new Windows();

    test.beforeAll(async () => {
      test.setTimeout(120_000);
      newsroom = await openNewsroom(variant);
    });
    test.afterAll(async () => {
      await newsroom?.close();
      newsroom = null;
    });
    // eslint-disable-next-line no-empty-pattern
    test.afterEach(async ({}, info) => {
      await windows.close(info.status !== info.expectedStatus, async (name, body) => info.attach(name, { body, contentType: 'image/png' }));
      if (info.status !== info.expectedStatus && newsroom) await info.attach('server output', { body: newsroom.server.output(), contentType: 'text/plain' });
    });

    for (const [name, body] of CASES) {
      // eslint-disable-next-line no-empty-pattern
      test(name, async ({}, info) => {
        if (!newsroom) throw new Error('The newsroom did not start.');
        const room = newsroom;
        info.annotations.push({ type: 'hosts', description: room.map });
        await body({
          newsroom: room,
          api: room.api,
          windows,
          info,
          admin: async () => (adminToken ??= (await tokenOf(room.api, await demoAccount(room.api, 'Han Seung-woo'))).token),
        });
      });
    }
  });
}
