import type { Clock } from './clock.ts';
import type { ResolvedOptions } from './options.ts';
import type { State } from './state/store.ts';
import type { WebhookEngine } from './webhooks/engine.ts';

/** What every route module needs: the state, the clock, options, and the webhook engine. */
export interface EmulatorContext {
  state: State;
  clock: Clock;
  options: ResolvedOptions;
  webhooks: WebhookEngine;
  /** Public base URL without trailing slash (known once listening, unless given in options). */
  baseUrl(): string;
  /** The `aud` value tokens carry and /authorize expects. */
  audience(): string;
  /** Where `urls.show` etc. point: hire.lever.co or hire.sandbox.lever.co. */
  hireHost(): string;
  /** The kept state changed: the state file (if any) is written soon. */
  changed(): void;
  /** Back to the seed (clock, state, switches); stops pending webhook retries. */
  reset(): void;
}
