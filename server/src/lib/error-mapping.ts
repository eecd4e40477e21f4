import {
  ErrorCode,
  errorStatus,
  genericCodeOfStatus,
  type ErrorBody,
  type ErrorDetail,
} from '@eligo/shared/errors';
import {
  FIELDS_INVALID,
  ruleOfPattern,
  validationSentence,
  type ValidationRule,
} from '@eligo/shared/validation-text';
import { TEXT_RULES, textProblem } from '@eligo/shared/text';
import { AppError } from './app-error.ts';

interface ValidationIssue {
  keyword?: string;
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

/** Which rule an Ajv issue is about, and the number it names (a length, a minimum). */
function ruleOf(issue: ValidationIssue): { rule: ValidationRule; limit?: number } {
  const params = issue.params ?? {};
  const limit = typeof params.limit === 'number' ? params.limit : undefined;
  switch (issue.keyword) {
    case 'required':
      return { rule: 'required' };
    case 'pattern':
      return { rule: ruleOfPattern(String(params.pattern)) };
    case 'format':
      return { rule: params.format === 'email' ? 'email' : 'date' };
    case 'minLength':
      return { rule: 'min_length', limit };
    case 'maxLength':
      return { rule: 'max_length', limit };
    case 'minimum':
    case 'exclusiveMinimum':
      return { rule: 'minimum', limit };
    case 'maximum':
    case 'exclusiveMaximum':
      return { rule: 'maximum', limit };
    case 'minItems':
      return { rule: 'min_items', limit };
    // A number sent as text (`"7"`): bodies are not coerced (lib/validation.ts).
    case 'type':
      return { rule: params.type === 'integer' ? 'whole_number' : 'invalid' };
    case 'maxItems':
      return { rule: 'max_items', limit };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { rule: 'choice' };
    case 'additionalProperties':
      return { rule: 'unexpected' };
    case 'minProperties':
      return { rule: 'nothing_to_change' };
    default:
      return { rule: 'invalid' };
  }
}

/**
 * Rules in the order worth telling: a field that is empty, or not an email at all, says that
 * rather than "too short". One detail per field (Ajv reports every rule a value breaks).
 */
const RULE_ORDER: readonly ValidationRule[] = ['required', 'blank', 'email', 'choice'];
const rank = (rule: ValidationRule) => {
  const at = RULE_ORDER.indexOf(rule);
  return at === -1 ? RULE_ORDER.length : at;
};

/**
 * What Ajv adds about a nullable or a union field beside the real reason ("must be null", "must
 * match a schema in anyOf"): told only when nothing more precise was said about the field (an EIN
 * or a phone that is `string | null` breaks its pattern; that is what the person is told).
 */
const UNION_NOISE = new Set(['anyOf', 'oneOf', 'type']);

/**
 * The text rules (not blank, no control characters, no broken characters: `@eligo/shared/text`) are
 * patterns: the value says which part failed, so the person is told what to fix.
 */
function textRuleOf(
  issue: ValidationIssue,
  value: unknown,
): { rule: ValidationRule; limit?: number } | null {
  const pattern = issue.params?.pattern;
  const textRule = typeof pattern === 'string' ? TEXT_RULES[pattern] : undefined;
  if (!textRule) return null;
  const problem = typeof value === 'string' ? textProblem(value, textRule) : null;
  return { rule: problem ?? (textRule.notBlank ? 'blank' : 'invalid') };
}

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
  const byPath = new Map<string, ErrorDetail & { rule: ValidationRule }>();
  const scores = new Map<string, number>();
  for (const issue of error.validation ?? []) {
    // A missing or an unexpected property: point at it, not at its parent object.
    const missing =
      issue.params?.missingProperty ??
      issue.params?.requiredProperties ??
      issue.params?.additionalProperty;
    const suffix = typeof missing === 'string' ? `/${missing}` : '';
    const path = `/${context}${issue.instancePath ?? ''}${suffix}`;
    const { rule, limit } =
      textRuleOf(issue, valueAt?.(context, issue.instancePath ?? '')) ?? ruleOf(issue);
    const score = rank(rule) + (UNION_NOISE.has(issue.keyword ?? '') ? RULE_ORDER.length + 1 : 0);
    const known = scores.get(path);
    if (known !== undefined && known <= score) continue;
    scores.set(path, score);
    byPath.set(path, {
      path,
      message: validationSentence(rule, limit),
      rule,
      ...(limit === undefined ? {} : { limit }),
    });
  }
  return [...byPath.values()];
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
        message: FIELDS_INVALID,
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
