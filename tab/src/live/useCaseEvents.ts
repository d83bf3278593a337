import { useEffect, useRef } from 'react';
import type { LiveEvent } from '../api/types.js';
import { watchCaseEvents } from './sse.js';

/**
 * Calls `onEvent` for each change to the case from now on, while the view is open. An event of the
 * case the view showed before is never handed to the view of the case it shows now.
 */
export function useCaseEvents(caseId: string, onEvent: (e: LiveEvent) => void): void {
  const handler = useRef({ caseId, onEvent });
  handler.current = { caseId, onEvent };
  useEffect(
    () =>
      watchCaseEvents(caseId, {
        onEvent: (e) => {
          if (handler.current.caseId === caseId) handler.current.onEvent(e);
        },
      }),
    [caseId],
  );
}
