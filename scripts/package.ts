/**
 * Builds the Teams app package offline:
 *
 *   npm run package -- --env dev            writes appPackage/build/appPackage.dev.zip
 *   npm run package -- --env dev --check    validates only, writes nothing
 *   npm run package -- --env dev --strict   refuses to build while any id is still blank
 *
 * Ids that `atk provision` mints (TEAMS_APP_ID, AAD_APP_CLIENT_ID, BOT_ID) are blank in a fresh
 * clone. Without --strict they get stand-ins, so the package can be built and checked offline; the
 * output then says plainly that it is a preview which cannot sign anyone in until they are set.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { AppPackageError, buildAppPackage, prepareManifest } from '../src/teamsApp/appPackage.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { env: { type: 'string' }, check: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.env) {
    process.stderr.write('Say which environment to package: npm run package -- --env dev\n');
    return 2;
  }
  if (values.check) {
    const { standIns } = await prepareManifest(values.env, { standInForMinted: true });
    out(`appPackage/manifest.json filled from env/.env.${values.env} passes the Teams schema and the host checks.`);
    if (standIns.length > 0) {
      out(
        `Stand-ins were used for ${standIns.join(', ')}, which your tenant mints (\`atk provision --env ${values.env}\`, or the README: Take it to your tenant).`,
      );
      out('No package can be built until they are set.');
    }
    return 0;
  }
  const built = await buildAppPackage(values.env, { standInForMinted: !values.strict });
  out(`Wrote ${relative(process.cwd(), built.zipPath)} (${built.entries.join(', ')}); it passes the Teams schema and the host and icon checks.`);
  if (built.standIns.length > 0) {
    out('');
    out(`PREVIEW ONLY: ${built.standIns.join(', ')} ${built.standIns.length === 1 ? 'is' : 'are'} not set yet and got stand-in ids.`);
    out('Teams would install this package, but it could not sign anyone in or reach the bot.');
    out(`Run \`atk provision --env ${values.env}\` (or set them in env/.env.${values.env}.user, see the README: Take it to your tenant), then package again.`);
    return 0;
  }
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
