import type { CaseEvent } from '../../domain/caseEvents.js';
import type { CaseEventBus } from '../../ports/caseEventBus.js';

/** One process: watchers of a case are called in turn; a failing watcher does not stop the others. */
export function memoryCaseEventBus(onListenerError: (error: unknown) => void = () => {}): CaseEventBus {
  const watchers = new Map<string, Set<(e: CaseEvent) => void>>();
  return {
    publish(event) {
      for (const listener of watchers.get(event.caseId) ?? []) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(caseId, listener) {
      const set = watchers.get(caseId) ?? new Set();
      set.add(listener);
      watchers.set(caseId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) watchers.delete(caseId);
      };
    },
    async close() {
      watchers.clear();
    },
  };
}
