import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymOf } from '../../../src/app/evaluation/pseudonym.js';
import { openSqliteStore } from '../../../src/adapters/sqlite/openSqliteStore.js';
import { ConfigError, parseConfig } from '../../../src/config.js';
import type { Store } from '../../../src/ports/store.js';

const CASE = '0b6f3c1e-2d4a-4f5b-9c8d-7e6f5a4b3c2d';
const KEY = 'a-secret-of-at-least-thirty-two-characters';

describe('a child’s pseudonym in the evaluation export', () => {
  it('is the same for the same case and key, and tells nothing of the case id', () => {
    const p = pseudonymOf(KEY, CASE);
    expect(p).toMatch(/^P[0-9a-f]{16}$/);
    expect(pseudonymOf(KEY, CASE)).toBe(p);
    expect(p).not.toContain(CASE.slice(0, 8));
  });

  it('differs by case, and by key: without the key nobody can recompute it from a case id', () => {
    expect(pseudonymOf(KEY, CASE.replace(/d$/, 'e'))).not.toBe(pseudonymOf(KEY, CASE));
    expect(pseudonymOf(`${KEY}!`, CASE)).not.toBe(pseudonymOf(KEY, CASE));
  });

  it('takes its key from ECM_PSEUDONYM_KEY, which must be long enough to be a secret', () => {
    expect(parseConfig({ ECM_PSEUDONYM_KEY: KEY }).ECM_PSEUDONYM_KEY).toBe(KEY);
    expect(() => parseConfig({ ECM_PSEUDONYM_KEY: 'short' })).toThrow(ConfigError);
    try {
      parseConfig({ ECM_PSEUDONYM_KEY: 'short' });
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        'ECM_PSEUDONYM_KEY: is a secret of at least 32 characters, such as the output of `openssl rand -base64 32`',
      ]);
    }
  });
});

describe('the key kept in the database when none is configured', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openSqliteStore({ dataDir: ':memory:' });
  });
  afterAll(() => store.close());

  it('is made once: a later (or concurrent) first use reads back the key already kept', async () => {
    const first = await store.transaction((tx) => tx.evaluationKeys.keep('evaluation.pseudonym', 'first-candidate', '2026-11-27T10:00:00.000Z'));
    const second = await store.transaction((tx) => tx.evaluationKeys.keep('evaluation.pseudonym', 'second-candidate', '2026-11-28T10:00:00.000Z'));
    expect([first, second]).toEqual(['first-candidate', 'first-candidate']);
  });
});
