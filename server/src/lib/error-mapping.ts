import {
  ErrorCode,
  errorStatus,
  genericCodeOfStatus,
  type ErrorBody,
  type ErrorDetail,
} from '@eligo/shared/errors';
import { EIN_PATTERN, EMPLOYER_PHONE_PATTERN } from '@eligo/shared/filing';
import { textMessage } from '@eligo/shared/text';
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
  /^Mongo(ServerSelection|Network|NetworkTimeout|TopologyClosed|NotConnected)Error$/;

/** True for the errors a driver raises when the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (DATABASE_DOWN.test(error.name)) return true;
  // mongoose: "Operation `x.find()` buffering timed out after 10000ms"
  return /buffering timed out|client must be connected|Client must be connected/.test(
    error.message,
  );
}

/** What some of the schemas' other patterns mean (the text rules word their own: text.ts). */
const PATTERN_MEANINGS = new Map([
  [EIN_PATTERN, 'must be an EIN written NN-NNNNNNN, starting with a prefix the IRS issues'],
  [EMPLOYER_PHONE_PATTERN, 'must be a US telephone number, e.g. (312) 555-0100'],
]);

/**
 * The value a validation error is about (`context` = body, querystring, params; `pointer` = the
 * JSON pointer into it), used only to word the message: it never goes into the answer.
 */
export type RequestValueAt = (context: string, pointer: string) => unknown;

/** Walks a JSON pointer (`/answers/first_name`) into a parsed request part. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let value = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function validationDetails(error: FastifyLikeError, valueAt?: RequestValueAt): ErrorDetail[] {
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
      // The text rules (not blank, no control characters…) are patterns: say which part failed.
      message:
        textMessage(issue.params?.pattern, valueAt?.(context, issue.instancePath ?? '')) ??
        PATTERN_MEANINGS.get(issue.params?.pattern as string) ??
        issue.message ??
        'is not valid',
    };
  });
}

export interface MappedError {
  body: ErrorBody;
  headers?: Record<string, string>;
  /** Server-side failures are logged with the request; their message never reaches the client. */
  isServerFault: boolean;
}

/**
 * Maps anything thrown by a handler, hook or Fastify itself to the one API error body. `valueAt`
 * reads the request's values, so that a text rule's message can say what is wrong with the value.
 */
export function mapError(error: unknown, valueAt?: RequestValueAt): MappedError {
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
        details: validationDetails(e, valueAt),
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
