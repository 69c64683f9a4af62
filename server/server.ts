// The newsroom server: the Fastify app (app.ts) with listening and closing around it. Tests and
// the cli start it the same way.

import type http from 'node:http';
import type { TransportCore } from './coreApi.js';
import { buildApp, type AppOptions, type NewsroomApp } from './app.js';
import { urlHost } from './origin.js';

export { DEFAULT_LIMITS, type BodyLimits } from './api.js';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5178;

export interface ServerOptions extends Omit<AppOptions, 'host'> {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port (tests). Default DEFAULT_PORT. */
  port?: number;
}

export interface NewsroomServer extends NewsroomApp {
  readonly server: http.Server;
  /** Starts listening; resolves to the URL people open (no trailing slash). */
  listen(): Promise<string>;
  /** The URL people open, once listening. */
  readonly url: string;
  /** This server's own address on its socket (the public URL may be a proxy's). */
  readonly localUrl: string;
  close(): Promise<void>;
}

export async function createServer(core: TransportCore, opts: ServerOptions = {}): Promise<NewsroomServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const built = await buildApp(core, { ...opts, host });
  const { app, identity } = built;
  let listening = false;
  const localUrl = () => {
    const address = app.server.address();
    const port = address && typeof address === 'object' ? address.port : 0;
    const name = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : urlHost(host);
    return `${opts.tls ? 'https' : 'http'}://${name}:${port}`;
  };
  return {
    ...built,
    get server() {
      return app.server;
    },
    get url() {
      return listening ? identity.url() : '';
    },
    get localUrl() {
      return listening ? localUrl() : '';
    },
    async listen() {
      await app.listen({ host, port: opts.port ?? DEFAULT_PORT });
      listening = true;
      return identity.url();
    },
    async close() {
      await app.close();
    },
  };
}
