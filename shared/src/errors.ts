import { Type, type Static } from 'typebox';

/** Every error code the API can answer with. Server and web both key on these, never on messages. */
export const ErrorCode = {
  BadRequest: 'BAD_REQUEST',
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  CsrfRejected: 'CSRF_REJECTED',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  InvitationInvalid: 'INVITATION_INVALID',
  SignupClosed: 'SIGNUP_CLOSED',
  /** Unknown, malformed, expired, revoked or already used survey link: one answer for all. */
  SurveyLinkInvalid: 'SURVEY_LINK_INVALID',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited: 'RATE_LIMITED',
  MailFailed: 'MAIL_FAILED',
  Internal: 'INTERNAL',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',

  // --- Lever integration (server/src/modules/lever) ---
  /** The server has no LEVER_* settings: nothing can be connected. */
  LeverNotConfigured: 'LEVER_NOT_CONFIGURED',
  /** The integration lost its Lever authorization (revoked or expired): reconnect first. */
  IntegrationDisconnected: 'INTEGRATION_DISCONNECTED',
  /** Lever did not answer, or answered 429/5xx: try again later. */
  LeverUnavailable: 'LEVER_UNAVAILABLE',
  /** Lever refused the request (4xx other than 429). */
  LeverRejected: 'LEVER_REJECTED',
  /** A webhook delivery whose signature matches none of the integration's signature tokens. */
  WebhookSignatureInvalid: 'WEBHOOK_SIGNATURE_INVALID',
  /** A correctly signed webhook delivery older than the replay window (or from the future). */
  WebhookStale: 'WEBHOOK_STALE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorDetailSchema = Type.Object({
  /** JSON-pointer-like path of the offending field, e.g. `/body/email`. */
  path: Type.String(),
  message: Type.String(),
});
export type ErrorDetail = Static<typeof errorDetailSchema>;

/** The one error body of the API: `{ statusCode, code, message, details? }`. */
export const errorBodySchema = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Array(errorDetailSchema)),
});
export type ErrorBody = Static<typeof errorBodySchema>;

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.statusCode === 'number' && typeof v.code === 'string' && typeof v.message === 'string'
  );
}
