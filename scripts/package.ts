/**
 * Builds the Teams app package offline:
 *
 *   npm run package -- --env dev           writes appPackage/build/appPackage.dev.zip
 *   npm run package -- --env dev --check   validates only; ids `atk provision` has not minted yet
 *                                          get stand-ins, and no zip is written
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { AppPackageError, buildAppPackage, prepareManifest } from '../src/teamsApp/appPackage.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { env: { type: 'string' }, check: { type: 'boolean', default: false } }, strict: true });
  if (!values.env) {
    process.stderr.write('Say which environment to package: npm run package -- --env dev\n');
    return 2;
  }
  if (values.check) {
    const { standIns } = await prepareManifest(values.env, { standInForMinted: true });
    out(`appPackage/manifest.json filled from env/.env.${values.env} passes the Teams schema and the host checks.`);
    if (standIns.length > 0) {
      out(`Stand-ins were used for ${standIns.join(', ')}, which your tenant mints (\`atk provision --env ${values.env}\`, or docs/tenant.md).`);
      out('No package can be built until they are set.');
    }
    return 0;
  }
  const built = await buildAppPackage(values.env);
  out(`Wrote ${relative(process.cwd(), built.zipPath)} (${built.entries.join(', ')}).`);
  out('Upload it in Teams admin centre (Teams apps > Manage apps > Upload new app), or run `atk provision`.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof AppPackageError || error instanceof TypeError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
