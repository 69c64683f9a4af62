// A small HTTP proxy the sync tests put between a desktop and the newsroom server, to be the
// network and the server's bad days on cue: pass everything, refuse connections (as a stopped
// server does), answer 500 to everything (a broken server or gateway), accept and never answer
// (a hung server), shift the server's clock as the desktop sees it (its Date header), and stop at
// a given request or answer (to crash the desktop at that exact moment of a replay).

import http from 'node:http';
import type net from 'node:net';

export type ProxyMode = 'pass' | 'refuse' | 'error500' | 'hang';
export type Verdict = 'drop' | void;

/** One request through the proxy: its method and path, and the server's status once answered. */
export interface Exchange {
  method: string;
  path: string;
  status?: number;
}

export interface FaultProxy {
  url: string;
  port: number;
  mode(): ProxyMode;
  setMode(mode: ProxyMode): Promise<void>;
  /** Added to the server's Date header on the way back (milliseconds): the server's clock seen from the desktop. */
  dateOffsetMs: number;
  /** Awaited before a request goes to the server (and before a refusal or a hang); 'drop' sends it nowhere and closes the connection. */
  onRequest: ((exchange: Exchange) => Verdict | Promise<Verdict>) | null;
  /** Awaited after the server answered, before the answer goes back; 'drop' closes the connection instead. */
  onResponse: ((exchange: Exchange) => Verdict | Promise<Verdict>) | null;
  /** Every request that reached the proxy, in order. */
  log: Exchange[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, port = 0): Promise<FaultProxy> {
  const to = new URL(target);
  const sockets = new Set<net.Socket>();
  /** Answers being passed back now (event streams among them), to end or to silence on a change of mode. */
  const flowing = new Set<{ answer: http.IncomingMessage; res: http.ServerResponse }>();
  let mode: ProxyMode = 'pass';

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const exchange: Exchange = { method: req.method ?? 'GET', path: req.url ?? '/' };
    proxy.log.push(exchange);
    if ((await proxy.onRequest?.(exchange)) === 'drop' || res.destroyed) {
      res.destroy();
      return;
    }
    if (mode === 'hang') return;
    if (mode === 'error500') {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
      return;
    }
    const upstream = http.request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host }, agent: false },
      (answer) => {
        exchange.status = answer.statusCode;
        void (async () => {
          if ((await proxy.onResponse?.(exchange)) === 'drop' || res.destroyed) {
            answer.destroy();
            res.destroy();
            return;
          }
          const headers = { ...answer.headers };
          if (proxy.dateOffsetMs && typeof headers.date === 'string') headers.date = new Date(Date.parse(headers.date) + proxy.dateOffsetMs).toUTCString();
          if (mode === 'hang') {
            // Swallowed: the request went through, the answer never comes back.
            answer.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, headers);
          const flow = { answer, res };
          flowing.add(flow);
          answer.once('close', () => flowing.delete(flow));
          answer.pipe(res);
        })();
      },
    );
    // A silenced exchange stays open: the client hears nothing either way.
    upstream.on('error', () => mode !== 'hang' && res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };

  const server = http.createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  // Event streams stay open for minutes: no timeouts of its own.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.keepAliveTimeout = 1_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const shut = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const actualPort = await listen(port);
  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    mode: () => mode,
    async setMode(next) {
      if (next === mode) return;
      const was = mode;
      mode = next;
      if (next === 'refuse') await shut();
      else if (was === 'refuse') await listen(actualPort);
      if (next === 'hang') {
        // Packets dropped, not refused: what was flowing stops without a word, connections stay open.
        for (const { answer, res } of flowing) {
          answer.unpipe(res);
          answer.destroy();
        }
      } else if (next === 'error500' || was === 'hang') {
        // A broken server ends what was open; after a hang, what hung is given up.
        for (const socket of sockets) socket.destroy();
      }
    },
    dateOffsetMs: 0,
    onRequest: null,
    onResponse: null,
    log: [],
    close: async () => {
      proxy.onRequest = null;
      proxy.onResponse = null;
      await shut();
    },
  };
  return proxy;
}
