import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import type { Host } from './host/teams.js';

// For the bench's breakdown (tests/bench/tabBreakdown.ts): React and the app have loaded and run.
performance.mark('ecm:js-run');

/** Renders the app, once boot.ts knows the host (and has started what it can prefetch). */
export function start(host: Host): void {
  createRoot(document.getElementById('root')!).render(<App host={host} />);
}
