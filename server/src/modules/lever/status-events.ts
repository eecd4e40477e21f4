import type { FastifyInstance } from 'fastify';
import { perApp } from './per-app.ts';

export interface LeverStatusChange {
  integrationId: string;
  organizationId: string;
  status: 'connected' | 'disconnected';
  /** e.g. `refresh_rejected`, `unauthorized_after_refresh`, `reconnected`. */
  reason: string;
}

export type LeverStatusListener = (change: LeverStatusChange) => void | Promise<void>;

const listenersOf = (app: FastifyInstance) =>
  perApp(app, 'lever-status-listeners', () => new Set<LeverStatusListener>());

/**
 * The one place an integration's connection status changes are announced. The jobs module
 * subscribes here to pause an integration's job group when it is Disconnected and to resume it
 * after Reconnect. Returns the unsubscribe function.
 */
export function onLeverStatusChange(
  app: FastifyInstance,
  listener: LeverStatusListener,
): () => void {
  listenersOf(app).add(listener);
  return () => listenersOf(app).delete(listener);
}

/** Tells every listener; a failing listener is logged and does not stop the others. */
export async function announceStatusChange(
  app: FastifyInstance,
  change: LeverStatusChange,
): Promise<void> {
  app.log.info(change, 'Lever integration status changed');
  for (const listener of listenersOf(app)) {
    try {
      await listener(change);
    } catch (error) {
      app.log.error({ err: error, ...change }, 'Lever status listener failed');
    }
  }
}
