import type { EmulatorContext } from '../context.ts';
import { newHexToken, newId } from '../ids.ts';
import { eventGroups } from '../state/store.ts';
import { origins as knownOrigins, type Origin, type Webhook } from '../state/types.ts';
import { webhookUrlProblem } from './url.ts';

export class WebhookInputError extends Error {}

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

export function createWebhook(
  ctx: EmulatorContext,
  input: WebhookInput,
  createdVia: 'api' | 'ui',
  clientId: string | null,
): Webhook {
  const origins = checkWebhookInput(input);
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
