import path from 'node:path';
import fp from 'fastify-plugin';
import Value from 'typebox/value';
import { programAuthorizedThrough } from '@eligo/shared/wotc/program-rules';
import { envSchema, type Env } from '../lib/env-schema.ts';
import { canonicalHost, hostRules, type HostRules } from '../lib/http/hosts.ts';

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string;
  /** The Host names answered and the Origins trusted (lib/http/hosts.ts). */
  hosts: HostRules;
  logLevel: Env['LOG_LEVEL'];
  mongodbUri: string;
  mongo: { poolSize: number; serverSelectionTimeoutMs: number };
  http: { requestTimeoutMs: number; keepAliveTimeoutMs: number; shutdownGraceMs: number };
  encryptionKey: Buffer;
  /** ENCRYPTION_KEY_PREVIOUS: the key being rotated away from, null outside a rotation. */
  previousEncryptionKey: Buffer | null;
  webDistDir: string;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How long an SMTP connection, greeting or reply may take before the attempt fails. */
  smtpTimeoutMs: number;
  devMailbox: boolean;
  allowSignup: boolean;
  session: { idleMs: number; maxMs: number; cookieName: string; secureCookie: boolean };
  invitationTtlMs: number;
  loginLimits: { perEmail: number; perIp: number; windowMs: number };
  /** Mail people make Eligo send, per 24 hours (`DAY_MS`) or per hour (lib/limits/mail-limits.ts). */
  mailLimits: {
    resendsPerApplicantPerDay: number;
    invitationsPerAddressPerDay: number;
    perOrganizationPerHour: number;
    newOrganization: { invitationsPerDay: number; days: number };
    signupsPerIpPerDay: number;
    signupsPerEmailPerDay: number;
  };
  surveyLinkTtlMs: number;
  surveyRateLimits: { perMinute: number; submitPerMinute: number };
  surveyReminders: { afterMs: number[]; sweepIntervalMs: number };
  surveyReuseWindowMs: number;
  /** WOTC_AUTHORIZED_THROUGH, else the rule table's end: every credit and result reads it. */
  wotcAuthorizedThrough: string;
  jobs: {
    pollIntervalMs: number;
    leaseMs: number;
    drainTimeoutMs: number;
    retentionMs: number;
    maxBackoffMs: number;
  };
  /** How long mail and Lever work retries before it is dead (and revivable): docs/jobs.md. */
  retryBudgets: { mailMs: number; leverMs: number };
  /** Null when the LEVER_* settings are absent: the Integrations screen says how to set them. */
  lever: LeverConfig | null;
  leverSettings: LeverSettings;
}

export interface LeverConfig {
  authUrl: string;
  apiUrl: string;
  webUrl: string;
  audience: string;
  clientId: string;
  clientSecret: string;
  /**
   * Host patterns (`api.lever.co`, `*.lever.co`) an API call may be redirected to with the token
   * re-attached (lever-api.md §2.9); any other host gets the request without it.
   */
  apiHosts: string[];
}

export interface LeverSettings {
  webhookMaxAgeMs: number;
  webhookRateLimitPerMinute: number;
  apiRequestsPerSecond: number;
  apiBurst: number;
  idleRefreshMs: number;
  healthCheckIntervalMs: number;
  reconcileIntervalMs: number;
}

const LEVER_KEYS = [
  'LEVER_AUTH_URL',
  'LEVER_API_URL',
  'LEVER_WEB_URL',
  'LEVER_AUDIENCE',
  'LEVER_CLIENT_ID',
  'LEVER_CLIENT_SECRET',
] as const;

