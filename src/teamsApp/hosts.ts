/**
 * The hosts of the app package must be the host the server really answers on: Teams loads tabs
 * only from `validDomains`, and the Entra sign-in resource is bound to the same host. One host,
 * no wildcards, and the server's own PUBLIC_BASE_URL agreeing with what Teams is told.
 */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Every http(s) URL in the manifest with where it sits, e.g. ['staticTabs[0].contentUrl', url]. */
export function manifestUrls(manifest: unknown): [string, string][] {
  const found: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string' && /^https?:\/\//i.test(value)) found.push([path, value]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      // $schema names Microsoft's schema host; validDomains is what the URLs are checked against.
      for (const [k, v] of Object.entries(value)) if (k !== '$schema' && k !== 'validDomains') walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(manifest, '');
  return found;
}

function parse(url: string | undefined): URL | null {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
}

export function checkHosts(manifest: Record<string, unknown>, values: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const validDomains = Array.isArray(manifest.validDomains) ? (manifest.validDomains as unknown[]).map(String) : [];
  for (const domain of validDomains) {
    if (domain.includes('*')) problems.push(`validDomains: "${domain}" is a wildcard; name the one host the app uses`);
    else if (/[/:]/.test(domain.replace(/:\d+$/, ''))) problems.push(`validDomains: "${domain}" must be a host name, without scheme or path`);
  }

  const endpoint = parse(values.TAB_ENDPOINT);
  if (!endpoint) problems.push(`TAB_ENDPOINT "${values.TAB_ENDPOINT ?? ''}" is not a URL`);
  else {
    if (endpoint.protocol !== 'https:' && !LOCAL_HOSTS.has(endpoint.hostname))
      problems.push(`TAB_ENDPOINT must use https (Teams loads tabs only over https): ${endpoint.href}`);
    if (endpoint.pathname !== '/' || endpoint.search || endpoint.hash || values.TAB_ENDPOINT!.endsWith('/')) {
      problems.push(`TAB_ENDPOINT must be an origin only, e.g. https://ecm.example.gov.uk; got ${values.TAB_ENDPOINT}`);
    }
    if (values.TAB_DOMAIN !== endpoint.host) problems.push(`TAB_DOMAIN "${values.TAB_DOMAIN ?? ''}" must be the host of TAB_ENDPOINT ("${endpoint.host}")`);
    // One server answers for the tab, the bot and the API: every name for it must agree.
    for (const name of ['PUBLIC_BASE_URL', 'BOT_ENDPOINT'] as const) {
      if (values[name] && parse(values[name])?.origin !== endpoint.origin) {
        problems.push(
          `${name} (${values[name]}) and TAB_ENDPOINT (${values.TAB_ENDPOINT}) must be the same origin: the server, the bot and Teams must agree where the app is`,
        );
      }
    }
  }

  for (const [path, url] of manifestUrls(manifest)) {
    const host = parse(url)?.host;
    if (!host || !validDomains.includes(host)) problems.push(`${path}: ${url} is not on a host in validDomains (${validDomains.join(', ') || 'none'})`);
  }
  return problems;
}
