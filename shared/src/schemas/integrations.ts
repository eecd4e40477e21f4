import { Type, type Static } from 'typebox';
import { idSchema, isoDateTimeSchema } from './common.ts';
import {
  leverEventWebhookSchema,
  leverGrantSchema,
  leverReconcileSchema,
  leverWebhookEventSchema,
  missingLeverScopeSchema,
} from './lever-tile.ts';

/**
 * What the Lever tile shows, most urgent first:
 * `disconnected` (Lever access revoked or expired: Reconnect), `webhook_missing` (no webhook in Lever
 * for us: regenerate or add one manually), `error` (Lever refuses our calls), `waiting` (connected,
 * nothing received yet: switch on "Application created" in Lever), `connected` (events or test
 * pings have arrived).
 */
export const integrationStatusSchema = Type.Union([
  Type.Literal('connected'),
  Type.Literal('waiting'),
  Type.Literal('webhook_missing'),
  Type.Literal('disconnected'),
  Type.Literal('error'),
]);
export type IntegrationStatus = Static<typeof integrationStatusSchema>;

/** `api`: created by Eligo through Lever's API; `manual`: added by an admin in Lever's settings. */
export const webhookModeSchema = Type.Union([
  Type.Literal('api'),
  Type.Literal('manual'),
  Type.Literal('none'),
]);
export type WebhookMode = Static<typeof webhookModeSchema>;

const nullableDate = Type.Union([isoDateTimeSchema, Type.Null()]);

export const leverIntegrationSchema = Type.Object({
  id: idSchema,
  provider: Type.Literal('lever'),
  status: integrationStatusSchema,
  /** Why the status is what it is, in words for the admin (null when all is well). */
  statusDetail: Type.Union([Type.String(), Type.Null()]),
  leverAccountId: Type.String(),
  connectedAt: isoDateTimeSchema,
  connectedBy: Type.Union([Type.String(), Type.Null()]),
  webhook: Type.Object({
    /**
     * The URL to give Lever for a webhook made by hand (both events may use it): unique to this
     * integration. Each webhook Eligo creates has its own URL under it.
     */
    url: Type.String(),
    /** The Application created webhook's (`webhooks` has each event's). */
    mode: webhookModeSchema,
    createdAt: nullableDate,
  }),
  /** Application created and Candidate hired, each with its own webhook and state. */
  webhooks: Type.Array(leverEventWebhookSchema),
  /**
   * `refused`: Lever would not let Eligo create a webhook (403: the Webhooks Subscription API is
   * not enabled for Eligo's app); webhooks must be made by hand until Lever enables it.
   */
  webhooksApi: Type.Union([Type.Literal('available'), Type.Literal('refused')]),
  grant: leverGrantSchema,
  /** Optional scopes the grant lacks (a Reconnect asks for them again). */
  missingScopes: Type.Array(missingLeverScopeSchema),
  reconcile: leverReconcileSchema,
  lastEventAt: nullableDate,
  lastPingAt: nullableDate,
  failedSignatures24h: Type.Integer({ minimum: 0 }),
  /** Applications Lever would not show us (deleted before we read them, confidential…). */
  unreadApplications: Type.Object({
    count: Type.Integer({ minimum: 0 }),
    lastReason: Type.Union([Type.String(), Type.Null()]),
  }),
  health: Type.Object({
    /** When Lever's webhook list was last read successfully. */
    checkedAt: nullableDate,
    /** The last check could not complete (Lever busy or unreachable); the status is the last known. */
    lastCheckFailed: Type.Boolean(),
  }),
  disconnectedAt: nullableDate,
  /** Lever's Settings › Integrations and API › Webhooks page (the seed's "here" link). */
  leverWebhooksPageUrl: Type.String(),
});
export type LeverIntegration = Static<typeof leverIntegrationSchema>;

export const integrationListSchema = Type.Object({
  /** False when the server has no LEVER_* settings: nothing can be connected. */
  leverConfigured: Type.Boolean(),
  items: Type.Array(leverIntegrationSchema),
});
export type IntegrationList = Static<typeof integrationListSchema>;

export const integrationParamsSchema = Type.Object(
  { integrationId: idSchema },
  { additionalProperties: false },
);

/** Lever's redirect back to us (lever-api.md §1.4): a code, or an error; always the state. */
export const leverCallbackQuerySchema = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 512 })),
  code: Type.Optional(Type.String({ maxLength: 2048 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 1000 })),
});

/** The outcome of a connect attempt, as the ATS Integrations screen reads it from `?lever=`. */
export const LEVER_CONNECT_OUTCOMES = [
  'connected',
  'reconnected',
  'webhook_failed',
  'webhooks_api_refused',
  'denied',
  'not_super_admin',
  'missing_scope',
  'invalid_state',
  'account_in_use',
  'different_account',
  'failed',
] as const;
export type LeverConnectOutcome = (typeof LEVER_CONNECT_OUTCOMES)[number];

export const manualWebhookBodySchema = Type.Object(
  {
    /** The signature token Lever showed for the webhook the admin created by hand. */
    signatureToken: Type.String({ minLength: 16, maxLength: 256, pattern: '^\\S+$' }),
    /** Which event the webhook is for (default Application created). */
    event: Type.Optional(leverWebhookEventSchema),
  },
  { additionalProperties: false },
);
export type ManualWebhookBody = Static<typeof manualWebhookBodySchema>;

/** A Lever webhook delivery (lever-api.md §5.2); other fields are allowed and kept in the raw body. */
export const leverDeliverySchema = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 256 }),
  triggeredAt: Type.Integer({ minimum: 0 }),
  signature: Type.String({ minLength: 1, maxLength: 256 }),
  event: Type.String({ minLength: 1, maxLength: 100 }),
  data: Type.Object({}),
});
export type LeverDelivery = Static<typeof leverDeliverySchema>;

export const webhookReceiptSchema = Type.Object({
  /**
   * `stored`: new application or hire queued; `held`: queued until Reconnect; `duplicate`: seen
   * before; `unusable`: recorded as failed (it names no opportunity) and counted on the tile;
   * `refused`: signed, but its ids are not Lever's (kept as a failed application, never processed).
   */
  outcome: Type.Union([
    Type.Literal('unusable'),
    Type.Literal('stored'),
    Type.Literal('held'),
    Type.Literal('duplicate'),
    Type.Literal('refused'),
    Type.Literal('ping'),
    Type.Literal('ignored'),
  ]),
});
export type WebhookReceipt = Static<typeof webhookReceiptSchema>;

export const webhookParamsSchema = Type.Object(
  { integrationId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

/** A webhook Eligo created has its own URL: the integration's, then the webhook's random key. */
export const webhookHookParamsSchema = Type.Object(
  {
    integrationId: Type.String({ minLength: 1, maxLength: 100 }),
    hookKey: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
