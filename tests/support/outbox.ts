import type { System } from '../../src/composition.js';

/**
 * Runs the outbox worker until nothing more is due, as the running server would over a few polls:
 * a job may queue others (making a case's documents queues each file's delivery).
 */
export async function drainOutbox(system: System, maxPasses = 10): Promise<void> {
  for (let pass = 0; pass < maxPasses; pass++) {
    if ((await system.worker.runOnce()) === 0) return;
  }
  throw new Error(`the outbox still had work after ${maxPasses} passes`);
}
