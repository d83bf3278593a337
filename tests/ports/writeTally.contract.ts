import { expect, it } from 'vitest';
import type { WriteTally } from '../../src/ports/writeTally.js';

const minute = (m: number) => `2026-11-27T10:${String(m).padStart(2, '0')}:00.000Z`;

/** What every write tally must do, in this process or in a shared database: the write limit leans on it. */
export function writeTallyContract(tally: () => WriteTally): void {
  it('counts a person’s writes in a window, apart from anyone else’s', async () => {
    expect(await tally().count('yjs-amy', minute(1))).toBe(1);
    expect(await tally().count('yjs-amy', minute(1))).toBe(2);
    expect(await tally().count('ecm-sam', minute(1))).toBe(1);
    expect(await tally().count('yjs-amy', minute(1))).toBe(3);
  });

  it('starts each window afresh', async () => {
    await tally().count('yjs-amy', minute(1));
    await tally().count('yjs-amy', minute(1));
    expect(await tally().count('yjs-amy', minute(2))).toBe(1);
  });

  it('takes a write back, never below none, and forgets a person', async () => {
    await tally().count('yjs-amy', minute(1));
    await tally().takeBack('yjs-amy', minute(1));
    await tally().takeBack('yjs-amy', minute(1));
    expect(await tally().count('yjs-amy', minute(1))).toBe(1);
    await tally().forget('yjs-amy');
    expect(await tally().count('yjs-amy', minute(1))).toBe(1);
  });

  it('loses no count when many writes arrive at once', async () => {
    const counts = await Promise.all(Array.from({ length: 40 }, () => tally().count('yjs-amy', minute(3))));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
}
