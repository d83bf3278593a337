import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { ROLES } from './domain/staff.js';

/**
 * Every setting, parsed once at start-up. A bad configuration lists every problem at once and
 * stops the process, rather than failing later in front of a practitioner. README lists them all.
 */
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const commaList = z.string().transform((v) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);
const httpsUrl = z
  .url()
  .refine((u) => u.startsWith('https://'), 'must be an https:// URL')
  .transform((u) => u.replace(/\/+$/, ''));
/** An env value holding JSON, checked against `inner`; problems name the key inside the JSON. */
const jsonOf = <T extends z.ZodType>(inner: T, shape: string) =>
  z.string().transform((text, ctx): z.output<T> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be ${shape}` });
      return z.NEVER;
    }
    const r = inner.safeParse(parsed);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message });
    return r.success ? r.data : z.NEVER;
  });
/** Each service's SharePoint site and document library (drive) ids. */
const serviceLibrariesSchema = z
  .record(z.string(), z.object({ siteId: z.string().min(3), driveId: z.string().min(3) }).strict())
  .superRefine((libraries, ctx) => {
    for (const key of Object.keys(libraries)) {
      if (!/^[A-Z]{3}$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not a three-letter service code such as BRI' });
    }
  });
/** The services this deployment serves, by code and name: the place real services come from. */
const servicesSchema = z
  .record(z.string(), z.string().trim().min(3, 'is the service’s name').max(120, 'is at most 120 characters'))
  .superRefine((services, ctx) => {
    if (Object.keys(services).length === 0) ctx.addIssue({ code: 'custom', message: 'names no service' });
    for (const key of Object.keys(services)) {
      if (!/^[A-Z]{3}$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not a three-letter service code such as BRI' });
    }
  });
const roleGroupsSchema = z.record(
  z.string().regex(UUID, 'is a group object id (a GUID)'),
  z.string().refine((v) => (ROLES as readonly string[]).includes(v) || /^service:[A-Z]{3}$/.test(v), 'is a role such as manager, or service:BRI'),
);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    ECM_MODE: z.enum(['local', 'm365']).default('local'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    PUBLIC_BASE_URL: z
      .url()
      .transform((u) => u.replace(/\/+$/, ''))
      .default('http://localhost:3978'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'is a lower-case schema name such as ecm')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
    // How long a stalled or overloaded database is waited for before a request gets 503 (README: Settings).
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    /** Defaults to on only in local mode outside production: see `demoData` below. */
    ECM_DEMO_DATA: bool.optional(),
    ECM_DEV_SIGN_IN: bool.optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(256_000),
    /** Hours, fractions allowed: a shared machine may want half an hour (0.5). */
    SESSION_HOURS: z.coerce.number().positive('is a number of hours above 0, such as 10 or 0.5').max(24, 'is at most 24 hours').default(10),
    /** Seconds a sign-in, once looked up, is trusted without a database read; 0 looks it up on every request. */
    SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
    /** Outbox deliveries at the same time (documents, messages, meetings); a throttled one gives its place up while it waits. */
    OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
    /** How long a job stays an instance's without a sign of life; renewed every quarter of it while delivering. */
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(600).default(20),
    // The bot (Agents Toolkit names). Without BOT_ID the bot accepts unauthenticated messages: local mode only.
    BOT_ID: z.guid('is the bot’s Microsoft Entra app (client) id').optional(),
    SECRET_BOT_PASSWORD: z.string().min(1).optional(),
    BOT_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    BOT_TENANT_ID: z.guid('is a Microsoft Entra tenant id').optional(),
    /** The Teams app id (manifest `id`): cards link into the tab with it. Without it they link to PUBLIC_BASE_URL/tab. */
    TEAMS_APP_ID: z.guid('is the Teams app id from the manifest').optional(),
    /**
     * The id the organisation's catalogue gave the app, when an admin uploaded it there: Teams deep
     * links to an org-catalogue app name that id, not the manifest's. Without it links use TEAMS_APP_ID.
     */
    TEAMS_APP_CATALOG_ID: z.guid('is the id of the app in the organisation catalogue').optional(),
    BOT_NOTIFICATIONS_PER_MINUTE: z.coerce.number().int().min(1).max(60).default(10),
    /** How often to look for reviews coming due; 0 turns the reminders off. */
    REVIEW_REMINDERS_EVERY_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
    /** How often to look for young people who have turned 16 or 18 since they agreed; 0 turns the prompts off. */
    AGREEMENT_AGAIN_EVERY_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
    // Microsoft 365 mode (docs/m365.md). Required when ECM_MODE=m365; ignored in local mode.
    AZURE_TENANT_ID: z.uuid('must be the directory (tenant) id, a GUID').optional(),
    AZURE_CLIENT_ID: z.uuid("must be the app registration's client id, a GUID").optional(),
    AZURE_CLIENT_SECRET: z.string().min(8).optional(),
    ECM_ALLOWED_TENANTS: commaList.optional(),
    ECM_SERVICES: jsonOf(servicesSchema, 'a JSON object such as {"BRI":"Bristol Youth Justice Service"}').optional(),
    ECM_SERVICE_LIBRARIES: jsonOf(serviceLibrariesSchema, 'a JSON object such as {"BRI":{"siteId":"…","driveId":"…"}}').optional(),
    ECM_ROLE_GROUPS: jsonOf(roleGroupsSchema, 'a JSON object of group object id → role or "service:BRI"').optional(),
    ECM_API_AUDIENCE: z.string().min(1).optional(),
    GRAPH_BASE_URL: httpsUrl.default('https://graph.microsoft.com'),
    ENTRA_AUTHORITY_HOST: httpsUrl.default('https://login.microsoftonline.com'),
    ENTRA_V1_ISSUER_HOST: httpsUrl.default('https://sts.windows.net'),
    GRAPH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
    GRAPH_MAX_INLINE_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    ECM_LIBRARY_DIR: z.string().optional(),
    ENTRA_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    /**
     * The secret the ECM team's evaluation export makes each child's pseudonym with (docs/evaluation.md).
     * Without it one is made once and kept in the database.
     */
    ECM_PSEUDONYM_KEY: z.string().min(32, 'is a secret of at least 32 characters, such as the output of `openssl rand -base64 32`').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.DATABASE_SCHEMA && !c.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_SCHEMA'], message: 'is used only with DATABASE_URL (PostgreSQL)' });
    }
    if (c.NODE_ENV === 'production' && c.ECM_DEV_SIGN_IN === true) {
      ctx.addIssue({ code: 'custom', path: ['ECM_DEV_SIGN_IN'], message: 'the dev sign-in cannot run when NODE_ENV=production' });
    }
    if (c.NODE_ENV === 'production' && c.ECM_MODE === 'local' && c.ECM_DEV_SIGN_IN !== false) {
      ctx.addIssue({
        code: 'custom',
        path: ['ECM_MODE'],
        message: 'local mode signs people in with the dev sign-in, which refuses to start when NODE_ENV=production; use ECM_MODE=m365',
      });
    }
    if (c.NODE_ENV === 'production' && !c.BOT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_ID'],
        message: 'without a bot app id the bot accepts unauthenticated messages, which only local mode allows; set BOT_ID',
      });
    }
    if (c.BOT_ID && c.BOT_TYPE !== 'UserAssignedMSI' && !c.SECRET_BOT_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_BOT_PASSWORD'], message: `BOT_ID is set: give the bot's client secret too (or BOT_TYPE=UserAssignedMSI)` });
    }
    if (c.ECM_MODE === 'm365' && c.ECM_SERVICES && c.ECM_SERVICE_LIBRARIES) {
      for (const id of Object.keys(c.ECM_SERVICES)) {
        if (!c.ECM_SERVICE_LIBRARIES[id]) ctx.addIssue({ code: 'custom', path: ['ECM_SERVICE_LIBRARIES'], message: `service ${id} has no SharePoint library` });
      }
    }
    if (c.BOT_ID && c.BOT_TYPE !== 'MultiTenant' && !c.BOT_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TENANT_ID'], message: `a ${c.BOT_TYPE} bot needs the tenant it lives in` });
    }
  });

