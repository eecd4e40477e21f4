import type { Types } from 'mongoose';

/**
 * What a call to Lever can end in, for callers that decide what to do next (the jobs module):
 * `retryable` → try again later, no sooner than `retryAfterMs` when Lever said so; otherwise the
 * request itself is wrong for Lever (400/403/404/422) and repeating it will not help.
 */
export class LeverApiError extends Error {
  constructor(
    /** HTTP status from Lever; null when no answer came (network error, timeout). */
    readonly status: number | null,
    /** Lever's error `code` (e.g. `ResourceNotFound`), when its body had one. */
    readonly leverCode: string | null,
    /** Lever's error `message`, when its body had one. */
    readonly leverMessage: string | null,
    /** From `Retry-After` (seconds or an HTTP date), when Lever sent it. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(
      status === null
        ? `Lever did not answer: ${leverMessage ?? 'network error'}`
        : `Lever answered HTTP ${status}${leverCode ? ` ${leverCode}` : ''}${leverMessage ? `: ${leverMessage}` : ''}`,
    );
    this.name = 'LeverApiError';
  }

  /** 429, 5xx and no answer at all are worth retrying; other statuses are permanent. */
  get retryable(): boolean {
    return this.status === null || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/**
 * The integration has no usable Lever authorization (revoked, expired, or the refresh failed):
 * thrown before any call to Lever. The integration waits for an admin to Reconnect.
 */
export class LeverDisconnectedError extends Error {
  constructor(readonly integrationId: Types.ObjectId) {
    super(`Lever integration ${integrationId} is disconnected: an admin must reconnect it`);
    this.name = 'LeverDisconnectedError';
  }
}

/** The integration does not exist (deleted, or never did). */
export class LeverIntegrationGoneError extends Error {
  constructor(readonly integrationId: Types.ObjectId) {
    super(`Lever integration ${integrationId} does not exist`);
    this.name = 'LeverIntegrationGoneError';
  }
}

/** `Retry-After` as milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3); else null. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month (V8 would also read "1.5" or "-5" as dates).
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
