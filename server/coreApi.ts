// The part of the core a transport needs. The real Core (core/core.ts) has this shape;
// naming only what is used keeps the transports testable with a small fake.

import type { ChangeEvent } from '../shared/domain.js';

export interface TransportCore {
  call(token: string | null, method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: ChangeEvent) => void): () => void;
  readonly dataDir: string;
}
