import { z } from 'zod';
import { Cron } from 'croner';
import { DATABASE_URL_HINT, dialectOf, isSupportedDatabaseUrl } from '../store/dialect';
import { loadNotice } from './notice';
import type { NoticeConfig } from '../domain/notice-to-users';

/** Turns "a, b ,c" into ["a","b","c"]; empty strings become an empty list. */
const commaList = z
  .string()
  .optional()
  .transform((s) => (s ?? '').split(',').map((v) => v.trim()).filter(Boolean));

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  BOT_ID: z.preprocess(emptyToUndefined, z.guid('BOT_ID must be the bot\'s Microsoft App ID (a GUID)').optional()),
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalText,
  BOT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  BOT_OPENID_METADATA_URL: z.preprocess(emptyToUndefined, z.url('BOT_OPENID_METADATA_URL must be a URL').optional()),
  TEAMS_APP_ID: z.preprocess(emptyToUndefined, z.guid('TEAMS_APP_ID must be a GUID').optional()),
  BOT_DOMAIN: optionalText,
  DATA_DIR: z.string().trim().min(1).default('./data'),
  // SQLite embedded, or PostgreSQL for several processes (docs/decisions/0005-postgresql.md).
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().trim().refine(isSupportedDatabaseUrl, DATABASE_URL_HINT).optional()),
  MIGRATE_ON_START: z.preprocess(emptyToUndefined, z.enum(['true', 'false'], 'MIGRATE_ON_START must be true or false').optional()),
  CREDENTIAL_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((s) => Buffer.from(s, 'base64').length === 32, 'CREDENTIAL_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)')
      .optional(),
  ),
  FIRST_ADMINS: commaList,
  CITY_WEB_DOMAINS: commaList,
  // REG-3: a presence's login must be an address on one of these domains; a bare user name only when allowed.
  CITY_LOGIN_DOMAINS: commaList,
  CITY_LOGIN_ALLOW_USER_NAMES: z.preprocess(emptyToUndefined, z.enum(['true', 'false'], 'CITY_LOGIN_ALLOW_USER_NAMES must be true or false').default('false')),
  // POST-4: emergency information is released on this page of the City website and pushed out from there.
  EMERGENCY_PAGE_URL: z.url({ protocol: /^https?$/, error: 'EMERGENCY_PAGE_URL must be a web address (https://...)' }).default('https://www.cityofmadison.com/emergency'),
  // The public pages' address as readers see it, e.g. behind the City website's reverse proxy (README, ADR 0012).
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: 'PUBLIC_BASE_URL must be a web address (https://...)' }).optional()),
  // Signed webhooks (issue 12): hosts an admin trusts although they resolve to private or loopback addresses.
  WEBHOOK_ALLOWED_HOSTS: commaList,
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  TIME_ZONE: z
    .string()
    .default('America/Chicago')
    .refine(isTimeZone, 'TIME_ZONE must be an IANA time zone such as America/Chicago'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1000),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  OUTBOX_RETRY_HOURS: z.coerce.number().min(0, 'OUTBOX_RETRY_HOURS must be 0 or more hours').default(1),
  OUTBOX_GIVE_UP_HOURS: z.coerce.number().positive('OUTBOX_GIVE_UP_HOURS must be more than 0 hours').default(24),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10000),
  // FRESH-1: when the weekly sweep runs (in TIME_ZONE) and when a presence is stale or appears abandoned.
  FRESHNESS_SWEEP_CRON: z.string().trim().default('0 9 * * 1').refine(isCron, 'FRESHNESS_SWEEP_CRON must be a cron expression such as "0 9 * * 1" (Monday 09:00), or "off"'),
  FRESHNESS_STALE_DAYS: z.coerce.number().int().min(1).default(30),
  FRESHNESS_ABANDONED_DAYS: z.coerce.number().int().min(1).default(90),
  FRESHNESS_ABANDONED_NUDGES: z.coerce.number().int().min(1).default(3),
  // Issue 10: how cards choose people. teams = Teams' people picker (Microsoft Graph); bot = the bot's own people,
  // with a typed-name fallback, for the Agents Playground, which cannot query Graph.
  PEOPLE_PICKER: z.preprocess(emptyToUndefined, z.enum(['teams', 'bot'], 'PEOPLE_PICKER must be teams or bot').optional()),
  // REG-5: a JSON file with the City's approved notice to users and its links (default: src/config/notice-to-users.json).
  NOTICE_FILE: optionalText,
});

