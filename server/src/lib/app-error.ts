import { ErrorCode, type ErrorDetail } from '@eligo/shared/errors';

/** A failure the client is meant to see: its status, code and message reach the response as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(message = 'Not found'): AppError {
    return new AppError(ErrorCode.NotFound, 404, message);
  }

  static forbidden(message = 'You do not have access to this'): AppError {
    return new AppError(ErrorCode.Forbidden, 403, message);
  }

  static unauthenticated(message = 'Please sign in'): AppError {
    return new AppError(ErrorCode.Unauthenticated, 401, message);
  }

  static badRequest(message: string, details?: ErrorDetail[]): AppError {
    return new AppError(ErrorCode.BadRequest, 400, message, details);
  }

  static validation(details: ErrorDetail[], message = 'Some fields are not valid'): AppError {
    return new AppError(ErrorCode.ValidationFailed, 400, message, details);
  }

  static conflict(message: string): AppError {
    return new AppError(ErrorCode.Conflict, 409, message);
  }
}
