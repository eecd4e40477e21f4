import { ErrorCode, errorStatus, type ErrorDetail } from '@eligo/shared/errors';
import { FIELDS_INVALID } from '@eligo/shared/validation-text';

export interface AppErrorOptions {
  details?: ErrorDetail[];
  /** How many details there were in all, when `details` holds only the first of them. */
  totalDetails?: number;
  headers?: Record<string, string>;
}

/**
 * A failure the client is meant to see: its code, message and details reach the response as is.
 * The HTTP status comes from the code (`errorStatus` in @eligo/shared/errors), never from here.
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly details?: ErrorDetail[];
  readonly totalDetails?: number;
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = errorStatus[code];
    this.details = options.details;
    this.totalDetails = options.totalDetails;
    this.headers = options.headers;
  }

  static notFound(message = 'Not found'): AppError {
    return new AppError(ErrorCode.NotFound, message);
  }

  static forbidden(message = 'You do not have access to this'): AppError {
    return new AppError(ErrorCode.Forbidden, message);
  }

  static unauthenticated(message = 'Please sign in'): AppError {
    return new AppError(ErrorCode.Unauthenticated, message);
  }

  static badRequest(message: string, details?: ErrorDetail[]): AppError {
    return new AppError(ErrorCode.BadRequest, message, { details });
  }

  static validation(details: ErrorDetail[], message = FIELDS_INVALID): AppError {
    return new AppError(ErrorCode.ValidationFailed, message, { details });
  }

  static conflict(message: string): AppError {
    return new AppError(ErrorCode.Conflict, message);
  }

  /** 429 with `Retry-After` (seconds, at least 1); `details` name the value limited, if one. */
  static rateLimited(
    message: string,
    retryAfterSeconds: number,
    details?: ErrorDetail[],
  ): AppError {
    return new AppError(ErrorCode.RateLimited, message, {
      details,
      headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}
