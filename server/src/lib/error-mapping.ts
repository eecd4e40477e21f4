import {
  ErrorCode,
  errorStatus,
  genericCodeOfStatus,
  type ErrorBody,
  type ErrorDetail,
} from '@eligo/shared/errors';
import { NOT_BLANK } from '@eligo/shared/schemas/common';
import { EIN_PATTERN, EMPLOYER_PHONE_PATTERN } from '@eligo/shared/filing';
import { AppError } from './app-error.ts';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

interface FastifyLikeError extends Error {
  statusCode?: number;
  code?: string;
  validation?: ValidationIssue[];
  validationContext?: string;
}

const DATABASE_DOWN =
  /^Mongo(ose)?(ServerSelection|Network|NetworkTimeout|TopologyClosed|NotConnected|PoolCleared|WaitQueueTimeout|ServerClosed)Error$/;

/**
 * MongoDB's answers while a replica set has no primary (a step-down, an election, a shutdown):
 * ShutdownInProgress, PrimarySteppedDown, NotWritablePrimary, InterruptedAtShutdown,
 * InterruptedDueToReplStateChange, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary.
 */
const NO_PRIMARY_CODES = new Set([91, 189, 10107, 11600, 11602, 13435, 13436]);

/**
 * FerretDB 2 answers `InternalError` (code 1) with PostgreSQL's own message when its PostgreSQL is
 * gone: killed ("unexpected postmaster exit"), stopped ("administrator command"), refusing or
 * restarting ("failed to connect to", "starting up"), full ("too many clients"). Found by killing
 * PostgreSQL under FerretDB 2.7 (docs/reliability.md §3); any other code-1 error stays a 500.
 */
const FERRETDB_BACKEND_DOWN =
  /postmaster|terminating connection|failed to connect to|dial error|connection refused|database system is (starting up|shutting down|in recovery|not yet accepting)|too many clients|server closed the connection|conn closed|connection reset|broken pipe|unexpected EOF/i;

/**
 * A socket's own failure surfacing raw (seen: the driver writing a command to a connection the
 * database's host had just reset threw Node's `write ECONNRESET`, not a MongoNetworkError).
 */
const SOCKET_FAILURES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function isUnavailable(error: Error): boolean {
  if (DATABASE_DOWN.test(error.name)) return true;
  const system = error as { code?: unknown; syscall?: unknown };
  if (typeof system.syscall === 'string' && SOCKET_FAILURES.has(String(system.code))) return true;
  // mongoose: "Operation `x.find()` buffering timed out after 10000ms"
  if (/buffering timed out|client must be connected|Client must be connected/.test(error.message))
    return true;
  if (error.name !== 'MongoServerError') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number' && NO_PRIMARY_CODES.has(code)) return true;
  return code === 1 && FERRETDB_BACKEND_DOWN.test(error.message);
}

/**
 * True for the errors a driver raises when the database cannot be reached or cannot serve (the API
 * answers 503 and the caller retries), also when wrapped as another error's `cause`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (isUnavailable(e)) return true;
  }
  return false;
}

const PATTERN_MEANINGS = new Map([
  [NOT_BLANK, 'must not be blank'],
  [EIN_PATTERN, 'must be an EIN written NN-NNNNNNN, starting with a prefix the IRS issues'],
  [EMPLOYER_PHONE_PATTERN, 'must be a US telephone number, e.g. (312) 555-0100'],
]);

function validationDetails(error: FastifyLikeError): ErrorDetail[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((issue) => {
    // A missing or an unexpected property: point at it, not at its parent object.
    const missing =
      issue.params?.missingProperty ??
      issue.params?.requiredProperties ??
      issue.params?.additionalProperty;
    const suffix = typeof missing === 'string' ? `/${missing}` : '';
    return {
      path: `/${context}${issue.instancePath ?? ''}${suffix}`,
      // Some of the schemas' patterns: say what they mean.
      message:
        PATTERN_MEANINGS.get(issue.params?.pattern as string) ?? issue.message ?? 'is not valid',
    };
  });
}

export interface MappedError {
  body: ErrorBody;
  headers?: Record<string, string>;
  /** Server-side failures are logged with the request; their message never reaches the client. */
  isServerFault: boolean;
}

/** Maps anything thrown by a handler, hook or Fastify itself to the one API error body. */
export function mapError(error: unknown): MappedError {
  if (error instanceof AppError) {
    const body: ErrorBody = {
      statusCode: error.statusCode,
      code: error.code,
      message: error.message,
    };
    if (error.details) body.details = error.details;
    if (error.totalDetails !== undefined) body.totalDetails = error.totalDetails;
    return { body, headers: error.headers, isServerFault: error.statusCode >= 500 };
  }
  const e = (error instanceof Error ? error : new Error(String(error))) as FastifyLikeError;
  if (e.validation) {
    return {
      body: {
        statusCode: errorStatus[ErrorCode.ValidationFailed],
        code: ErrorCode.ValidationFailed,
        message: 'Some fields are not valid',
        details: validationDetails(e),
      },
      isServerFault: false,
    };
  }
  if (isDatabaseUnavailable(e)) {
    return {
      body: {
        statusCode: errorStatus[ErrorCode.ServiceUnavailable],
        code: ErrorCode.ServiceUnavailable,
        message: 'The service is temporarily unavailable, please retry',
      },
      headers: { 'retry-after': '5' },
      isServerFault: true,
    };
  }
  // Fastify's own client errors (body too large, unsupported content type…) carry only a status.
  const status = e.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = genericCodeOfStatus(status) ?? ErrorCode.BadRequest;
    return {
      body: { statusCode: errorStatus[code], code, message: e.message },
      isServerFault: false,
    };
  }
  return {
    body: {
      statusCode: errorStatus[ErrorCode.Internal],
      code: ErrorCode.Internal,
      message: 'Internal server error',
    },
    isServerFault: true,
  };
}
