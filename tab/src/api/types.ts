/**
 * What the API returns, named as the server names it: all of it from src/contract, the one part of
 * the server the tab may import. Types only: nothing here is bundled.
 */
export type * from '../../../src/contract/records.js';
export type * from '../../../src/contract/views.js';
export type { LiveEvent, StreamReady } from '../../../src/contract/caseEvents.js';
