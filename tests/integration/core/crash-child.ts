// Child process for crash.test.ts: creates a story, then saves it as fast as it can, printing
// "ack <storyId> <version>" only after each save has returned (i.e. committed). The parent
// kills it with SIGKILL at a random moment.

import { docFromParagraphs } from '../../../shared/body.js';
import { createCore } from '../../../core/core.js';
import { callCore, signIn } from '../../support/callCore.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-child.ts DATA_DIR');
const core = await createCore({ dataDir, demo: true });
const token = await signIn(core, 'Ji Da-gyum');
let { story } = await callCore(core, token, 'stories.create', { desk: 'North Korea', headline: 'Crash test' });
const filler = 'The quick brown fox jumps over the lazy dog. '.repeat(40);
for (;;) {
  const next = story.version + 1;
  ({ story } = await callCore(core, token, 'stories.save', {
    id: story.id,
    baseVersion: story.version,
    changes: { body: docFromParagraphs([`save ${next}`, filler]) },
  }));
  process.stdout.write(`ack ${story.id} ${story.version}\n`);
}
