import { README_STEP, checkMicrosoft365 } from '../adapters/m365/setupChecks.js';
import { ConfigError, parseConfig } from '../config.js';
import type { SetupCheck } from '../ports/setupCheck.js';

/** The README step for a setting a configuration problem names. */
function stepFor(setting: string): string {
  if (/^(AZURE_|AAD_APP_|SECRET_AAD_APP)/.test(setting)) return README_STEP.registration;
  if (setting === 'ECM_SERVICE_LIBRARIES') return README_STEP.sites;
  if (/^(BOT_|SECRET_BOT)/.test(setting)) return README_STEP.bot;
  if (/^TEAMS_APP/.test(setting)) return README_STEP.teamsApp;
  return README_STEP.settings;
}

/**
 * Everything the doctor finds, from the settings the server itself would load: first every
 * setting (as start-up checks them), then, in Microsoft 365 mode, the tenant — TLS trust, signing
 * keys, the app's token and permissions, each service's library written to, the bot.
 */
export async function diagnose(settings: Record<string, string | undefined>, o: { fetch?: typeof fetch } = {}): Promise<SetupCheck[]> {
  let config;
  try {
    config = parseConfig(settings);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => {
      const setting = /^([A-Z_][A-Z0-9_]*)/.exec(p)?.[1] ?? '(environment)';
      return { check: 'settings', ok: false, detail: p, setting, fix: stepFor(setting), essential: true };
    });
  }
  const settingsOk: SetupCheck = { check: 'settings', ok: true, detail: `every setting is valid (ECM_MODE=${config.ECM_MODE})`, essential: true };
  if (config.ECM_MODE !== 'm365') {
    return [settingsOk, { check: 'tenant', ok: true, detail: 'local mode needs no tenant: nothing of Microsoft 365 to check', essential: false }];
  }
  return [settingsOk, ...(await checkMicrosoft365(config, { thorough: true, ...(o.fetch ? { fetch: o.fetch } : {}) }))];
}

/** The doctor's report as an IT person reads it: one line per check, and under each problem its setting and fix. */
export function formatReport(envName: string, checks: SetupCheck[]): string {
  const width = Math.max(...checks.map((c) => c.check.length));
  const lines = [`ECM for Teams doctor: the settings of env/.env.${envName} (and the environment)`, ''];
  for (const c of checks) {
    lines.push(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.check.padEnd(width)}  ${c.detail}`);
    if (!c.ok && c.setting) lines.push(`${' '.repeat(width + 8)}setting: ${c.setting}`);
    if (!c.ok && c.fix) lines.push(`${' '.repeat(width + 8)}fix: ${c.fix}`);
  }
  const failing = checks.filter((c) => !c.ok).length;
  lines.push('', failing ? `${failing} problem${failing === 1 ? '' : 's'} found.` : 'Every check passes.');
  return `${lines.join('\n')}\n`;
}
