import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_PATH } from '../../src/teamsApp/appPackage.js';

/**
 * What the manifest promises, in a form other parts' tests can hold the code to: the commands the
 * bot must answer, and the URLs a configurable tab may save. The bot's and the tab's tests call
 * these, so a command added to the manifest and not to the bot fails a test.
 */
type Json = Record<string, unknown>;

/** The manifest template as committed; placeholders stay as text. */
export function readManifestTemplate(root: string): Json {
  return JSON.parse(readFileSync(join(root, TEMPLATE_PATH), 'utf8')) as Json;
}

export interface BotCommand {
  title: string;
  description: string;
  /** Where Teams offers it: personal, groupChat, team. */
  scopes: string[];
}

export function botCommands(manifest: Json): BotCommand[] {
  const byTitle = new Map<string, BotCommand>();
  const bots = (manifest.bots ?? []) as { commandLists?: { scopes: string[]; commands: { title: string; description?: string }[] }[] }[];
  for (const list of bots.flatMap((b) => b.commandLists ?? [])) {
    for (const command of list.commands) {
      const known = byTitle.get(command.title);
      if (known) known.scopes.push(...list.scopes.filter((s) => !known.scopes.includes(s)));
      else byTitle.set(command.title, { title: command.title, description: command.description ?? '', scopes: [...list.scopes] });
    }
  }
  return [...byTitle.values()];
}

/** The tab's address: the configurable tab's settings page and the tab's content share one path. */
export function tabEntry(manifest: Json): URL {
  const tab = ((manifest.configurableTabs ?? []) as { configurationUrl: string }[])[0];
  if (!tab) throw new Error('the manifest has no configurable tab');
  return new URL(tab.configurationUrl);
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why Teams could not open `contentUrl` as a saved configurable tab, or [] when it can: on a valid
 * domain, over https (except on this machine), on the tab's own path, and not the settings view.
 * Pass a manifest filled for an environment (prepareManifest), not the template.
 */
export function whyTabCannotOpen(contentUrl: string, manifest: Json): string[] {
  let url: URL;
  try {
    url = new URL(contentUrl);
  } catch {
    return [`"${contentUrl}" is not an absolute URL`];
  }
  const entry = tabEntry(manifest);
  const validDomains = (manifest.validDomains ?? []) as string[];
  const problems: string[] = [];
  if (!validDomains.includes(url.host)) problems.push(`${url.host} is not in validDomains (${validDomains.join(', ')})`);
  if (url.protocol !== 'https:' && !LOCAL_HOSTS.has(url.hostname)) problems.push('Teams opens tabs only over https');
  if (url.origin !== entry.origin || url.pathname !== entry.pathname)
    problems.push(`the tab lives at ${entry.origin}${entry.pathname}, not ${url.origin}${url.pathname}`);
  if (url.searchParams.get('view') === entry.searchParams.get('view')) problems.push('that is the settings page, not content');
  if (url.username || url.password) problems.push('the URL must not carry credentials');
  if (contentUrl.length > 2048) problems.push('Teams accepts URLs of at most 2048 characters');
  return problems;
}
