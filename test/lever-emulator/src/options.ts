/**
 * Options of one emulator instance. Everything a test may want to vary is here; `switches` are the
 * behaviours docs/lever-api.md §6 lists as unconfirmed, each defaulting to the most likely reality.
 */
export interface OAuthClientOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Shown on the consent page and under Authorized Apps. */
  name: string;
}

export interface Switches {
  /** After "Revoke access": `immediate` → API answers 401 at once; `at-expiry` → token works until `exp`. */
  revokedAccessTokens: 'immediate' | 'at-expiry';
  /** HTTP status of `invalid_grant` from /oauth/token (Auth0 answers 403; plain OAuth 400). */
  invalidGrantStatus: 400 | 403;
  /** Re-using a rotated refresh token also revokes every refresh token of that family (Auth0). */
  refreshReuseRevokesFamily: boolean;
  /** Revoking an app also deletes the webhooks it created through the API. */
  revokeDeletesAppWebhooks: boolean;
  /** `error_description` on the redirect when a non-Super-Admin accepts the consent. */
  nonSuperAdminErrorDescription: string;
  /** Authorization code lifetime in seconds. */
  authorizationCodeTtlSeconds: number;
  /** Event groups start enabled (Lever: off until a Super Admin switches them on). */
  eventGroupsEnabledByDefault: boolean;
  /** Deliveries carry `data.candidateId` (deprecated alias of opportunityId). */
  includeCandidateId: boolean;
  /** Deliveries carry a top-level `id` ("Event UID" in Lever's table, absent from its examples). */
  includeEventId: boolean;
  /** Retries re-send the same `token` (`same`) or a fresh one (`fresh`). */
  retryToken: 'same' | 'fresh';
  /** A manual Rerun sends a fresh `token` (`fresh`) or the original one (`same`). */
  rerunToken: 'same' | 'fresh';
  /** Every event is delivered twice (at-least-once delivery knob). */
  duplicateDeliveries: boolean;
  /** Create-webhook response nesting: `single` ({data:{…}}) as real integrations read it, or `double` as in the docs. */
  createWebhookResponse: 'single' | 'double';
  /** Create-webhook response echoes `configuration.conditions` next to `signatureToken`. */
  createWebhookEchoesConditions: boolean;
  /** `GET /v1/webhooks` shows every webhook of the account, or only those the calling app created. */
  webhookListScope: 'account' | 'client';
  /** `DELETE /v1/webhooks/{id}` on a UI-created webhook: refused with 403, or allowed. */
  apiMayDeleteUiWebhooks: boolean;
  /** The settings UI may delete webhooks created through the API. */
  uiMayDeleteApiWebhooks: boolean;
  /** `PUT /v1/webhooks` may change a webhook's `event`. */
  updateMayChangeEvent: boolean;
  /** `Retry-After` header (seconds) on 429 answers; null = no header. */
  retryAfterSeconds: number | null;
  /** `expand=applications` additionally needs `applications:read:admin`. */
  expandApplicationsNeedsScope: boolean;
  /** The "Regenerate token" button is offered for UI-created webhooks. */
  uiCanRegenerateToken: boolean;
  /** Scopes left out of every grant although requested (models a narrower consent). */
  withheldScopes: string[];
  /**
   * `data` of applicationCreated: `opportunityId` → `{applicationId, contactId, opportunityId}`;
   * `candidateIdOnly` → `{candidateId}` (Lever's older name for the opportunity id, nothing else).
   */
  applicationCreatedData: 'opportunityId' | 'candidateIdOnly';
  /** Lever enables the Webhooks Subscription API per partner app; `disabled` → POST /webhooks is 403. */
  webhooksApi: 'enabled' | 'disabled';
  /** A second webhook with the same URL and event: accepted, or refused with 409. */
  duplicateWebhookUrls: 'allow' | 'reject';
  /** The token response carries `scope` (as documented), or leaves it out (the JWT still has it). */
  tokenResponseScope: 'present' | 'omitted';
  /** `GET /v1/webhooks` pages with `hasNext`/`next` at this size; null = one unpaged list. */
  webhookListPageSize: number | null;
  /** Every /v1 call answers 307 to the same path on the emulator's other host name (a region). */
  regionRedirect: boolean;
  /**
   * `GET /archive_reasons?type=hired`: `list` → `data` is an array (Lever's reference); `object` →
   * `data` is the one hired reason, as Lever's own example for that query shows.
   */
  hiredArchiveReasonShape: 'list' | 'object';
}

