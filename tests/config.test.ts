import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnvFiles, parseConfig, settingsFromEnvironment } from '../src/config.js';

describe('configuration', () => {
  it('local mode needs nothing set', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ ECM_MODE: 'local', PORT: 3978, DATA_DIR: './data', ECM_DEMO_DATA: true, devSignIn: true });
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ PORT: 'eighty', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/LOG_LEVEL/);
      expect(problems).toMatch(/DATABASE_URL: must be a postgres/);
    }
  });

  it('a dev sign-in lasts whole or part hours, above none and at most a day', () => {
    expect(parseConfig({ SESSION_HOURS: '0.5' }).SESSION_HOURS).toBe(0.5);
    expect(parseConfig({ SESSION_HOURS: '8' }).SESSION_HOURS).toBe(8);
    for (const [value, problem] of [
      ['0', /SESSION_HOURS: is a number of hours above 0/],
      ['-1', /SESSION_HOURS: is a number of hours above 0/],
      ['25', /SESSION_HOURS: is at most 24 hours/],
      ['half', /SESSION_HOURS/],
    ] as const) {
      expect(() => parseConfig({ SESSION_HOURS: value }), value).toThrow(problem);
    }
  });

  it('the dev sign-in refuses to start when NODE_ENV=production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', ECM_DEV_SIGN_IN: 'true' })).toThrow(/dev sign-in cannot run when NODE_ENV=production/);
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/use ECM_MODE=m365/);
  });

  it('loads the demo data by default only in local mode, and never in production', () => {
    expect(parseConfig({}).ECM_DEMO_DATA).toBe(true);
    expect(parseConfig({ ECM_DEMO_DATA: 'false' }).ECM_DEMO_DATA).toBe(false);
    try {
      parseConfig({ NODE_ENV: 'production', ECM_DEMO_DATA: 'true', PORT: 'eighty' });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems).toEqual(
        expect.arrayContaining(['ECM_DEMO_DATA: the fictional demo data cannot be loaded when NODE_ENV=production', expect.stringMatching(/^PORT:/)]),
      );
    }
  });

  it('PUBLIC_BASE_URL loses its trailing slash like the other URLs, so links never get a double slash', () => {
    expect(parseConfig({ PUBLIC_BASE_URL: 'https://ecm.contoso.example/' }).PUBLIC_BASE_URL).toBe('https://ecm.contoso.example');
    expect(parseConfig({}).PUBLIC_BASE_URL).toBe('http://localhost:3978');
  });

  it('ECM_ENV names a file in env/ and nothing else, read from local unless set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecm-env-'));
    mkdirSync(join(dir, 'env'));
    writeFileSync(join(dir, 'env/.env.local'), 'PORT=4000\n');
    writeFileSync(join(dir, 'env/.env.staging-2'), 'PORT=4002\n');
    expect(settingsFromEnvironment({}, dir)).toMatchObject({ PORT: '4000' });
    expect(settingsFromEnvironment({ ECM_ENV: 'staging-2' }, dir)).toMatchObject({ PORT: '4002' });
    for (const name of ['../secrets', 'Local', 'dev/../../x', 'dev.user']) {
      expect(() => settingsFromEnvironment({ ECM_ENV: name }, dir)).toThrow(ConfigError);
      expect(() => settingsFromEnvironment({ ECM_ENV: name }, dir)).toThrow(/ECM_ENV: is the name of a file in env\//);
    }
  });

  it('reads env/.env.<name> then its .user file, and the environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecm-env-'));
    mkdirSync(join(dir, 'env'));
    writeFileSync(join(dir, 'env/.env.local'), 'PORT=4000\nLOG_LEVEL=warn\nDATA_DIR=./x\n');
    writeFileSync(join(dir, 'env/.env.local.user'), 'LOG_LEVEL=debug\n');
    const merged = loadEnvFiles('local', dir, { DATA_DIR: './from-env' });
    expect(merged).toMatchObject({ PORT: '4000', LOG_LEVEL: 'debug', DATA_DIR: './from-env' });
  });
});
