import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AppPackageError, buildAppPackage, MINTED_BY_PROVISION, prepareManifest } from '../../src/teamsApp/appPackage.js';
import { decodePng, encodePng, readPngHeader } from '../../src/teamsApp/png.js';
import { readZip } from '../support/zipReader.js';
import { COMMITTED_ENVIRONMENTS, MINTED, REPO_ROOT, scratchRoot } from '../support/appPackageRoot.js';

let scratch: ReturnType<typeof scratchRoot> | null = null;
const scratchFor = (envFiles: Record<string, string> = {}) => (scratch = scratchRoot(envFiles));
afterEach(() => {
  scratch?.remove();
  scratch = null;
});

async function failureOf(work: Promise<unknown>): Promise<AppPackageError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppPackageError);
  return error as AppPackageError;
}

describe('the manifest filled from each committed env file', () => {
  it.each(COMMITTED_ENVIRONMENTS)('validates against the Teams schema with no errors (%s)', async (env) => {
    const { root } = scratchFor();
    const prepared = await prepareManifest(env, { root, processEnv: {}, standInForMinted: true });
    expect(prepared.manifest.manifestVersion).toBe('1.30');
    // Only the ids a tenant mints may still be blank in a committed file; everything else is there.
    expect(MINTED_BY_PROVISION).toEqual(expect.arrayContaining(prepared.standIns));
  });

  it('leaves blank only ids that `atk provision` writes back, so provisioning creates rather than skips them', () => {
    const written = (file: string) => {
      const names = new Set<string>();
      let inBlock = false;
      for (const line of readFileSync(join(REPO_ROOT, file), 'utf8').split('\n')) {
        if (/^\s*writeToEnvironmentFile:\s*$/.test(line)) inBlock = true;
        else if (inBlock && /^\s+\w+:\s*[A-Z_]+\s*$/.test(line)) names.add(line.split(':')[1]!.trim());
        else inBlock = false;
      }
      return names;
    };
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const names = written(file);
      for (const id of MINTED_BY_PROVISION) expect(names, `${file} writes ${id}`).toContain(id);
    }
  });

  it('keeps every secret out of the committed env files', () => {
    for (const env of COMMITTED_ENVIRONMENTS) {
      const values = parseEnv(readFileSync(join(REPO_ROOT, 'env', `.env.${env}`), 'utf8'));
      const secrets = Object.entries(values).filter(([key, value]) => /SECRET|PASSWORD/i.test(key) && value !== '');
      expect(secrets, `env/.env.${env}`).toEqual([]);
    }
    expect(readFileSync(join(REPO_ROOT, '.gitignore'), 'utf8')).toMatch(/^env\/\.env\.\*\.user$/m);
  });
});

