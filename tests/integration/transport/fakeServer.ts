// The server on a fake core, as most transport tests start it: in a new temporary folder whose
// `data` folder is the core's data folder (the test writes what it serves there first), closed
// and the folder removed by `stop`.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NewsroomServer, ServerOptions } from '../../../server/server.js';
import { ALICE, ALICE_PASSWORD, createFakeCore, type FakeCore } from './fakeCore.js';
import { post, startTestServer } from './httpTest.js';

export interface FakeServer {
  core: FakeCore;
  server: NewsroomServer;
  base: string;
  stop(): Promise<void>;
}

/** `prepare` fills the folder (`<dir>/data` exists by then) and gives the server's options. */
export async function startFakeServer(name: string, prepare: (dir: string) => ServerOptions | Promise<ServerOptions> = () => ({})): Promise<FakeServer> {
  const dir = mkdtempSync(path.join(tmpdir(), `newsdesk-${name}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    mkdirSync(path.join(dir, 'data'));
    const options = await prepare(dir);
    const core = createFakeCore(path.join(dir, 'data'));
    const { server, base } = await startTestServer(core, options);
    return {
      core,
      server,
      base,
      stop: async () => {
        await server.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Signs the fake core's reporter in; the session's token. */
export async function signInAlice(base: string): Promise<string> {
  return (await post(base, 'session.signIn', { email: ALICE.email, password: ALICE_PASSWORD })).json.token as string;
}
