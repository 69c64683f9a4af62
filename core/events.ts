// The core's change-event bus: handlers emit after their transaction commits; transports listen.

import type { ChangeEvent } from '../shared/domain.js';

export class EventBus {
  private readonly listeners = new Set<(e: ChangeEvent) => void>();

  on(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: ChangeEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken listener (a closed window) must not stop the others or the write.
        console.error('[core] event listener failed:', error);
      }
    }
  }
}
