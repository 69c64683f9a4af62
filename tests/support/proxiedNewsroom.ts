// The shape most sync tests start from: a newsroom server (demo newsroom), a fault proxy in front
// of it, and one connected desktop that reaches the server only through the proxy, all in one
// temporary folder that stop() removes with every process.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDesktop, startServer, type Client } from './connectedDesktop.js';
import { startFaultProxy, type FaultProxy } from './faultProxy.js';
import type { NewsdeskProcess } from './newsdeskCli.js';

export interface ProxiedNewsroom {
  dir: string;
  server: NewsdeskProcess;
  proxy: FaultProxy;
  desktop: NewsdeskProcess;
  /** Closes `clients`, kills the desktop and the server, closes the proxy and removes the folder. */
  stop(clients: Client[]): Promise<void>;
}

export async function startProxiedNewsroom(label: string): Promise<ProxiedNewsroom> {
  const dir = mkdtempSync(path.join(tmpdir(), `newsdesk-sync-${label}-`));
  const server = await startServer(path.join(dir, 'server'));
  const proxy = await startFaultProxy(server.url);
  const desktop = await startDesktop('desktop', proxy.url, path.join(dir, 'desktop'));
  return {
    dir,
    server,
    proxy,
    desktop,
    async stop(clients) {
      for (const c of clients) c.close();
      await Promise.all([desktop, server].map((p) => p.stop('SIGKILL')));
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
