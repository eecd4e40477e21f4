import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import { Type, type Static } from 'typebox';
import Value from 'typebox/value';
import { canonicalHost, hostRules, type HostRules } from '../lib/http/hosts.ts';

/** The server package folder, found from this file whether it runs as source or bundled in dist/. */
function serverPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}
const serverRoot = serverPackageRoot();

/**
 * Every environment variable the server reads. This is the only place that looks at
 * `process.env`; the rest of the code receives the parsed `Config` (as `app.config`).
 * Keep `.env.example` and the README's configuration table in step with this schema.
 */
const envSchema = Type.Object({
  NODE_ENV: Type.Union(
    [Type.Literal('development'), Type.Literal('production'), Type.Literal('test')],
    {
      default: 'development',
    },
  ),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** More `host[:port]` names the server answers besides PUBLIC_URL's, comma-separated. */
  ALLOWED_HOSTS: Type.Optional(Type.String()),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  MONGODB_URI: Type.String({ pattern: '^mongodb(\\+srv)?://' }),
  /** Most connections each instance opens to the database (the driver's maxPoolSize). */
  MONGODB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  /** How long a query waits for a reachable server before failing (the API then answers 503). */
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 5_000 }),
  // --- HTTP server and shutdown (README "Deploy") ---
  /** Longest time a request may take to arrive and be answered before the socket is closed (408). */
  HTTP_REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 1_000, default: 30_000 }),
  /** Idle keep-alive connections stay open this long; keep it above the load balancer's idle timeout. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: Type.Integer({ minimum: 1_000, default: 72_000 }),
  /** On SIGTERM/SIGINT: the most the graceful close may take (requests, job drain, database) before exit 1. */
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 1_000, default: 20_000 }),
  /** Base64 of 32 random bytes: the key-encryption key for secrets and PII at rest. */
  ENCRYPTION_KEY: Type.String({ minLength: 1 }),
  /**
   * During a key rotation only: the key ENCRYPTION_KEY replaces. Data keys wrapped by either are
   * read; the rotation command re-wraps them all under ENCRYPTION_KEY (README "Rotating ENCRYPTION_KEY").
   */
  ENCRYPTION_KEY_PREVIOUS: Type.Optional(Type.String({ minLength: 1 })),
  WEB_DIST_DIR: Type.String({ default: path.join(serverRoot, '../web/dist') }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  /** e.g. smtp://user:pass@smtp.example.com:587 — without it, mail stays in the outbox (dev mailbox). */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'Eligo <no-reply@eligo.local>' }),
  /**
   * Local use only: shows every outbox mail, of every organization, at /dev/mailbox. Off unless
   * set to true (the launcher sets it for `pnpm dev` only).
   */
  DEV_MAILBOX: Type.Boolean({ default: false }),
  /** Sign-up is open only until the first organization exists, unless this is true. */
  ALLOW_SIGNUP: Type.Boolean({ default: false }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, default: 120 }),
  SESSION_MAX_HOURS: Type.Integer({ minimum: 1, default: 12 }),
  INVITATION_TTL_HOURS: Type.Integer({ minimum: 1, default: 72 }),
  LOGIN_MAX_ATTEMPTS_PER_EMAIL: Type.Integer({ minimum: 1, default: 10 }),
  LOGIN_MAX_ATTEMPTS_PER_IP: Type.Integer({ minimum: 1, default: 50 }),
  /** How long an emailed survey link works; re-sending issues a new link and revokes the old one. */
  SURVEY_LINK_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  /** Per client IP and minute: opening and saving the survey. */
  SURVEY_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 60 }),
  /** Per client IP and minute: submitting or declining the survey. */
  SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 10 }),
  /** Hours after the survey email at which reminders go out, comma-separated; `off` for none. */
  SURVEY_REMINDER_HOURS: Type.String({
    pattern: '^\\s*(off|[1-9]\\d{0,3}\\s*(,\\s*[1-9]\\d{0,3}\\s*)*)$',
    default: '24,72',
  }),
  /** How often each API instance looks for reminders that are due. */
  SURVEY_REMINDER_SWEEP_SECONDS: Type.Integer({ minimum: 5, default: 60 }),
  /** The same person applying again within this many days reuses their survey (0: never). */
  SURVEY_REUSE_DAYS: Type.Integer({ minimum: 0, maximum: 3650, default: 60 }),
  // --- durable jobs (docs/jobs.md) ---
  /** How often each instance looks for due jobs (also right after an enqueue or a finished job). */
  JOBS_POLL_INTERVAL_MS: Type.Integer({ minimum: 10, default: 1_000 }),
  /** A running job's lease; renewed every third of it. A dead instance's jobs run again after it. */
  JOBS_LEASE_MS: Type.Integer({ minimum: 100, default: 60_000 }),
  /** On shutdown: how long to wait for running jobs before releasing them. */
  JOBS_DRAIN_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 10_000 }),
  /** Succeeded jobs (and old leases) are cleaned up after this many days. */
  JOBS_RETENTION_DAYS: Type.Integer({ minimum: 1, default: 14 }),
  /** Lever (all six or none): OAuth host, Data API, web app, token audience, the app's credentials. */
  LEVER_AUTH_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  LEVER_API_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  LEVER_WEB_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  LEVER_AUDIENCE: Type.Optional(Type.String({ pattern: '^https?://' })),
  LEVER_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  LEVER_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  /** Webhook deliveries whose `triggeredAt` is older than this are refused (replay window). */
  LEVER_WEBHOOK_MAX_AGE_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 14, default: 72 }),
  /** Webhook requests per integration and minute, per API instance (then 429; Lever retries). */
  LEVER_WEBHOOK_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600 }),
  /** Our budget per Lever account, all instances together (Lever allows 10/s, bursts of 20). */
  LEVER_API_REQUESTS_PER_SECOND: Type.Integer({ minimum: 1, maximum: 10, default: 8 }),
  LEVER_API_BURST: Type.Integer({ minimum: 0, maximum: 10, default: 10 }),
  /** Refresh the Lever grant at least this often even when idle (Lever drops it after 90 idle days). */
  LEVER_IDLE_REFRESH_DAYS: Type.Integer({ minimum: 1, maximum: 80, default: 30 }),
  /** How often every integration's webhook is looked for in Lever. */
  LEVER_HEALTH_CHECK_MINUTES: Type.Integer({ minimum: 1, default: 15 }),
});

