// Starts the run's one throw-away PostgreSQL cluster before any test file and stops it (removing
// its folder) after the last. Test files reach it through freshDatabase() in ./postgres.ts, which
// reads its admin URL with inject().

import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide('postgresAdminUrl', cluster.url());
  return () => cluster.stop();
}