export const defaultSwitches: Switches = {
  revokedAccessTokens: 'immediate',
  invalidGrantStatus: 403,
  refreshReuseRevokesFamily: true,
  revokeDeletesAppWebhooks: false,
  nonSuperAdminErrorDescription: 'only_super_admins_can_authorize_integrations',
  authorizationCodeTtlSeconds: 600,
  eventGroupsEnabledByDefault: false,
  includeCandidateId: false,
  includeEventId: false,
  retryToken: 'same',
  rerunToken: 'fresh',
  duplicateDeliveries: false,
  createWebhookResponse: 'single',
  createWebhookEchoesConditions: false,
  webhookListScope: 'account',
  apiMayDeleteUiWebhooks: false,
  uiMayDeleteApiWebhooks: false,
  updateMayChangeEvent: false,
  retryAfterSeconds: null,
  expandApplicationsNeedsScope: false,
  uiCanRegenerateToken: true,
  withheldScopes: [],
  applicationCreatedData: 'opportunityId',
  webhooksApi: 'enabled',
  duplicateWebhookUrls: 'allow',
  tokenResponseScope: 'present',
  webhookListPageSize: null,
  regionRedirect: false,
  hiredArchiveReasonShape: 'list',
};

export interface EmulatorOptions {
  /** Public URL the emulator is reached at, e.g. `http://127.0.0.1:4010`. Defaults to the listen address. */
  baseUrl?: string;
  /** `aud` the API accepts and the authorize endpoint expects; default `<baseUrl>/v1/`. */
  audience?: string;
  /** `production` or `sandbox`: picks the signing key id and the hire.* host used in `urls`. */
  environment?: 'production' | 'sandbox';
  client?: Partial<OAuthClientOptions>;
  switches?: Partial<Switches>;
  /** Access token lifetime in seconds (Lever: 3600). */
  accessTokenTtlSeconds?: number;
  /** Refresh token absolute lifetime (Lever: 1 year) and idle lifetime (Lever: 90 days), seconds. */
  refreshTokenAbsoluteTtlSeconds?: number;
  refreshTokenIdleTtlSeconds?: number;
  /** Token bucket per access token / API key: refill per second and burst size. */
  rateLimit?: { perSecond: number; burst: number };
  /** Delays between webhook attempts in ms (default 1,2,4,8,16 minutes = 1 initial + 5 retries). */
  retryDelaysMs?: number[];
  /** Multiplier applied to `retryDelaysMs` (tests use e.g. 0.001). */
  retryDelayScale?: number;
  /** Per-delivery timeout in ms (default 10 s). */
  deliveryTimeoutMs?: number;
  /** Epoch ms the controllable clock starts at (default: real time). */
  clockStart?: number;
  /** Fastify logger; off by default. */
  logger?: boolean;
  /**
   * Keep the state in this JSON file (loaded at start, written soon after each change); without it
   * the state lives in memory only, as tests want it. See `state/state-file.ts`.
   */
  stateFile?: string;
  /** Where problems with the state file are said (default: stderr). */
  report?: (message: string) => void;
}

export interface ResolvedOptions {
  baseUrl: string | undefined;
  audience: string | undefined;
  environment: 'production' | 'sandbox';
  client: OAuthClientOptions;
  switches: Switches;
  accessTokenTtlSeconds: number;
  refreshTokenAbsoluteTtlSeconds: number;
  refreshTokenIdleTtlSeconds: number;
  rateLimit: { perSecond: number; burst: number };
  retryDelaysMs: number[];
  retryDelayScale: number;
  deliveryTimeoutMs: number;
  clockStart: number | undefined;
  logger: boolean;
  stateFile: string | undefined;
  report: (message: string) => void;
}

const MINUTE = 60_000;
const DAY = 86_400;

/** Defaults for the registered OAuth client; each can be overridden from the environment. */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env): OAuthClientOptions {
  return {
    clientId: env.LEVER_EMULATOR_CLIENT_ID ?? 'eligo-local-client',
    clientSecret: env.LEVER_EMULATOR_CLIENT_SECRET ?? 'eligo-local-secret',
    redirectUris: (
      env.LEVER_EMULATOR_REDIRECT_URIS ??
      'http://localhost:3000/api/integrations/lever/callback,http://127.0.0.1:3000/api/integrations/lever/callback'
    )
      .split(',')
      .map((uri) => uri.trim())
      .filter(Boolean),
    name: env.LEVER_EMULATOR_CLIENT_NAME ?? 'Eligo WOTC (local)',
  };
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  return {
    baseUrl: options.baseUrl?.replace(/\/+$/, ''),
    audience: options.audience,
    environment: options.environment ?? 'production',
    client: { ...clientFromEnv(), ...options.client },
    switches: { ...defaultSwitches, ...options.switches },
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshTokenAbsoluteTtlSeconds: options.refreshTokenAbsoluteTtlSeconds ?? 365 * DAY,
    refreshTokenIdleTtlSeconds: options.refreshTokenIdleTtlSeconds ?? 90 * DAY,
    rateLimit: options.rateLimit ?? { perSecond: 10, burst: 20 },
    retryDelaysMs: options.retryDelaysMs ?? [1, 2, 4, 8, 16].map((m) => m * MINUTE),
    retryDelayScale: options.retryDelayScale ?? 1,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 10_000,
    clockStart: options.clockStart,
    logger: options.logger ?? false,
    stateFile: options.stateFile,
    report: options.report ?? ((message) => console.error(message)),
  };
}