describe('npm run package', () => {
  it('writes a zip holding exactly the manifest and both icons, at the sizes Teams needs', async () => {
    const { root } = scratchFor();
    const built = await buildAppPackage('dev', { root, processEnv: MINTED });
    expect(built.zipPath).toBe(join(root, 'appPackage', 'build', 'appPackage.dev.zip'));

    const entries = readZip(readFileSync(built.zipPath));
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const file = (name: string) => entries.find((e) => e.name === name)!.data;

    const manifest = JSON.parse(new TextDecoder().decode(file('manifest.json')));
    expect(manifest.id).toBe(MINTED.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(MINTED.BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: MINTED.AAD_APP_CLIENT_ID, resource: `api://ecm-dev.example.org/${MINTED.AAD_APP_CLIENT_ID}` });
    expect(JSON.stringify(manifest)).not.toContain('${{');

    expect(readPngHeader(file('color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(file('outline.png'))).toMatchObject({ width: 32, height: 32 });
  });

  it('packs an outline icon that is white on transparent, pixel by pixel', async () => {
    const { root } = scratchFor();
    const built = await buildAppPackage('dev', { root, processEnv: MINTED });
    const outline = decodePng(readZip(readFileSync(built.zipPath)).find((e) => e.name === 'outline.png')!.data);
    let visible = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      if (outline.pixels[i + 3] === 0) continue;
      visible++;
      expect([outline.pixels[i], outline.pixels[i + 1], outline.pixels[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(visible).toBeGreaterThan(32 * 32 * 0.1); // the mark is there …
    expect(visible).toBeLessThan(32 * 32 * 0.6); // … on a mostly transparent ground
    for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) expect(outline.pixels[corner * 4 + 3]).toBe(0);
  });

  it('gives the same bytes for the same inputs', async () => {
    const { root } = scratchFor();
    const first = readFileSync((await buildAppPackage('dev', { root, processEnv: MINTED })).zipPath);
    const second = readFileSync((await buildAppPackage('dev', { root, processEnv: MINTED })).zipPath);
    expect(first.equals(second)).toBe(true);
  });

  it('names every missing variable, says how to set it, and writes nothing', async () => {
    const dev = readFileSync(join(REPO_ROOT, 'env', '.env.dev'), 'utf8');
    const { root } = scratchFor({ '.env.dev': dev.replace(/^TAB_DOMAIN=.*$/m, 'TAB_DOMAIN=').replace(/^DEVELOPER_NAME=.*$/m, '') });
    const error = await failureOf(buildAppPackage('dev', { root, processEnv: { TEAMS_APP_ID: MINTED.TEAMS_APP_ID } }));
    expect(error.message).toContain('4 variables are missing. Set them in env/.env.dev (or env/.env.dev.user)');
    expect(error.problems.map((p) => p.split(':')[0])).toEqual(['DEVELOPER_NAME', 'BOT_ID', 'TAB_DOMAIN', 'AAD_APP_CLIENT_ID']);
    expect(error.problems.find((p) => p.startsWith('TAB_DOMAIN'))).toContain('the host name of TAB_ENDPOINT');
    expect(error.problems.find((p) => p.startsWith('BOT_ID'))).toContain('`atk provision` writes it');
    expect(existsSync(join(root, 'appPackage', 'build', 'appPackage.dev.zip'))).toBe(false);
  });

  it('blank minted ids stop a strict build, and a preview build names every stand-in it used', async () => {
    const { root } = scratchFor();
    const error = await failureOf(buildAppPackage('dev', { root, processEnv: {} }));
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual([...MINTED_BY_PROVISION].sort());
    const preview = await buildAppPackage('dev', { root, processEnv: {}, standInForMinted: true });
    expect(preview.standIns.sort()).toEqual([...MINTED_BY_PROVISION].sort());
    expect(preview.entries).toEqual(['manifest.json', 'color.png', 'outline.png']);
  });

  it('reads the git-ignored .user file, and the process environment wins over both files', async () => {
    const { root } = scratchFor();
    writeFileSync(join(root, 'env', '.env.dev.user'), `BOT_ID=${MINTED.BOT_ID}\nAAD_APP_CLIENT_ID=${MINTED.AAD_APP_CLIENT_ID}\n`);
    const { manifest } = await prepareManifest('dev', { root, processEnv: { TEAMS_APP_ID: MINTED.TEAMS_APP_ID, DEVELOPER_NAME: 'Bristol YJS' } });
    expect(manifest.id).toBe(MINTED.TEAMS_APP_ID);
    expect((manifest.bots as { botId: string }[])[0]!.botId).toBe(MINTED.BOT_ID);
    expect((manifest.developer as { name: string }).name).toBe('Bristol YJS');
  });

  it('refuses an environment that has no env file, listing the ones there are', async () => {
    const { root } = scratchFor();
    const error = await failureOf(prepareManifest('prod', { root, processEnv: {} }));
    expect(error.message).toContain('There is no environment "prod"');
    expect(error.problems[0]).toContain('dev, local, playground');
  });

  it('reports schema errors from the bundled schema, all at once', async () => {
    const { root } = scratchFor();
    const error = await failureOf(
      buildAppPackage('dev', { root, processEnv: { ...MINTED, DEVELOPER_NAME: 'A developer name far longer than thirty-two characters' } }),
    );
    expect(error.problems).toEqual([expect.stringMatching(/^schema: \/developer\/name must NOT have more than 32 characters/)]);
  });

  it('refuses icons Teams would refuse: a wrong size, or an outline that is not white', async () => {
    const { root } = scratchFor();
    const red = new Uint8Array(32 * 32 * 4);
    for (let i = 0; i < red.length; i += 4) red.set([200, 30, 30, i === 0 ? 0 : 255], i);
    writeFileSync(join(root, 'appPackage', 'outline.png'), encodePng({ width: 32, height: 32, pixels: red }));
    writeFileSync(join(root, 'appPackage', 'color.png'), encodePng({ width: 96, height: 96, pixels: new Uint8Array(96 * 96 * 4).fill(255) }));
    const error = await failureOf(buildAppPackage('dev', { root, processEnv: MINTED }));
    expect(error.problems).toEqual(['color.png is 96×96; Teams needs 192×192', 'outline.png must be white on transparent; 1023 visible pixels are not white']);
  });
});
