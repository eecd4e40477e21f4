import type { IntegrationStatus } from '@eligo/shared/schemas/integrations';
import {
  LEVER_WEBHOOK_EVENT_LABELS,
  type LeverEventWebhook,
  type LeverWebhookEvent,
} from '@eligo/shared/schemas/lever-tile';

/** What the tile needs to decide its one status (README.md of this room, "The tile's states"). */
export interface TileFacts {
  disconnected: boolean;
  webhooks: Pick<LeverEventWebhook, 'event' | 'state'>[];
  /** Lever's words when it refused to create a webhook (its Webhooks Subscription API is off). */
  createRefused: string | null;
  /** Lever refused to list webhooks (403, 400…): the last check's problem. */
  problem: string | null;
  reconcileHours: number;
}

/** What a missing webhook of each event costs, in the tile's words. */
const CONSEQUENCE: Record<LeverWebhookEvent, (hours: number) => string> = {
  applicationCreated: () => 'this integration will not receive applications',
  candidateHired: (hours) =>
    `hires are found only by the reconcile, every ${hours} hours, instead of at once`,
};

const names = (events: LeverWebhookEvent[]) =>
  events.map((event) => `"${LEVER_WEBHOOK_EVENT_LABELS[event]}"`).join(' and ');

/**
 * The tile's status and its explanation, most urgent first: Disconnected; a webhook missing (when
 * Lever refuses to let Eligo create webhooks, saying exactly that and what to do by hand); Lever
 * refusing to list them; Connected once anything arrived; else waiting for the first event.
 */
export function tileStatus(facts: TileFacts): {
  status: IntegrationStatus;
  statusDetail: string | null;
} {
  if (facts.disconnected) {
    return {
      status: 'disconnected',
      statusDetail:
        'Lever access was revoked or has expired. Nothing is processed until you reconnect; new applications are kept until then.',
    };
  }
  const missing = facts.webhooks.filter((w) => w.state === 'missing').map((w) => w.event);
  if (missing.length > 0) {
    const costs = missing.map((event) => CONSEQUENCE[event](facts.reconcileHours)).join('; ');
    if (facts.createRefused !== null) {
      return {
        status: 'webhook_missing',
        statusDetail: `Lever does not let Eligo create webhooks: the Webhooks Subscription API is not enabled for Eligo's app (Lever answered: ${facts.createRefused}). Without the ${names(missing)} webhook, ${costs}. Create it by hand in Lever: open Manage ATS Credentials, copy the webhook URL, add the webhook in Lever's Settings › Integrations and API › Webhooks, and save the signature token Lever shows.`,
      };
    }
    return {
      status: 'webhook_missing',
      statusDetail:
        facts.problem ??
        `Our ${names(missing)} webhook is not in Lever: ${costs}. Regenerate the signature token, or create a new webhook manually (Manage ATS Credentials).`,
    };
  }
  if (facts.problem) return { status: 'error', statusDetail: facts.problem };
  const waiting = facts.webhooks.filter((w) => w.state !== 'receiving').map((w) => w.event);
  if (waiting.length < facts.webhooks.length) return { status: 'connected', statusDetail: null };
  return {
    status: 'waiting',
    statusDetail: `Nothing received from Lever yet. Switch on ${names(waiting)} in Lever to start receiving applications and hires.`,
  };
}
