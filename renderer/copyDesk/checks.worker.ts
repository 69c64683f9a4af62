// The copy-check engine in a Web Worker: a 10,000-word story is checked without taking a frame
// from the person typing. Vite bundles this file (and the engine it imports) as its own chunk.
import { runChecks } from '../../shared/checks/index.js';
import type { CheckReply, CheckRequest } from './protocol.js';

/** The little of DedicatedWorkerGlobalScope used here (the renderer's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { seq, input } = event.data;
  try {
    scope.postMessage({ seq, findings: runChecks(input) });
  } catch (error) {
    // The editor falls back to the main thread for this text, so a bug shows as a finding-less panel, not a hang.
    scope.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  }
};
