import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

/**
 * Validation against the Teams manifest schemas that `@microsoft/app-manifest` bundles. The schema
 * is always read from the package and handed to the validator, so nothing is fetched: the library
 * would otherwise go to the network for a schema it does not hold.
 */
const schemasDir = join(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/;

type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** The numbered (generally available) schema versions bundled, oldest first: ['1.0', …, '1.30']. */
export function bundledTeamsSchemaVersions(): string[] {
  return readdirSync(schemasDir)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => {
      const [am, an] = a.split('.').map(Number);
      const [bm, bn] = b.split('.').map(Number);
      return am! - bm! || an! - bn!;
    });
}

export function schemaUrlFor(version: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
}

/** Every schema error, at once; or a single problem when the schema is not bundled. */
export async function validateAgainstBundledSchema(manifest: Record<string, unknown>): Promise<string[]> {
  const url = typeof manifest.$schema === 'string' ? manifest.$schema : '';
  const version = SCHEMA_URL.exec(url)?.[1];
  const file = version ? join(schemasDir, version, 'MicrosoftTeams.schema.json') : '';
  if (!version || !existsSync(file)) {
    return [`$schema must be one of the Teams schemas bundled with @microsoft/app-manifest (${schemaUrlFor('1.x')}); got "${url}"`];
  }
  // The same clean-up the library applies: some schemas carry \a and \v escapes JSON does not allow.
  const schema = JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Schema;
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as Manifest, schema);
}
