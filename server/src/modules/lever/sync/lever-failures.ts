import { PauseJobGroup, PermanentFailure, RetryLater } from '../../../lib/jobs/errors.ts';
import {
  LeverApiError,
  LeverDisconnectedError,
  LeverIntegrationGoneError,
} from '../client/lever.errors.ts';

/** Why a job's group waits while its integration is Disconnected (shown in the job's history). */
export const DISCONNECTED_REASON = 'Lever is disconnected: waiting for an admin to Reconnect';

/**
 * A failure of a call to Lever, as the jobs module should treat it (server/src/modules/lever/README.md):
 * busy or away → retry (not before `Retry-After`); a request Lever refuses → permanent; Disconnected
 * → the integration's whole group waits for Reconnect; a deleted integration → permanent.
 * Anything else (our database, the mail server) is returned as is: retried with backoff.
 */
export function asJobFailure(error: unknown): unknown {
  if (error instanceof LeverDisconnectedError) return new PauseJobGroup(DISCONNECTED_REASON);
  if (error instanceof LeverIntegrationGoneError) {
    return new PermanentFailure('The Lever integration was deleted');
  }
  if (error instanceof LeverApiError) {
    if (error.retryable) return new RetryLater(error.message, { afterMs: error.retryAfterMs ?? 0 });
    return new PermanentFailure(error.message);
  }
  return error;
}

/** Lever answered 404: the opportunity (or posting) no longer exists. */
export const isNotFound = (error: unknown) =>
  error instanceof LeverApiError && error.status === 404;

/** Lever answered 403: e.g. a confidential opportunity without the confidential scope. */
export const isForbidden = (error: unknown) =>
  error instanceof LeverApiError && error.status === 403;
