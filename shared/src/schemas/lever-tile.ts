import { Type, type Static } from 'typebox';
import { isoDateTimeSchema } from './common.ts';

/**
 * The parts of the Lever tile added for hires and for a real Lever account (issues 19 and 22): one
 * entry per webhook event, the grant's one-year limit, the optional scopes a grant lacks, and the
 * reconcile. `integrations.ts` puts them on the tile.
 */

/** The Lever events Eligo subscribes to, each through its own webhook (and signature token). */
export const LEVER_WEBHOOK_EVENTS = ['applicationCreated', 'candidateHired'] as const;
export type LeverWebhookEvent = (typeof LEVER_WEBHOOK_EVENTS)[number];
export const leverWebhookEventSchema = Type.Union([
  Type.Literal('applicationCreated'),
  Type.Literal('candidateHired'),
]);

/** Lever's names for the event groups, as its Webhooks settings page shows them. */
export const LEVER_WEBHOOK_EVENT_LABELS: Record<LeverWebhookEvent, string> = {
  applicationCreated: 'Application created',
  candidateHired: 'Candidate hired',
};

/**
 * One event's webhook: `receiving` (an event or a test ping came through it), `waiting` (set up,
 * nothing received yet: the event group may be off in Lever), `missing` (none is set up, or Lever
 * no longer lists ours), `unknown` (a manual webhook Lever does not list to us).
 */
export const webhookEventStateSchema = Type.Union([
  Type.Literal('receiving'),
  Type.Literal('waiting'),
  Type.Literal('missing'),
  Type.Literal('unknown'),
]);
export type WebhookEventState = Static<typeof webhookEventStateSchema>;

const nullableDate = Type.Union([isoDateTimeSchema, Type.Null()]);

export const leverEventWebhookSchema = Type.Object({
  event: leverWebhookEventSchema,
  /** Lever's name of the event group ("Application created", "Candidate hired"). */
  label: Type.String(),
  state: webhookEventStateSchema,
  /** `api`: created by Eligo through Lever's API; `manual`: added by an admin in Lever. */
  mode: Type.Union([Type.Literal('api'), Type.Literal('manual'), Type.Literal('none')]),
  createdAt: nullableDate,
  lastEventAt: nullableDate,
  lastPingAt: nullableDate,
  /** Deliveries of this event Eligo could not use (no opportunity named, deleted, confidential…). */
  unusable: Type.Object({
    count: Type.Integer({ minimum: 0 }),
    lastReason: Type.Union([Type.String(), Type.Null()]),
  }),
});
export type LeverEventWebhook = Static<typeof leverEventWebhookSchema>;

/**
 * Lever's authorization ends one year after it was granted, whatever its use (lever-api.md §1.7):
 * `warn` from 30 days before, when the tile asks for a Reconnect (admins are emailed at 30 and 7).
 */
export const leverGrantSchema = Type.Object({
  grantedAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
  daysLeft: Type.Integer(),
  warn: Type.Boolean(),
});
export type LeverGrant = Static<typeof leverGrantSchema>;

/** An optional scope the grant lacks, and what it would have done (README › Configuring Lever). */
export const missingLeverScopeSchema = Type.Object({ scope: Type.String(), why: Type.String() });

/**
 * The reconcile (issue 19): the periodic look at Lever for hires a lost webhook missed.
 * `unavailable`: the grant cannot read archive reasons (`archive_reasons:read:admin`).
 */
export const leverReconcileSchema = Type.Object({
  state: Type.Union([
    Type.Literal('idle'),
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('failed'),
    Type.Literal('unavailable'),
  ]),
  lastRunAt: nullableDate,
  /** Hires archived in Lever since this moment are looked at by the next run. */
  watermark: nullableDate,
  /** How many hires the last run found that the webhook had not reported. */
  lastFound: Type.Integer({ minimum: 0 }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  intervalHours: Type.Number({ exclusiveMinimum: 0 }),
});
export type LeverReconcile = Static<typeof leverReconcileSchema>;

/** `?event=` of regenerate: which webhook gets a new signature token (default Application created). */
export const webhookEventQuerySchema = Type.Object(
  { event: Type.Optional(leverWebhookEventSchema) },
  { additionalProperties: false },
);
