// A stand-in for the desktop app's window.newsdesk in the browser tests: the contract's calls go
// over HTTP to the test server, as the preload carries them over IPC, and the session token stays
// out of the page as it does in main. Each spec gives the shell it needs (recording what the page
// asks of it) in its own init script, which calls window.__installNewsdesk(shell).

import type { Page } from '@playwright/test';

/** Registers window.__installNewsdesk before the app loads; register the spec's shell after this. */
export async function installDesktopCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };
    // globalThis is the page's window (this project's e2e types have no DOM).
    const w = globalThis as unknown as Record<string, unknown>;
    let token: string | null = null;
    const call = async (method: string, input: unknown): Promise<Envelope> => {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input ?? {}),
      });
      const body = (await res.json()) as Record<string, unknown>;
      if (!res.ok) return { ok: false, error: body.error as { code: string; message: string } };
      if (method === 'session.signIn') {
        token = body.token as string;
        delete body.token;
      }
      if (method === 'session.signOut') token = null;
      return { ok: true, value: body };
    };
    w.__installNewsdesk = (shell: unknown) => {
      w.newsdesk = new Proxy(
        {},
        {
          get: (_target, area: string) => {
            if (area === 'shell') return shell;
            if (area === 'onEvent') return () => () => undefined;
            return new Proxy({}, { get: (_t, fn: string) => (input: unknown) => call(`${area}.${fn}`, input) });
          },
        },
      );
    };
  });
}
