import type { Clock } from '../clock.ts';
import { newHexToken, newId } from '../ids.ts';
import type { ResolvedOptions } from '../options.ts';
import { eventGroups, type State } from '../state/store.ts';
import type { Delivery, DeliveryAttempt, Webhook } from '../state/types.ts';
import { signDelivery } from './signature.ts';

const LOG_LIMIT = 1000;
const LOG_MAX_AGE_MS = 14 * 86_400_000;
const RESPONSE_SNIPPET = 2000;

export interface WebhookEngine {
  /** An event happened: deliver it to every matching webhook whose event group is enabled. */
  emit(event: string, data: Record<string, unknown>, origin: string | null): Delivery[];
  /** The settings page's "Test" button: one signed POST with `data: {}`. */
  sendTest(webhook: Webhook): Delivery;
  /** The delivery history's "Rerun" button. */
  rerun(deliveryId: string): Delivery | undefined;
  /**
   * After the state was loaded from its file: deliveries still pending when the last process ended
   * (their retry timers died with it) are attempted again, so no event is dropped by a restart.
   */
  resumePending(): void;
  /** Stop retries and abort requests in flight (on reset and close). */
  stop(): void;
}

/** `changed` is told whenever the delivery log changes (the state file then saves it). */
export function createWebhookEngine(
  state: State,
  clock: Clock,
  options: ResolvedOptions,
  changed: () => void = () => undefined,
) {
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<AbortController>();

  function record(delivery: Delivery): Delivery {
    state.deliveries.push(delivery);
    const oldest = clock.now() - LOG_MAX_AGE_MS;
    while (
      state.deliveries.length > LOG_LIMIT ||
      (state.deliveries[0] && state.deliveries[0].createdAt < oldest)
    ) {
      state.deliveries.shift();
    }
    changed();
    return delivery;
  }

  function newDelivery(
    webhook: Webhook,
    fields: Pick<Delivery, 'event' | 'kind' | 'data' | 'triggeredAt' | 'eventId' | 'rerunOf'>,
  ): Delivery {
    return {
      id: newId(),
      webhookId: webhook.id,
      url: webhook.url,
      attempts: [],
      outcome: 'pending',
      createdAt: clock.now(),
      ...fields,
    };
  }

  function tokenFor(delivery: Delivery, original: Delivery | undefined): string {
    const first = delivery.attempts[0]?.token;
    if (first) return state.switches.retryToken === 'same' ? first : newHexToken();
    if (original?.attempts[0] && state.switches.rerunToken === 'same') {
      return original.attempts[0].token;
    }
    return newHexToken();
  }

  function body(delivery: Delivery, webhook: Webhook, token: string): Record<string, unknown> {
    return {
      ...(state.switches.includeEventId ? { id: delivery.eventId } : {}),
      triggeredAt: delivery.triggeredAt,
      event: delivery.event,
      data: delivery.data,
      signature: signDelivery(webhook.signatureToken, token, delivery.triggeredAt),
      token,
    };
  }

  async function attempt(delivery: Delivery, original?: Delivery): Promise<void> {
    const webhook = state.webhooks.get(delivery.webhookId);
    if (!webhook || !state.deliveries.includes(delivery)) {
      delivery.outcome = 'failed';
      return;
    }
    const token = tokenFor(delivery, original);
    const controller = new AbortController();
    inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), options.deliveryTimeoutMs);
    const started = Date.now();
    const entry: DeliveryAttempt = {
      at: clock.now(),
      token,
      status: null,
      error: null,
      responseBody: null,
      durationMs: 0,
    };
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: { 'User-Agent': 'Lever-Webhooks', 'Content-Type': 'application/json' },
        body: JSON.stringify(body(delivery, webhook, token)),
        redirect: 'manual',
        signal: controller.signal,
      });
      entry.status = response.status;
      entry.responseBody = (await response.text()).slice(0, RESPONSE_SNIPPET);
      if (response.status < 200 || response.status >= 300) {
        entry.error = `Receiver answered HTTP ${response.status}`;
      } else if (state.lostDeliveryResponses > 0) {
        state.lostDeliveryResponses -= 1;
        entry.error = 'Injected fault: the response was lost (Lever will retry)';
      }
    } catch (error) {
      entry.error = controller.signal.aborted
        ? `Timed out after ${options.deliveryTimeoutMs} ms`
        : `Request failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      clearTimeout(timeout);
      inFlight.delete(controller);
    }
    entry.durationMs = Date.now() - started;
    delivery.attempts.push(entry);
    changed();
    if (entry.error === null) {
      delivery.outcome = 'succeeded';
      return;
    }
    const delay = options.retryDelaysMs[delivery.attempts.length - 1];
    if (delivery.kind !== 'event' || delay === undefined) {
      delivery.outcome = 'failed';
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(delivery);
    }, delay * options.retryDelayScale);
    timers.add(timer);
  }

  const engine: WebhookEngine = {
    emit(event, data, origin) {
      if (!state.eventGroups.get(event)) return [];
      const configurable = eventGroups.find((g) => g.event === event)?.configurable ?? false;
      const payload = {
        ...data,
        ...(state.switches.includeCandidateId && typeof data.opportunityId === 'string'
          ? { candidateId: data.opportunityId }
          : {}),
      };
      const eventId = newId();
      const triggeredAt = clock.now();
      const copies = state.switches.duplicateDeliveries ? 2 : 1;
      const deliveries: Delivery[] = [];
      for (const webhook of state.webhooks.values()) {
        if (webhook.event !== event) continue;
        const origins = webhook.origins;
        if (configurable && origins && origins.length > 0 && !origins.includes(origin as never)) {
          continue;
        }
        for (let i = 0; i < copies; i += 1) {
          const delivery = record(
            newDelivery(webhook, {
              event,
              kind: 'event',
              data: payload,
              triggeredAt,
              eventId,
              rerunOf: null,
            }),
          );
          deliveries.push(delivery);
          void attempt(delivery);
        }
      }
      return deliveries;
    },
    sendTest(webhook) {
      const delivery = record(
        newDelivery(webhook, {
          event: webhook.event,
          kind: 'test',
          data: {},
          triggeredAt: clock.now(),
          eventId: newId(),
          rerunOf: null,
        }),
      );
      void attempt(delivery);
      return delivery;
    },
    rerun(deliveryId) {
      const original = state.deliveries.find((d) => d.id === deliveryId);
      const webhook = original && state.webhooks.get(original.webhookId);
      if (!original || !webhook) return undefined;
      const delivery = record(
        newDelivery(webhook, {
          event: original.event,
          kind: 'rerun',
          data: original.data,
          triggeredAt: original.triggeredAt,
          eventId: original.eventId,
          rerunOf: original.id,
        }),
      );
      void attempt(delivery, original);
      return delivery;
    },
    resumePending() {
      for (const delivery of state.deliveries) {
        if (delivery.outcome !== 'pending') continue;
        const original = state.deliveries.find((d) => d.id === delivery.rerunOf) ?? undefined;
        void attempt(delivery, original);
      }
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const controller of inFlight) controller.abort();
      inFlight.clear();
    },
  };
  return engine;
}
