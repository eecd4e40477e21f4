import { ErrorCode } from '@eligo/shared/errors';
import { AppError } from '../../../lib/app-error.ts';
import { LeverApiError, LeverDisconnectedError } from '../client/lever.errors.ts';

/** A Lever failure during an admin's action, as the API answers it. */
export function leverActionError(error: unknown): unknown {
  if (error instanceof LeverDisconnectedError) {
    return new AppError(
      ErrorCode.IntegrationDisconnected,
      'Lever access was revoked or has expired. Reconnect Lever first.',
    );
  }
  if (error instanceof LeverApiError && error.retryable) {
    return new AppError(
      ErrorCode.LeverUnavailable,
      'Lever is not answering right now. Nothing was changed; please try again in a minute.',
      {
        headers: {
          'retry-after': String(Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000))),
        },
      },
    );
  }
  if (error instanceof LeverApiError) {
    return new AppError(
      ErrorCode.LeverRejected,
      `Lever refused the request (HTTP ${error.status}${error.leverMessage ? `: ${error.leverMessage}` : ''}).`,
    );
  }
  return error;
}

/** Runs an admin's action that calls Lever; a Lever failure becomes the API's answer. */
export async function asLeverAction<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw leverActionError(error);
  }
}

/**
 * Lever refused to create a webhook (403): its Webhooks Subscription API is not enabled for
 * Eligo's app. Said as such, with the way out (a webhook made by hand).
 */
export function webhooksApiRefused(error: unknown): AppError {
  const said =
    error instanceof LeverApiError && error.leverMessage ? ` (${error.leverMessage})` : '';
  return new AppError(
    ErrorCode.LeverRejected,
    `Lever does not let Eligo create webhooks: the Webhooks Subscription API is not enabled for Eligo's app${said}. Create the webhook by hand in Lever with the URL below, then save its signature token here.`,
  );
}
