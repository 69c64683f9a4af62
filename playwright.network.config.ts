// The network tests (`npm run test:network`): the newsroom server, browsers and an attacker on
// several hosts made with network namespaces, and the same tests on loopback. The tests launch
// their own browsers (inside the hosts' namespaces), so `use` here only sets timeouts. Run
// `npm run build` first. Without root or iproute2 the network half skips and says why.

import { defineConfig } from '@playwright/test';
import { namespaceSupport } from './tests/support/netns.js';

const support = namespaceSupport();
// Said once, by the main process (workers load this file too).
if (!support.ok && process.env.TEST_WORKER_INDEX === undefined)
  console.warn(`Network tests: the network variants skip because ${support.reason}; the loopback variants run.`);

export default defineConfig({
  testDir: 'tests/network',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/network',
  // One server, two browsers and an agent per shape already fill two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { actionTimeout: 15_000 },
});
