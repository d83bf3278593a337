import type { AppDeps } from '../app/deps.js';

/** FICTIONAL DEMO DATA: a dozen cases at different stages, made through the use cases. */
export async function seedDemoCases(_deps: AppDeps): Promise<void> {
  // Filled in by the demo-data work; until then the demo has services and people only.
}
