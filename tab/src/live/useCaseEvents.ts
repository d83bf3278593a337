import { useEffect, useRef } from 'react';
import type { LiveEvent } from '../api/types.js';
import { watchCaseEvents } from './sse.js';

/** Calls `onEvent` for each change to the case from now on, while the view is open. */
export function useCaseEvents(caseId: string, onEvent: (e: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => watchCaseEvents(caseId, { onEvent: (e) => handler.current(e) }), [caseId]);
}
