import type { FastifyBaseLogger } from 'fastify';
import type { Types } from 'mongoose';

export interface LeverStatusChange {
  integrationId: Types.ObjectId;
  organizationId: Types.ObjectId;
  status: 'connected' | 'disconnected';
  /** e.g. `refresh_rejected`, `unauthorized_after_refresh`, `reconnected`. */
  reason: string;
}

export type LeverStatusListener = (change: LeverStatusChange) => void | Promise<void>;

export interface LeverStatusEvents {
  /** Adds a listener; returns the function that removes it. */
  on(listener: LeverStatusListener): () => void;
  /** Tells every listener; a failing listener is logged and does not stop the others. */
  announce(change: LeverStatusChange): Promise<void>;
}

/**
 * The one place an integration's connection status changes are announced (as `app.lever`'s
 * `onStatusChange`). The sync jobs subscribe to pause an integration's job group when it is
 * Disconnected and to resume it after Reconnect.
 */
export function leverStatusEvents(log: FastifyBaseLogger): LeverStatusEvents {
  const listeners = new Set<LeverStatusListener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async announce(change) {
      log.info(change, 'Lever integration status changed');
      for (const listener of listeners) {
        try {
          await listener(change);
        } catch (error) {
          log.error({ err: error, ...change }, 'Lever status listener failed');
        }
      }
    },
  };
}