export type Env = Static<typeof envSchema>;

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
  devMailbox: boolean;
  allowSignup: boolean;
  session: { idleMs: number; maxMs: number; cookieName: string; secureCookie: boolean };
  invitationTtlMs: number;
  loginLimits: { perEmail: number; perIp: number; windowMs: number };
  surveyLinkTtlMs: number;
  surveyRateLimits: { perMinute: number; submitPerMinute: number };
  surveyReminders: { afterMs: number[]; sweepIntervalMs: number };
  surveyReuseWindowMs: number;
  jobs: { pollIntervalMs: number; leaseMs: number; drainTimeoutMs: number; retentionMs: number };
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
}

export interface LeverSettings {
  webhookMaxAgeMs: number;
  webhookRateLimitPerMinute: number;
  apiRequestsPerSecond: number;
  apiBurst: number;
  idleRefreshMs: number;
  healthCheckIntervalMs: number;
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
    jobs: {
      pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
      leaseMs: env.JOBS_LEASE_MS,
      drainTimeoutMs: env.JOBS_DRAIN_TIMEOUT_MS,
      retentionMs: env.JOBS_RETENTION_DAYS * 86_400_000,
    },
    lever: leverConfig(env),
    leverSettings: {
      webhookMaxAgeMs: env.LEVER_WEBHOOK_MAX_AGE_HOURS * 3_600_000,
      webhookRateLimitPerMinute: env.LEVER_WEBHOOK_RATE_LIMIT_PER_MINUTE,
      apiRequestsPerSecond: env.LEVER_API_REQUESTS_PER_SECOND,
      apiBurst: env.LEVER_API_BURST,
      idleRefreshMs: env.LEVER_IDLE_REFRESH_DAYS * 86_400_000,
      healthCheckIntervalMs: env.LEVER_HEALTH_CHECK_MINUTES * 60_000,
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
