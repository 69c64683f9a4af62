// Child process for dataDirLock.test.ts: opens a core on DATA_DIR as KIND, prints "ready <pid>"
// and keeps the folder until it is killed.

import { createCore } from '../../../core/core.js';
import type { HolderKind } from '../../../core/dataDirLock.js';

const [dataDir, kind = 'serve'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: lock-holder-child.ts DATA_DIR [KIND]');
await createCore({ dataDir, demo: true, kind: kind as HolderKind });
process.stdout.write(`ready ${process.pid}\n`);
setInterval(() => undefined, 60_000);
