import {
  LEVER_CONNECT_OUTCOMES,
  type IntegrationStatus,
  type LeverConnectOutcome,
  type WebhookMode,
} from '@eligo/shared/schemas/integrations';
import type { WebhookEventState } from '@eligo/shared/schemas/lever-tile';
import type { Tone } from '../../components/ToneBadge.vue';

/** The tile's status words, and their badge colours. */
export const statusLabels: Record<IntegrationStatus, string> = {
  connected: 'Connected',
  waiting: 'Waiting for the first event',
  webhook_missing: 'Webhook missing',
  disconnected: 'Disconnected — access revoked',
  error: 'Error',
};

export const statusTones: Record<IntegrationStatus, Tone> = {
  connected: 'good',
  waiting: 'pending',
  webhook_missing: 'bad',
  disconnected: 'bad',
  error: 'bad',
};

/** Each event's webhook on the tile (Application created, Candidate hired). */
export const eventStateLabels: Record<WebhookEventState, string> = {
  receiving: 'Receiving',
  waiting: 'Nothing received yet',
  missing: 'Missing',
  unknown: 'Not listed by Lever',
};

export const eventStateTones: Record<WebhookEventState, Tone> = {
  receiving: 'good',
  waiting: 'pending',
  missing: 'bad',
  unknown: 'neutral',
};

export const webhookModeLabels: Record<WebhookMode, string> = {
  api: 'Created by Eligo',
  manual: 'Manual (created in Lever)',
  none: 'None',
};

/** What the screen says after Lever sent the admin back (`?lever=` on the URL). */
export const outcomeMessages: Record<LeverConnectOutcome, { ok: boolean; text: string }> = {
  connected: {
    ok: true,
    text: 'Lever is connected. One last step: switch on "Application created" and "Candidate hired" in Lever (the "here" link on the Lever tile).',
  },
  reconnected: { ok: true, text: 'Lever is reconnected.' },
  webhook_failed: {
    ok: false,
    text: 'Lever is connected, but Eligo could not create its webhook in Lever. Use Manage ATS Credentials to try again or to add one manually.',
  },
  webhooks_api_refused: {
    ok: false,
    text: "Lever is connected, but Lever does not let Eligo create webhooks (its Webhooks Subscription API is not enabled for Eligo's app). Create them by hand: Manage ATS Credentials on the Lever tile says how.",
  },
  denied: { ok: false, text: 'The connection was declined in Lever. Nothing was changed.' },
  not_super_admin: {
    ok: false,
    text: 'Only a Lever Super Admin can authorize integrations. Ask a Super Admin to connect Lever, or log in to Lever as one. Nothing was changed.',
  },
  missing_scope: {
    ok: false,
    text: 'Lever did not grant all the permissions Eligo needs (Accept every listed permission). Nothing was changed.',
  },
  invalid_state: {
    ok: false,
    text: 'This connection attempt expired or was started from another session. Please click ADD NEW and try again. Nothing was changed.',
  },
  account_in_use: {
    ok: false,
    text: 'This Lever account is already connected to another Eligo organization. Nothing was changed.',
  },
  different_account: {
    ok: false,
    text: 'You authorized a different Lever account. To switch accounts, delete the integration first, then set it up anew.',
  },
  failed: { ok: false, text: 'Connecting Lever failed. Please try again in a minute.' },
};

export function outcomeFromQuery(value: unknown): LeverConnectOutcome | null {
  return typeof value === 'string' && (LEVER_CONNECT_OUTCOMES as readonly string[]).includes(value)
    ? (value as LeverConnectOutcome)
    : null;
}

export function formatWhen(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'Never';
}

/** A day without its time (the grant's end). */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });
}