/** All six LEVER_* settings or none; a partial set is a mistake worth refusing to boot for. */
function leverConfig(env: Env): LeverConfig | null {
  const missing = LEVER_KEYS.filter((key) => env[key] === undefined);
  if (missing.length === LEVER_KEYS.length) return null;
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map(
        (key) => `${key} is required when any LEVER_* setting is set (set all six or none)`,
      ),
    );
  }
  const trim = (url: string) => url.replace(/\/+$/, '');
  return {
    authUrl: trim(env.LEVER_AUTH_URL!),
    apiUrl: trim(env.LEVER_API_URL!),
    webUrl: trim(env.LEVER_WEB_URL!),
    // Lever's audience keeps its trailing slash (lever-api.md §1.10: without it, no API scopes).
    audience: env.LEVER_AUDIENCE!,
    clientId: env.LEVER_CLIENT_ID!,
    clientSecret: env.LEVER_CLIENT_SECRET!,
    apiHosts: env.LEVER_API_HOSTS
      ? env.LEVER_API_HOSTS.split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean)
      : [new URL(env.LEVER_API_URL!).hostname, '*.lever.co'],
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const REQUIRED_SECRETS = ['MONGODB_URI', 'ENCRYPTION_KEY'] as const;

/** Parses and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(envSchema.properties)) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const problems: string[] = [];
  for (const key of REQUIRED_SECRETS) {
    if (raw[key] === undefined) problems.push(`${key} is required but not set`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const converted = Value.Convert(envSchema, Value.Default(envSchema, raw));
  for (const error of Value.Errors(envSchema, converted)) {
    const name = error.instancePath.replace(/^\//, '') || '(environment)';
    problems.push(`${name}: ${error.message}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const env = converted as Env;
  if (env.SHUTDOWN_GRACE_MS <= env.JOBS_DRAIN_TIMEOUT_MS) {
    throw new ConfigError([
      `SHUTDOWN_GRACE_MS (${env.SHUTDOWN_GRACE_MS}) must be larger than JOBS_DRAIN_TIMEOUT_MS ` +
        `(${env.JOBS_DRAIN_TIMEOUT_MS}), so running jobs are released before the process stops`,
    ]);
  }

  const encryptionKey = Buffer.from(env.ENCRYPTION_KEY, 'base64');
  if (encryptionKey.length !== 32) {
    throw new ConfigError(['ENCRYPTION_KEY must be the base64 encoding of exactly 32 bytes']);
  }
  const previousEncryptionKey = env.ENCRYPTION_KEY_PREVIOUS
    ? Buffer.from(env.ENCRYPTION_KEY_PREVIOUS, 'base64')
    : null;
  if (previousEncryptionKey && previousEncryptionKey.length !== 32) {
    throw new ConfigError([
      'ENCRYPTION_KEY_PREVIOUS must be the base64 encoding of exactly 32 bytes',
    ]);
  }
  if (previousEncryptionKey?.equals(encryptionKey)) {
    throw new ConfigError([
      'ENCRYPTION_KEY_PREVIOUS is the same key as ENCRYPTION_KEY: set it to the key being replaced',
    ]);
  }
  let wotcAuthorizedThrough: string;
  try {
    wotcAuthorizedThrough = programAuthorizedThrough(env.WOTC_AUTHORIZED_THROUGH);
  } catch (error) {
    throw new ConfigError([`WOTC_AUTHORIZED_THROUGH: ${(error as Error).message}`]);
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  const extraHosts = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean);
  const badHosts = extraHosts.filter((host) => canonicalHost(host) === null);
  if (badHosts.length > 0) {
    throw new ConfigError([`ALLOWED_HOSTS: not a host[:port]: ${badHosts.join(', ')}`]);
  }
  // `__Host-` cookies must be Secure, which browsers only keep over HTTPS.
  const secureCookie = publicUrl.startsWith('https://');
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    hosts: hostRules({
      publicUrl,
      port: env.PORT,
      development: env.NODE_ENV === 'development',
      extraHosts,
    }),
    logLevel: env.LOG_LEVEL,
    mongodbUri: env.MONGODB_URI,
    mongo: {
      poolSize: env.MONGODB_POOL_SIZE,
      serverSelectionTimeoutMs: env.MONGODB_SERVER_SELECTION_TIMEOUT_MS,
    },
    http: {
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    },
    encryptionKey,
    previousEncryptionKey,
    webDistDir: path.resolve(env.WEB_DIST_DIR),
    trustProxy: env.TRUST_PROXY,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    smtpTimeoutMs: env.SMTP_TIMEOUT_SECONDS * 1000,
    devMailbox: env.DEV_MAILBOX && !env.SMTP_URL,
    allowSignup: env.ALLOW_SIGNUP,
    session: {
      idleMs: env.SESSION_IDLE_MINUTES * 60_000,
      maxMs: env.SESSION_MAX_HOURS * 3_600_000,
      cookieName: secureCookie ? '__Host-eligo_session' : 'eligo_session',
      secureCookie,
    },
    invitationTtlMs: env.INVITATION_TTL_HOURS * 3_600_000,
    loginLimits: {
      perEmail: env.LOGIN_MAX_ATTEMPTS_PER_EMAIL,
      perIp: env.LOGIN_MAX_ATTEMPTS_PER_IP,
      windowMs: 15 * 60_000,
    },
    mailLimits: {
      resendsPerApplicantPerDay: env.SURVEY_RESENDS_PER_APPLICANT_PER_DAY,
      invitationsPerAddressPerDay: env.INVITATIONS_PER_ADDRESS_PER_DAY,
      perOrganizationPerHour: env.ADMIN_MAILS_PER_ORGANIZATION_PER_HOUR,
      newOrganization: {
        invitationsPerDay: env.NEW_ORGANIZATION_INVITATIONS_PER_DAY,
        days: env.NEW_ORGANIZATION_DAYS,
      },
      signupsPerIpPerDay: env.SIGNUPS_PER_IP_PER_DAY,
      signupsPerEmailPerDay: env.SIGNUPS_PER_EMAIL_PER_DAY,
    },
    surveyLinkTtlMs: env.SURVEY_LINK_TTL_DAYS * 86_400_000,
    surveyRateLimits: {
      perMinute: env.SURVEY_RATE_LIMIT_PER_MINUTE,
      submitPerMinute: env.SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE,
    },
    surveyReminders: {
      afterMs: [
        ...new Set(
          env.SURVEY_REMINDER_HOURS.split(',')
            .map((h) => h.trim())
            .filter((h) => h !== 'off')
            .map((h) => Number(h) * 3_600_000),
        ),
      ].sort((a, b) => a - b),
      sweepIntervalMs: env.SURVEY_REMINDER_SWEEP_SECONDS * 1000,
    },
    surveyReuseWindowMs: env.SURVEY_REUSE_DAYS * 86_400_000,
    wotcAuthorizedThrough,
    jobs: {
      pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
      leaseMs: env.JOBS_LEASE_MS,
      drainTimeoutMs: env.JOBS_DRAIN_TIMEOUT_MS,
      retentionMs: env.JOBS_RETENTION_DAYS * 86_400_000,
      maxBackoffMs: env.JOBS_MAX_BACKOFF_SECONDS * 1000,
    },
    retryBudgets: {
      mailMs: Math.round(env.MAIL_RETRY_HOURS * 3_600_000),
      leverMs: Math.round(env.LEVER_RETRY_HOURS * 3_600_000),
    },
    lever: leverConfig(env),
    leverSettings: {
      webhookMaxAgeMs: env.LEVER_WEBHOOK_MAX_AGE_HOURS * 3_600_000,
      webhookRateLimitPerMinute: env.LEVER_WEBHOOK_RATE_LIMIT_PER_MINUTE,
      apiRequestsPerSecond: env.LEVER_API_REQUESTS_PER_SECOND,
      apiBurst: env.LEVER_API_BURST,
      idleRefreshMs: env.LEVER_IDLE_REFRESH_DAYS * 86_400_000,
      healthCheckIntervalMs: env.LEVER_HEALTH_CHECK_MINUTES * 60_000,
      reconcileIntervalMs: Math.round(env.LEVER_RECONCILE_HOURS * 3_600_000),
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

/** Decorates the already-parsed config as `app.config`. */
export default fp<{ config: Config }>(
  async (app, opts) => {
    app.decorate('config', opts.config);
  },
  { name: 'config' },
);