function isCron(expr: string): boolean {
  if (expr === 'off') return true;
  try {
    new Cron(expr, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  /** Local mode: no authentication, bound to loopback, key generated into the data folder. */
  readonly local: boolean;
  readonly port: number;
  readonly host: string;
  readonly bot: {
    readonly appId?: string;
    readonly password?: string;
    readonly tenantId?: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    /** Where the channel's token signing keys are published; Microsoft's public cloud unless set. */
    readonly openIdMetadataUrl?: string;
  };
  readonly teamsAppId?: string;
  readonly botDomain?: string;
  readonly dataDir: string;
  readonly databaseUrl: string;
  /** Apply pending migrations at start (default for SQLite); otherwise refuse to start until `npm run db:migrate`. */
  readonly migrateOnStart: boolean;
  /** Base64 AES-256 key; undefined until resolved by ensureCredentialKey in local mode. */
  readonly credentialKey?: string;
  readonly firstAdmins: readonly string[];
  readonly cityWebDomains: readonly string[];
  /** REG-3: the City is the registrant; a presence's login is on one of these domains (or a bare user name if allowed). */
  readonly cityLogin: { readonly domains: readonly string[]; readonly allowUserNames: boolean };
  /** POST-4: where emergency information is released instead of being posted. */
  readonly emergencyPageUrl: string;
  /** Where the public pages and feeds are read (no trailing slash); undefined: this server's own /public. */
  readonly publicBaseUrl?: string;
  readonly webhooks: {
    /** Lower-case host names exempt from the private-address refusal (SSRF). */
    readonly allowedHosts: readonly string[];
    readonly timeoutMs: number;
  };
  /** REG-5: the City's notice to users and its three links, as approved. */
  readonly notice: NoticeConfig;
  readonly timeZone: string;
  readonly logLevel: string;
  readonly outbox: {
    readonly pollMs: number;
    readonly leaseSeconds: number;
    readonly maxAttempts: number;
    /** Server errors are retried for at least this long before a message is dead-lettered. */
    readonly retryHours: number;
    /** The ceiling for any message, throttled or failing: dead-lettered this long after its first failure. */
    readonly giveUpHours: number;
  };
  readonly shutdownGraceMs: number;
  readonly freshness: {
    /** Cron expression read in timeZone, or 'off' (no scheduled sweep; `npm run sweep` still runs one). */
    readonly sweepCron: string;
    readonly staleDays: number;
    readonly abandonedDays: number;
    readonly abandonedAfterNudges: number;
  };
  /** teams: Teams' people picker (Entra object ids); bot: the bot's own people plus a typed name (the Playground). */
  readonly peoplePicker: 'teams' | 'bot';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Social Steward cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every problem is reported together so one restart fixes them all. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';
  if (production && !e.BOT_ID) {
    problems.push('BOT_ID: required in production; without it anyone could post to /api/messages (authentication off)');
  }
  if (production && !e.CREDENTIAL_KEY) {
    problems.push('CREDENTIAL_KEY: required in production (openssl rand -base64 32); logins are encrypted with it');
  }
  if (e.BOT_ID && e.BOT_APP_TYPE !== 'UserAssignedMSI' && !e.BOT_PASSWORD) {
    problems.push(`BOT_PASSWORD: required when BOT_ID is set and BOT_APP_TYPE is ${e.BOT_APP_TYPE}`);
  }
  if (e.BOT_ID && e.BOT_APP_TYPE !== 'MultiTenant' && !e.BOT_TENANT_ID) {
    problems.push(`BOT_TENANT_ID: required when BOT_APP_TYPE is ${e.BOT_APP_TYPE}`);
  }
  if (production && e.BOT_OPENID_METADATA_URL && !e.BOT_OPENID_METADATA_URL.startsWith('https://')) {
    problems.push('BOT_OPENID_METADATA_URL: must be https in production; the keys that authenticate Teams are fetched from it');
  }
  if (e.OUTBOX_GIVE_UP_HOURS < e.OUTBOX_RETRY_HOURS) {
    problems.push(`OUTBOX_GIVE_UP_HOURS (${e.OUTBOX_GIVE_UP_HOURS}) must be at least OUTBOX_RETRY_HOURS (${e.OUTBOX_RETRY_HOURS})`);
  }
  if (e.FRESHNESS_ABANDONED_DAYS <= e.FRESHNESS_STALE_DAYS) {
    problems.push(`FRESHNESS_ABANDONED_DAYS (${e.FRESHNESS_ABANDONED_DAYS}) must be more than FRESHNESS_STALE_DAYS (${e.FRESHNESS_STALE_DAYS})`);
  }
  const notice = loadNotice(e.NOTICE_FILE);
  if (!notice.ok) problems.push(...notice.problems);
  if (problems.length || !notice.ok) throw new ConfigError(problems);

  const dataDir = e.DATA_DIR.replace(/\/+$/, '');
  const databaseUrl = e.DATABASE_URL ?? `file:${dataDir}/social-steward.db`;
  return Object.freeze({
    env: e.NODE_ENV,
    local: !production,
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    bot: Object.freeze({ appId: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, appType: e.BOT_APP_TYPE, openIdMetadataUrl: e.BOT_OPENID_METADATA_URL }),
    teamsAppId: e.TEAMS_APP_ID,
    botDomain: e.BOT_DOMAIN,
    dataDir,
    databaseUrl,
    // The quick start migrates itself; with PostgreSQL and several processes a deploy step runs db:migrate once.
    migrateOnStart: e.MIGRATE_ON_START ? e.MIGRATE_ON_START === 'true' : dialectOf(databaseUrl) === 'sqlite',
    credentialKey: e.CREDENTIAL_KEY,
    firstAdmins: Object.freeze(e.FIRST_ADMINS),
    cityWebDomains: Object.freeze(e.CITY_WEB_DOMAINS.length ? e.CITY_WEB_DOMAINS : ['cityofmadison.com']),
    cityLogin: Object.freeze({ domains: Object.freeze(e.CITY_LOGIN_DOMAINS.length ? e.CITY_LOGIN_DOMAINS.map((d) => d.toLowerCase()) : ['cityofmadison.com']), allowUserNames: e.CITY_LOGIN_ALLOW_USER_NAMES === 'true' }),
    emergencyPageUrl: e.EMERGENCY_PAGE_URL,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    webhooks: Object.freeze({ allowedHosts: Object.freeze(e.WEBHOOK_ALLOWED_HOSTS.map((h) => h.toLowerCase())), timeoutMs: e.WEBHOOK_TIMEOUT_MS }),
    notice: notice.notice,
    timeZone: e.TIME_ZONE,
    logLevel: e.LOG_LEVEL,
    outbox: Object.freeze({ pollMs: e.OUTBOX_POLL_MS, leaseSeconds: e.OUTBOX_LEASE_SECONDS, maxAttempts: e.OUTBOX_MAX_ATTEMPTS, retryHours: e.OUTBOX_RETRY_HOURS, giveUpHours: e.OUTBOX_GIVE_UP_HOURS }),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    freshness: Object.freeze({ sweepCron: e.FRESHNESS_SWEEP_CRON, staleDays: e.FRESHNESS_STALE_DAYS, abandonedDays: e.FRESHNESS_ABANDONED_DAYS, abandonedAfterNudges: e.FRESHNESS_ABANDONED_NUDGES }),
    // A bot without an app id is the Playground or a test: Graph is out of reach there.
    peoplePicker: e.PEOPLE_PICKER ?? (e.BOT_ID ? 'teams' : 'bot'),
  });
}