/** Microsoft 365 mode needs a tenant, an app registration and a library for every service. */
function m365Problems(env: Record<string, string | undefined>): string[] {
  if (env.ECM_MODE !== 'm365') return [];
  const problems: string[] = [];
  for (const key of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'ECM_ALLOWED_TENANTS', 'ECM_SERVICE_LIBRARIES']) {
    if (env[key] === undefined) problems.push(`${key}: is required when ECM_MODE=m365 (see docs/m365.md)`);
  }
  const allowed = (env.ECM_ALLOWED_TENANTS ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const t of allowed) if (!UUID.test(t)) problems.push(`ECM_ALLOWED_TENANTS: "${t}" is not a tenant id (a GUID)`);
  if (env.AZURE_TENANT_ID && allowed.length && !allowed.includes(env.AZURE_TENANT_ID)) {
    problems.push("ECM_ALLOWED_TENANTS: must include the app's own tenant (AZURE_TENANT_ID)");
  }
  return problems;
}

/** Made-up cases have no place beside real ones; checked on the raw values so it is listed with any other problem. */
function demoDataProblems(env: Record<string, string | undefined>): string[] {
  const wanted = env.ECM_DEMO_DATA !== undefined && bool.safeParse(env.ECM_DEMO_DATA).data === true;
  return env.NODE_ENV === 'production' && wanted ? ['ECM_DEMO_DATA: the fictional demo data cannot be loaded when NODE_ENV=production'] : [];
}

