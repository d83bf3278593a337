import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEnvFiles } from '../config.js';
import { fillPlaceholders } from './placeholders.js';
import { checkHosts } from './hosts.js';
import { decodePng, readPngHeader } from './png.js';
import { validateAgainstBundledSchema } from './schema.js';
import { writeZip, type ZipEntry } from './zip.js';

/**
 * Builds the Teams app package for one environment, offline: fill `appPackage/manifest.json` from
 * `env/.env.<env>` (+ `.user`), check hosts and icons, validate against the bundled schema, zip.
 */
export const TEMPLATE_PATH = 'appPackage/manifest.json';

/** What each variable of the manifest is, so a missing one comes with how to fix it. */
export const MANIFEST_VARIABLES: Record<string, string> = {
  TEAMS_APP_ID: 'the Teams app id; `atk provision` writes it (for a manual upload, any new GUID)',
  AAD_APP_CLIENT_ID: 'the client id of the Entra app registration for sign-in (aad.manifest.json); `atk provision` writes it',
  BOT_ID: "the bot's Entra app (client) id; `atk provision` writes it",
  TAB_ENDPOINT: 'the https origin where this server is reachable, e.g. https://ecm.example.gov.uk (no trailing slash)',
  TAB_DOMAIN: 'the host name of TAB_ENDPOINT, e.g. ecm.example.gov.uk',
  DEVELOPER_NAME: 'the organisation that publishes the app in your tenant (at most 32 characters)',
  APP_NAME_SUFFIX: 'text after the app name that tells environments apart, e.g. " (dev)"; may be empty',
};

/** Ids a tenant mints on `atk provision --env <env>`; they stay blank in committed env files until then. */
export const MINTED_BY_PROVISION = ['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'BOT_ID'] as const;

const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

export class AppPackageError extends Error {
  constructor(
    headline: string,
    readonly problems: string[],
  ) {
    super(`${headline}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}

export interface PackageOptions {
  /** The repository root (default: the working directory). */
  root?: string;
  /** Wins over the env files, as it does for the server. Tests pass {} to read the files alone. */
  processEnv?: Record<string, string | undefined>;
  /**
   * Stand-in GUIDs for minted ids that are still blank, so an unprovisioned clone can still build and
   * validate its package. The caller must say so loudly: such a package installs, but cannot sign
   * anyone in or reach the bot until the real ids are set.
   */
  standInForMinted?: boolean;
}

export interface PreparedManifest {
  envName: string;
  manifest: Record<string, unknown>;
  /** The variables the manifest was filled from. */
  values: Record<string, string | undefined>;
  /** Minted ids that were blank and got a stand-in. */
  standIns: string[];
}

/** The environments with a committed (or local) `env/.env.<name>` file. */
export function environmentsIn(root: string): string[] {
  return readdirSync(join(root, 'env'))
    .map((f) => /^\.env\.([A-Za-z0-9-]+)$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
}

const standInFor = (index: number) => `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;

export async function prepareManifest(envName: string, options: PackageOptions = {}): Promise<PreparedManifest> {
  const root = resolve(options.root ?? process.cwd());
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(envName) || !existsSync(join(root, 'env', `.env.${envName}`))) {
    throw new AppPackageError(`There is no environment "${envName}".`, [`Choose one of: ${environmentsIn(root).join(', ')} (files env/.env.<name>).`]);
  }
  const values = loadEnvFiles(envName, root, (options.processEnv ?? process.env) as NodeJS.ProcessEnv);
  const template = readFileSync(join(root, TEMPLATE_PATH), 'utf8');

  let filled = fillPlaceholders(template, values, MAY_BE_EMPTY);
  const standIns: string[] = [];
  if (options.standInForMinted) {
    MINTED_BY_PROVISION.forEach((name, i) => {
      if (filled.missing.includes(name)) {
        values[name] = standInFor(i);
        standIns.push(name);
      }
    });
    if (standIns.length > 0) filled = fillPlaceholders(template, values, MAY_BE_EMPTY);
  }
  if (filled.missing.length > 0) {
    const n = filled.missing.length;
    throw new AppPackageError(
      `The app package for "${envName}" cannot be built: ${n} variable${n === 1 ? ' is' : 's are'} missing. Set ${n === 1 ? 'it' : 'them'} in env/.env.${envName} (or env/.env.${envName}.user):`,
      filled.missing.map((name) => `${name}: ${MANIFEST_VARIABLES[name] ?? 'used by appPackage/manifest.json'}`),
    );
  }

  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(filled.text) as Record<string, unknown>;
  } catch (error) {
    throw new AppPackageError(`${TEMPLATE_PATH} is not valid JSON once filled for "${envName}".`, [(error as Error).message]);
  }

  const problems = [...checkHosts(manifest, values), ...(await validateAgainstBundledSchema(manifest)).map((e) => `schema: ${e.trim()}`)];
  if (problems.length > 0) throw new AppPackageError(`The app manifest for "${envName}" is not valid:`, problems);
  return { envName, manifest, values, standIns };
}

/** Teams' icon rules, read from the files: sizes from the PNG header, and a white-on-transparent outline. */
export function checkIcons(root: string, manifest: Record<string, unknown>): { problems: string[]; files: ZipEntry[] } {
  const icons = (manifest.icons ?? {}) as { color?: string; outline?: string };
  const problems: string[] = [];
  const files: ZipEntry[] = [];
  for (const [role, size] of [
    ['color', 192],
    ['outline', 32],
  ] as const) {
    const name = icons[role];
    const path = name ? join(root, 'appPackage', name) : '';
    if (!name || !existsSync(path)) {
      problems.push(`icons.${role}: appPackage/${name ?? `${role}.png`} does not exist`);
      continue;
    }
    const data = new Uint8Array(readFileSync(path));
    try {
      const { width, height } = readPngHeader(data);
      if (width !== size || height !== size) problems.push(`${name} is ${width}×${height}; Teams needs ${size}×${size}`);
      if (role === 'outline') {
        const { pixels } = decodePng(data);
        let coloured = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3]! > 0 && (pixels[i]! < 255 || pixels[i + 1]! < 255 || pixels[i + 2]! < 255)) coloured++;
        if (coloured > 0) problems.push(`${name} must be white on transparent; ${coloured} visible pixel${coloured === 1 ? ' is' : 's are'} not white`);
        if (pixels[3] !== 0) problems.push(`${name} must have a transparent background (its corner is not transparent)`);
      }
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
    files.push({ name, data });
  }
  return { problems, files };
}

export interface BuiltPackage {
  zipPath: string;
  entries: string[];
  /** Minted ids that were blank and got a stand-in: the package is a preview until they are set. */
  standIns: string[];
}

/** Fills, checks and zips; throws AppPackageError listing every problem found. */
export async function buildAppPackage(envName: string, options: PackageOptions = {}): Promise<BuiltPackage> {
  const root = resolve(options.root ?? process.cwd());
  const { manifest, standIns } = await prepareManifest(envName, { ...options, root });
  const icons = checkIcons(root, manifest);
  if (icons.problems.length > 0) throw new AppPackageError(`The app icons are not right:`, icons.problems);

  const entries: ZipEntry[] = [{ name: 'manifest.json', data: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) }, ...icons.files];
  const buildDir = join(root, 'appPackage', 'build');
  mkdirSync(buildDir, { recursive: true });
  const zipPath = join(buildDir, `appPackage.${envName}.zip`);
  writeFileSync(zipPath, writeZip(entries));
  return { zipPath, entries: entries.map((e) => e.name), standIns };
}
