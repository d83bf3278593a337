import { beforeEach, describe } from 'vitest';
import { memoryWriteTally } from '../../../src/adapters/local/memoryWriteTally.js';
import type { WriteTally } from '../../../src/ports/writeTally.js';
import { writeTallyContract } from '../../ports/writeTally.contract.js';

describe('the write tally kept in this process (the embedded database’s)', () => {
  let tally: WriteTally;
  beforeEach(() => {
    tally = memoryWriteTally();
  });
  writeTallyContract(() => tally);
});
