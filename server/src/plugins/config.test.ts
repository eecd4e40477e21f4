import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const key = Buffer.alloc(32, 7).toString('base64');
const valid = { MONGODB_URI: 'mongodb://127.0.0.1:27017/eligo', ENCRYPTION_KEY: key };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  test('applies defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ env: 'development', port: 3000, host: '127.0.0.1' });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.encryptionKey.length).toBe(32);
  });

  test('job settings: defaults, overrides, and a clear error for a bad value', () => {
    expect(loadConfig(valid).jobs).toEqual({
      pollIntervalMs: 1_000,
      leaseMs: 60_000,
      drainTimeoutMs: 10_000,
      retentionMs: 14 * 86_400_000,
      // Retries back off up to 15 minutes (JOBS_MAX_BACKOFF_SECONDS).
      maxBackoffMs: 15 * 60_000,
    });
    expect(loadConfig({ ...valid, JOBS_LEASE_MS: '5000' }).jobs.leaseMs).toBe(5_000);
    expect(problemsOf({ ...valid, JOBS_POLL_INTERVAL_MS: 'often' })).toEqual([
      expect.stringContaining('JOBS_POLL_INTERVAL_MS'),
    ]);
  });

  test('WOTC_AUTHORIZED_THROUGH: the rule table by default, moved either way, a bad date refused', () => {
    expect(loadConfig(valid).wotcAuthorizedThrough).toBe('2025-12-31');
    expect(
      loadConfig({ ...valid, WOTC_AUTHORIZED_THROUGH: '2030-12-31' }).wotcAuthorizedThrough,
    ).toBe('2030-12-31');
    expect(
      loadConfig({ ...valid, WOTC_AUTHORIZED_THROUGH: '2024-06-30' }).wotcAuthorizedThrough,
    ).toBe('2024-06-30');
    expect(problemsOf({ ...valid, WOTC_AUTHORIZED_THROUGH: '2026-02-30' })).toEqual([
      expect.stringContaining('WOTC_AUTHORIZED_THROUGH'),
    ]);
    expect(problemsOf({ ...valid, WOTC_AUTHORIZED_THROUGH: '12/31/2030' })).toEqual([
      expect.stringContaining('WOTC_AUTHORIZED_THROUGH'),
    ]);
  });

  test('PORT changes the port and the default public URL', () => {
    const config = loadConfig({ ...valid, PORT: '4321' });
    expect(config.port).toBe(4321);
    expect(config.publicUrl).toBe('http://localhost:4321');
  });

  test('session cookies are __Host- and Secure only behind HTTPS', () => {
    expect(loadConfig(valid).session).toMatchObject({
      cookieName: 'eligo_session',
      secureCookie: false,
    });
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://eligo.example.com' }).session).toMatchObject(
      {
        cookieName: '__Host-eligo_session',
        secureCookie: true,
      },
    );
  });

  test('ALLOWED_HOSTS adds host names; a value that is not a host is refused, named', () => {
    const config = loadConfig({
      ...valid,
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://eligo.example.com',
      ALLOWED_HOSTS: 'eligo-internal:8443, other.example.com',
    });
    expect([...config.hosts.allowedHosts].sort()).toEqual([
      'eligo-internal:8443',
      'eligo.example.com',
      'other.example.com',
    ]);
    expect(problemsOf({ ...valid, ALLOWED_HOSTS: 'ok.example.com,https://bad/' })).toEqual([
      'ALLOWED_HOSTS: not a host[:port]: https://bad/',
    ]);
  });

  test('mail goes to the outbox unless SMTP_URL is set', () => {
    expect(loadConfig(valid).smtpUrl).toBeUndefined();
    expect(loadConfig({ ...valid, SMTP_URL: 'smtp://127.0.0.1:2525' }).smtpUrl).toBe(
      'smtp://127.0.0.1:2525',
    );
  });

  test('survey links last 30 days by default; SURVEY_LINK_TTL_DAYS and the survey rate limits are settable', () => {
    expect(loadConfig(valid).surveyLinkTtlMs).toBe(30 * 86_400_000);
    expect(loadConfig(valid).surveyRateLimits).toEqual({ perMinute: 60, submitPerMinute: 10 });
    const config = loadConfig({
      ...valid,
      SURVEY_LINK_TTL_DAYS: '7',
      SURVEY_RATE_LIMIT_PER_MINUTE: '5',
      SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '2',
    });
    expect(config.surveyLinkTtlMs).toBe(7 * 86_400_000);
    expect(config.surveyRateLimits).toEqual({ perMinute: 5, submitPerMinute: 2 });
    expect(problemsOf({ ...valid, SURVEY_LINK_TTL_DAYS: '0' })).toHaveLength(1);
  });

  test('ENCRYPTION_KEY_PREVIOUS: absent by default, another 32-byte key during a rotation', () => {
    expect(loadConfig(valid).previousEncryptionKey).toBeNull();
    const previous = Buffer.alloc(32, 9);
    const rotating = loadConfig({ ...valid, ENCRYPTION_KEY_PREVIOUS: previous.toString('base64') });
    expect(rotating.previousEncryptionKey?.equals(previous)).toBe(true);
    expect(problemsOf({ ...valid, ENCRYPTION_KEY_PREVIOUS: 'c2hvcnQ=' })).toEqual([
      'ENCRYPTION_KEY_PREVIOUS must be the base64 encoding of exactly 32 bytes',
    ]);
    expect(problemsOf({ ...valid, ENCRYPTION_KEY_PREVIOUS: key })).toEqual([
      expect.stringContaining('ENCRYPTION_KEY_PREVIOUS is the same key as ENCRYPTION_KEY'),
    ]);
  });

  test('deployment settings: pool, timeouts and shutdown grace, which must outlast the job drain', () => {
    expect(loadConfig(valid)).toMatchObject({
      mongo: { poolSize: 100, serverSelectionTimeoutMs: 5_000 },
      http: { requestTimeoutMs: 30_000, keepAliveTimeoutMs: 72_000, shutdownGraceMs: 20_000 },
    });
    const tuned = loadConfig({
      ...valid,
      MONGODB_POOL_SIZE: '20',
      MONGODB_SERVER_SELECTION_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '10000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000',
      SHUTDOWN_GRACE_MS: '30000',
    });
    expect(tuned.mongo).toEqual({ poolSize: 20, serverSelectionTimeoutMs: 2_000 });
    expect(tuned.http).toEqual({
      requestTimeoutMs: 10_000,
      keepAliveTimeoutMs: 65_000,
      shutdownGraceMs: 30_000,
    });
    expect(problemsOf({ ...valid, MONGODB_POOL_SIZE: '0' })).toEqual([
      expect.stringContaining('MONGODB_POOL_SIZE'),
    ]);
    expect(problemsOf({ ...valid, SHUTDOWN_GRACE_MS: '10000' })).toEqual([
      expect.stringContaining(
        'SHUTDOWN_GRACE_MS (10000) must be larger than JOBS_DRAIN_TIMEOUT_MS (10000)',
      ),
    ]);
  });

  test('PUBLIC_URL loses its trailing slash', () => {
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://eligo.example.com/' }).publicUrl).toBe(
      'https://eligo.example.com',
    );
  });

  test.each(['MONGODB_URI', 'ENCRYPTION_KEY'])('refuses to start without %s, naming it', (name) => {
    expect(problemsOf({ ...valid, [name]: undefined })).toEqual([
      `${name} is required but not set`,
    ]);
    expect(problemsOf({ ...valid, [name]: '' })).toEqual([`${name} is required but not set`]);
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ PUBLIC_URL: 'eligo.example.com' }, 'PUBLIC_URL'],
    [{ ENCRYPTION_KEY: 'c2hvcnQ=' }, 'ENCRYPTION_KEY'],
    [{ SMTP_URL: 'mail.example.com' }, 'SMTP_URL'],
    [{ ALLOW_SIGNUP: 'maybe' }, 'ALLOW_SIGNUP'],
  ])('rejects %o naming %s', (override, name) => {
    const problems = problemsOf({ ...valid, ...override });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(name);
  });

  test('survey reminders at 24 and 72 hours and a 60-day reuse window by default; all settable', () => {
    expect(loadConfig(valid).surveyReminders).toEqual({
      afterMs: [24 * 3_600_000, 72 * 3_600_000],
      sweepIntervalMs: 60_000,
    });
    expect(loadConfig(valid).surveyReuseWindowMs).toBe(60 * 86_400_000);
    const config = loadConfig({
      ...valid,
      SURVEY_REMINDER_HOURS: ' 48 , 12,48',
      SURVEY_REMINDER_SWEEP_SECONDS: '30',
      SURVEY_REUSE_DAYS: '0',
    });
    expect(config.surveyReminders).toEqual({
      afterMs: [12 * 3_600_000, 48 * 3_600_000],
      sweepIntervalMs: 30_000,
    });
    expect(config.surveyReuseWindowMs).toBe(0);
    expect(loadConfig({ ...valid, SURVEY_REMINDER_HOURS: 'off' }).surveyReminders.afterMs).toEqual(
      [],
    );
  });

  test.each([
    ['SURVEY_REMINDER_HOURS', '24;72'],
    ['SURVEY_REMINDER_HOURS', '0'],
    ['SURVEY_REMINDER_HOURS', 'soon'],
    ['SURVEY_REMINDER_SWEEP_SECONDS', '1'],
    ['SURVEY_REUSE_DAYS', '-1'],
  ])('%s=%s is refused, naming the variable', (name, value) => {
    expect(problemsOf({ ...valid, [name]: value }).join('\n')).toContain(name);
  });

  describe('Lever settings', () => {
    const lever = {
      LEVER_AUTH_URL: 'https://auth.lever.co/',
      LEVER_API_URL: 'https://api.lever.co/v1',
      LEVER_WEB_URL: 'https://hire.lever.co',
      LEVER_AUDIENCE: 'https://api.lever.co/v1/',
      LEVER_CLIENT_ID: 'client',
      LEVER_CLIENT_SECRET: 'secret',
    };

    test('without any LEVER_* setting Lever is simply not configured', () => {
      expect(loadConfig(valid).lever).toBeNull();
    });

    test('all six configure Lever; URLs lose trailing slashes, the audience keeps its own', () => {
      expect(loadConfig({ ...valid, ...lever }).lever).toEqual({
        authUrl: 'https://auth.lever.co',
        apiUrl: 'https://api.lever.co/v1',
        webUrl: 'https://hire.lever.co',
        audience: 'https://api.lever.co/v1/',
        clientId: 'client',
        clientSecret: 'secret',
        apiHosts: ['api.lever.co', '*.lever.co'],
      });
      expect(
        loadConfig({ ...valid, ...lever, LEVER_API_HOSTS: ' API.eu.lever.co, localhost ' }).lever
          ?.apiHosts,
      ).toEqual(['api.eu.lever.co', 'localhost']);
    });

    test('a partial set refuses to boot, naming each missing setting', () => {
      const problems = problemsOf({
        ...valid,
        ...lever,
        LEVER_CLIENT_SECRET: undefined,
        LEVER_AUDIENCE: '',
      });
      expect(problems).toHaveLength(2);
      expect(problems.join('\n')).toContain('LEVER_CLIENT_SECRET');
      expect(problems.join('\n')).toContain('LEVER_AUDIENCE');
    });

    test("webhook and API budget defaults; the budget cannot exceed Lever's 10 requests/s", () => {
      expect(loadConfig(valid).leverSettings).toEqual({
        webhookMaxAgeMs: 72 * 3_600_000,
        webhookRateLimitPerMinute: 600,
        apiRequestsPerSecond: 8,
        apiBurst: 10,
        idleRefreshMs: 30 * 86_400_000,
        healthCheckIntervalMs: 15 * 60_000,
        reconcileIntervalMs: 6 * 3_600_000,
      });
      expect(
        loadConfig({ ...valid, LEVER_RECONCILE_HOURS: '0.5' }).leverSettings.reconcileIntervalMs,
      ).toBe(30 * 60_000);
      expect(problemsOf({ ...valid, LEVER_RECONCILE_HOURS: '0' }).join()).toContain(
        'LEVER_RECONCILE_HOURS',
      );
      expect(problemsOf({ ...valid, LEVER_API_REQUESTS_PER_SECOND: '11' }).join()).toContain(
        'LEVER_API_REQUESTS_PER_SECOND',
      );
    });
  });
});
