import type { EmulatorContext } from '../context.ts';
import { newHexToken, newId } from '../ids.ts';
import { eventGroups } from '../state/store.ts';
import { origins as knownOrigins, type Origin, type Webhook } from '../state/types.ts';
import { webhookUrlProblem } from './url.ts';

export class WebhookInputError extends Error {}

/** The `duplicateWebhookUrls: 'reject'` refusal: the account already has this URL for this event. */
export class DuplicateWebhookError extends Error {}

export interface WebhookInput {
  url: string;
  event: string;
  origins?: string[] | null;
}

/** Validates url, event and origin conditions (only the four configurable events take conditions). */
export function checkWebhookInput(input: WebhookInput): Origin[] | null {
  const problem = webhookUrlProblem(input.url);
  if (problem) throw new WebhookInputError(problem);
  const group = eventGroups.find((g) => g.event === input.event);
  if (!group) throw new WebhookInputError(`event ${input.event} is not a valid webhook event`);
  if (!input.origins || input.origins.length === 0) return null;
  if (!group.configurable) {
    throw new WebhookInputError(`event ${input.event} does not support conditions`);
  }
  for (const origin of input.origins) {
    if (!knownOrigins.includes(origin as Origin)) {
      throw new WebhookInputError(`origin ${origin} is not a valid origin`);
    }
  }
  return [...new Set(input.origins)] as Origin[];
}

/** Under `duplicateWebhookUrls: 'reject'`, a second webhook with the same URL and event is refused. */
export function refuseDuplicate(
  ctx: EmulatorContext,
  input: { url: string; event: string },
  exceptId?: string,
): void {
  if (ctx.state.switches.duplicateWebhookUrls !== 'reject') return;
  for (const webhook of ctx.state.webhooks.values()) {
    if (webhook.id !== exceptId && webhook.url === input.url && webhook.event === input.event) {
      throw new DuplicateWebhookError(
        `a webhook for ${input.event} with url ${input.url} already exists (${webhook.id})`,
      );
    }
  }
}

export function createWebhook(
  ctx: EmulatorContext,
  input: WebhookInput,
  createdVia: 'api' | 'ui',
  clientId: string | null,
): Webhook {
  const origins = checkWebhookInput(input);
  refuseDuplicate(ctx, input);
  const now = ctx.clock.now();
  const webhook: Webhook = {
    id: newId(),
    url: input.url,
    event: input.event,
    origins,
    signatureToken: newHexToken(),
    createdVia,
    clientId,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.webhooks.set(webhook.id, webhook);
  return webhook;
}

/** Lever's list/update shape: no signature token; `configuration` is `{}` without conditions. */
export function toWebhookDto(webhook: Webhook) {
  return {
    id: webhook.id,
    url: webhook.url,
    event: webhook.event,
    createdAt: webhook.createdAt,
    updatedAt: webhook.updatedAt,
    configuration: webhook.origins ? { conditions: { origins: webhook.origins } } : {},
  };
}
