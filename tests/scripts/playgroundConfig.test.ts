import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYGROUND_USER, playgroundConfig } from '../../scripts/playgroundConfig.js';
import { DEMO_STAFF } from '../../src/demo/people.js';

describe('the Agents Playground’s mock tenant', () => {
  it('the committed .m365agentsplayground.yml is the one the script makes from the demo people', () => {
    expect(readFileSync('.m365agentsplayground.yml', 'utf8')).toBe(playgroundConfig(DEFAULT_PLAYGROUND_USER));
  });

  it('every mocked user is a demo person, by the Entra object id the bot matches on', () => {
    const ids = [...playgroundConfig('police-jo').matchAll(/aadObjectId: "([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(6);
    expect(ids[0]).toBe(DEMO_STAFF.find((s) => s.id === 'police-jo')?.aadObjectId);
    for (const id of ids) expect(DEMO_STAFF.some((s) => s.aadObjectId === id)).toBe(true);
  });

  it('refuses someone who is not a demo person', () => {
    expect(() => playgroundConfig('nobody')).toThrow(/not one of the demo people/);
  });
});