export type Config = Omit<z.infer<typeof schema>, 'ECM_DEMO_DATA'> & {
  /**
   * Load the fictional demo data into an empty database at start. On by default only in local
   * mode: a tenant's database must never start out holding made-up cases.
   */
  ECM_DEMO_DATA: boolean;
  devSignIn: boolean;
  /** The bot answers at /api/messages: always with a bot app id, and in local mode without one. */
  botEnabled: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The Agents Toolkit writes the app registration as AAD_APP_* (and the secret as
 * SECRET_AAD_APP_CLIENT_SECRET); the server reads those when its own names are not set, so a
 * provisioned env file works without copying ids around.
 */
const TOOLKIT_NAMES: Record<string, string> = {
  AZURE_TENANT_ID: 'AAD_APP_TENANT_ID',
  AZURE_CLIENT_ID: 'AAD_APP_CLIENT_ID',
  AZURE_CLIENT_SECRET: 'SECRET_AAD_APP_CLIENT_SECRET',
};

export function parseConfig(env: Record<string, string | undefined>): Config {
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
  const cleaned = { ...given };
  for (const [ours, toolkit] of Object.entries(TOOLKIT_NAMES)) if (cleaned[ours] === undefined && given[toolkit] !== undefined) cleaned[ours] = given[toolkit];
  const result = schema.safeParse(cleaned);
  // Checked on the raw values too, so that a missing setting is listed beside a malformed one.
  const raw = [...m365Problems(cleaned), ...demoDataProblems(cleaned)];
  if (!result.success || raw.length) {
    throw new ConfigError([...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`)), ...raw]);
  }
  const c = result.data;
  return {
    ...c,
    ECM_DEMO_DATA: c.ECM_DEMO_DATA ?? (c.ECM_MODE === 'local' && c.NODE_ENV !== 'production'),
    devSignIn: c.ECM_DEV_SIGN_IN ?? (c.ECM_MODE === 'local' && c.NODE_ENV !== 'production'),
    botEnabled: c.BOT_ID !== undefined || c.ECM_MODE === 'local',
  };
}

/** Which `env/.env.<name>` to read (ECM_ENV): a plain name, so it can only ever point inside env/. */
const envNameSchema = z.string().regex(/^[a-z0-9-]+$/, 'is the name of a file in env/, such as local or dev (lower-case letters, digits and dashes)');

/** The settings of this process: its environment over the env files ECM_ENV names (local unless set). */
export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Record<string, string | undefined> {
  return loadEnvFiles(env.ECM_ENV || 'local', cwd, env);
}

/**
 * Reads `env/.env.<name>` and its git-ignored `env/.env.<name>.user` (Agents Toolkit layout).
 * The process environment wins over both.
 */
export function loadEnvFiles(envName: string, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const name = envNameSchema.safeParse(envName);
  if (!name.success) throw new ConfigError(name.error.issues.map((i) => `ECM_ENV: ${i.message}`));
  const fromFiles: Record<string, string> = {};
  for (const file of [`env/.env.${envName}`, `env/.env.${envName}.user`]) {
    const path = resolve(cwd, file);
    if (existsSync(path)) Object.assign(fromFiles, parseEnv(readFileSync(path, 'utf8')));
  }
  return { ...fromFiles, ...env };
}
