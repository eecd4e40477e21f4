import { Schema, type Types } from 'mongoose';
import { LEVER_WEBHOOK_EVENTS, type LeverWebhookEvent } from '@eligo/shared/schemas/lever-tile';
import { tenantScoped } from '../../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../../lib/model.ts';

/**
 * The last look at our webhooks in Lever, one document per integration (`_id` = its id), written
 * by the health check and by the actions that set webhooks up. A failed check (429/5xx/network)
 * keeps the last known answer.
 */
export interface LeverHealth {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  /** Last attempt, successful or not (checks run at most once a minute). */
  attemptedAt: Date;
  /** Last successful read of Lever's webhook list. */
  checkedAt: Date | null;
  /**
   * The Application created webhook was in the list (null: unknown, e.g. a manual webhook Lever
   * does not list). Kept for documents written before `found`.
   */
  webhookFound: boolean | null;
  /** Per event: our webhook was in Lever's list (null: unknown; absent: never looked). */
  found?: Partial<Record<LeverWebhookEvent, boolean | null>>;
  /**
   * Lever refused to create a webhook (403: its Webhooks Subscription API is not enabled for our
   * app), with its message; cleared when a webhook is created again.
   */
  createRefused?: string | null;
  /** The last attempt failed for a passing reason (429, 5xx, network): status kept as it was. */
  lastCheckFailed: boolean;
  /** Lever refused us (403, 400…): shown as the Error status until a check succeeds. */
  problem: string | null;
}

const healthSchema = new Schema<LeverHealth>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    attemptedAt: { type: Date, required: true },
    checkedAt: { type: Date, default: null },
    webhookFound: { type: Boolean, default: null },
    found: {
      type: new Schema(
        Object.fromEntries(LEVER_WEBHOOK_EVENTS.map((event) => [event, { type: Boolean }])),
        { _id: false },
      ),
      default: undefined,
    },
    createRefused: { type: String, default: null },
    lastCheckFailed: { type: Boolean, default: false },
    problem: { type: String, default: null },
  },
  { versionKey: false },
);
healthSchema.plugin(tenantScoped);

export const leverHealthModel = modelOn<LeverHealth>('LeverHealth', healthSchema);
