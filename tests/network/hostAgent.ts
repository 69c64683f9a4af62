// A small process that stands in for a person's computer on the test network: started inside a
// host's namespace (or on loopback with a source address of its own), it sends the requests the
// test runner asks for from that host, and can serve a web page from that host's own origin (the
// attacker's page). The runner talks to it over a Unix socket, which crosses namespaces because
// it is a file.
//
//   tsx tests/network/hostAgent.ts --control FILE.sock [--page ADDRESS:PORT] [--source ADDRESS]
//
// Control calls (POST, JSON in and out): /send {endpoint, request} → RawResponse;
// /send-many {endpoint, requests} → RawResponse[] (one after another); /oversize {endpoint,
// request} → OversizeResult.

import http from 'node:http';
import { rmSync } from 'node:fs';
import { send, sendOversize, type Endpoint, type RawRequest } from './http.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const control = arg('--control');
const page = arg('--page');
const source = arg('--source');
if (!control) {
  console.error('usage: hostAgent.ts --control FILE.sock [--page ADDRESS:PORT] [--source ADDRESS]');
  process.exit(2);
}

/** The attacker's page: an ordinary-looking page whose origin is this host; the tests script it. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cheap flights to Jeju</title></head>
<body><h1>Cheap flights to Jeju</h1><p>Nothing to see here.</p></body></html>`;

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    req.on('error', reject);
  });
}

const withSource = (request: RawRequest): RawRequest => ({ ...request, localAddress: request.localAddress ?? source });

async function handle(path: string, input: unknown): Promise<unknown> {
  const { endpoint, request, requests } = input as { endpoint: Endpoint; request?: RawRequest; requests?: RawRequest[] };
  switch (path) {
    case '/send':
      return send(endpoint, withSource(request as RawRequest));
    case '/send-many': {
      const answers = [];
      for (const r of requests ?? []) answers.push(await send(endpoint, withSource(r)));
      return answers;
    }
    case '/oversize': {
      const r = request as unknown as Parameters<typeof sendOversize>[1];
      return sendOversize(endpoint, { ...r, localAddress: r.localAddress ?? source });
    }
    default:
      throw new Error(`unknown control call ${path}`);
  }
}

const controlServer = http.createServer((req, res) => {
  readJson(req)
    .then((input) => handle(req.url ?? '', input))
    .then((output) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(output));
    })
    .catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
    });
});

async function main(): Promise<void> {
  rmSync(control as string, { force: true });
  await new Promise<void>((resolve) => controlServer.listen(control, resolve));
  if (page) {
    const at = page.lastIndexOf(':');
    const pageServer = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((resolve, reject) => {
      pageServer.once('error', reject);
      pageServer.listen(Number(page.slice(at + 1)), page.slice(0, at), resolve);
    });
  }
  console.log('agent ready');
}

process.on('SIGTERM', () => process.exit(0));
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
