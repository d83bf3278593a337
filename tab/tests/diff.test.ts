import { describe, expect, it } from 'vitest';
import { diffWords } from '../src/formulation/diff.js';

describe('the readable formulation diff', () => {
  it('shows the words removed and added, keeping the rest', () => {
    const pieces = diffWords('School was the steady place.', 'School was the safe and steady place.');
    expect(pieces).toEqual([
      { kind: 'same', text: 'School was the ' },
      { kind: 'added', text: 'safe and ' },
      { kind: 'same', text: 'steady place.' },
    ]);
  });

  it('shows a replaced word as removed then added', () => {
    const kinds = diffWords('level two', 'level three').map((p) => `${p.kind}:${p.text}`);
    expect(kinds).toEqual(['same:level ', 'removed:two', 'added:three']);
  });

  it('finds nothing to show between equal texts', () => {
    expect(diffWords('same', 'same').every((p) => p.kind === 'same')).toBe(true);
    expect(diffWords('', '')).toEqual([]);
  });
});
