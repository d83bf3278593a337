import { Badge } from '@fluentui/react-components';
import type { LiveNote } from '../live/useTimeline.js';
import type { LiveState } from '../live/sse.js';

const WORDS: Record<LiveState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', stopped: 'Not live' };

/** Whether changes by others arrive by themselves; the latest one is announced to screen readers. */
export function LiveStatus({ state, notes, describe }: { state: LiveState; notes: LiveNote[]; describe: (entryId: string) => string }) {
  const latest = notes[0];
  return (
    <>
      <Badge appearance="outline" color={state === 'live' ? 'success' : 'warning'} data-live-state={state}>
        {/* The dot repeats the words for the eye; screen readers get the words alone. */}
        <span aria-hidden="true">{state === 'live' ? '● ' : '○ '}</span>
        {WORDS[state]}
      </Badge>
      <span role="status" aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {latest ? `${latest.by} ${latest.what} an entry: ${describe(latest.entryId)}` : ''}
      </span>
    </>
  );
}

/** Entries others changed recently, with who changed them. */
export function freshMap(notes: LiveNote[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of [...notes].reverse()) m.set(n.entryId, `${n.what} by ${n.by}`);
  return m;
}
