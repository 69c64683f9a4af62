// A person's browser on one host: Debian's Chromium driven by Playwright, started inside the
// host's namespace through a wrapper executable (`ip netns exec NS chromium "$@"`), so every
// connection it makes leaves from that host. The newsroom's made-up name is mapped to the server's
// address and its self-signed certificate trusted by its public key's hash; every other name
// resolves nowhere.

import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium.js';

export interface BrowserPlace {
  /** Run inside this command prefix (e.g. ['ip', 'netns', 'exec', NS]); none: on this machine's loopback. */
  commandPrefix?: string[];
  /** Where the wrapper script is written. */
  dir: string;
  label: string;
  /** The newsroom's host name and the address it maps to; `network` (e.g. 10.231.7.*) stays reachable by address. */
  resolve?: { hostname: string; address: string; network: string };
  /** base64 SHA-256 of the newsroom certificate's public key. */
  spkiSha256?: string;
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

export async function launchBrowser(place: BrowserPlace): Promise<Browser> {
  const chromiumPath = chromiumExecutable() ?? chromium.executablePath();
  let executablePath = chromiumPath;
  if (place.commandPrefix) {
    executablePath = path.join(place.dir, `chromium-${place.label}`);
    writeFileSync(executablePath, `#!/bin/sh\nexec ${[...place.commandPrefix, chromiumPath].map(quote).join(' ')} "$@"\n`);
    chmodSync(executablePath, 0o755);
  }
  const args = [...CHROMIUM_ARGS];
  // Only the newsroom's name resolves (addresses on the test network are used as they are); any
  // other name fails rather than leaving the test network.
  if (place.resolve) args.push(`--host-resolver-rules=MAP ${place.resolve.hostname} ${place.resolve.address}, MAP * ~NOTFOUND, EXCLUDE ${place.resolve.network}`);
  if (place.spkiSha256) args.push(`--ignore-certificate-errors-spki-list=${place.spkiSha256}`);
  return chromium.launch({ executablePath, args, headless: true });
}
