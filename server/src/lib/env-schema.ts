import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';

/** The server package folder, found from this file whether it runs as source or bundled in dist/. */
function serverPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}
const serverRoot = serverPackageRoot();

/**
 * Every environment variable the server reads, parsed and checked once at boot by
 * `plugins/config.ts` (the only place that looks at `process.env`; the rest of the code receives
 * the parsed `Config` as `app.config`).
 * Keep `.env.example` and the README's configuration table in step with this schema.
 */
export const envSchema = Type.Object({
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
  /** An SMTP connection, greeting or reply that takes longer fails the attempt (retried later). */
  SMTP_TIMEOUT_SECONDS: Type.Integer({ minimum: 1, default: 60 }),
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
  // --- limits on mail that people make Eligo send (README "Accounts and security notes") ---
  /** Survey emails an admin sends one applicant (resend, "set email and send") per 24 hours. */
  SURVEY_RESENDS_PER_APPLICANT_PER_DAY: Type.Integer({ minimum: 1, default: 3 }),
  /** Invitations (and re-invitations) an organization sends one address per 24 hours. */
  INVITATIONS_PER_ADDRESS_PER_DAY: Type.Integer({ minimum: 1, default: 3 }),
  /** Every email an organization's admins make Eligo send (invitations, surveys), per hour. */
  ADMIN_MAILS_PER_ORGANIZATION_PER_HOUR: Type.Integer({ minimum: 1, default: 50 }),
  /** Invitations per 24 hours of an organization in its first NEW_ORGANIZATION_DAYS days. */
  NEW_ORGANIZATION_INVITATIONS_PER_DAY: Type.Integer({ minimum: 1, default: 10 }),
  NEW_ORGANIZATION_DAYS: Type.Integer({ minimum: 0, default: 7 }),
  /** With ALLOW_SIGNUP: sign-ups per client address, and per email address, per 24 hours. */
  SIGNUPS_PER_IP_PER_DAY: Type.Integer({ minimum: 1, default: 5 }),
  SIGNUPS_PER_EMAIL_PER_DAY: Type.Integer({ minimum: 1, default: 3 }),
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
  // --- WOTC program (docs/credits.md §2) ---
  /**
   * Last start date the credit covers (IRC §51(c)(4)); default the rule table's. Moving it (an
   * extension by Congress) changes results, Filing and credits when they are next read.
   */
  WOTC_AUTHORIZED_THROUGH: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  // --- durable jobs (docs/jobs.md) ---
  /** How often each instance looks for due jobs (also right after an enqueue or a finished job). */
  JOBS_POLL_INTERVAL_MS: Type.Integer({ minimum: 10, default: 1_000 }),
  /** A running job's lease; renewed every third of it. A dead instance's jobs run again after it. */
  JOBS_LEASE_MS: Type.Integer({ minimum: 100, default: 60_000 }),
  /** On shutdown: how long to wait for running jobs before releasing them. */
  JOBS_DRAIN_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 10_000 }),
  /** Succeeded jobs (and old leases) are cleaned up after this many days. */
  JOBS_RETENTION_DAYS: Type.Integer({ minimum: 1, default: 14 }),
  /** The cap of the retry backoff (full jitter below it); also how often dead work is probed. */
  JOBS_MAX_BACKOFF_SECONDS: Type.Integer({ minimum: 1, default: 900 }),
  /** How long an email is retried while the mail server fails, before it is dead (revivable). */
  MAIL_RETRY_HOURS: Type.Number({ exclusiveMinimum: 0, default: 72 }),
  /** How long Lever work (reading applications, writing tags) is retried while Lever fails. */
  LEVER_RETRY_HOURS: Type.Number({ exclusiveMinimum: 0, default: 72 }),
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
  /**
   * Hosts Lever may redirect an API call to with our token re-attached (comma-separated; `*.` for
   * any subdomain). Default: LEVER_API_URL's host and `*.lever.co`.
   */
  LEVER_API_HOSTS: Type.Optional(Type.String({ minLength: 1 })),
  /** How often each integration looks in Lever for hires a lost webhook missed (the reconcile). */
  LEVER_RECONCILE_HOURS: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 7, default: 6 }),
});

export type Env = Static<typeof envSchema>;
