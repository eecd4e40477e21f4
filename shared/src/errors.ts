import { Type, type Static } from 'typebox';

/**
 * Every error code the API can answer with. Server and web both key on these, never on messages.
 * Add a code in the block of your domain, then its HTTP status in `errorStatus` below (a code
 * without a status is a type error there and fails errors.test.ts).
 */
export const ErrorCode = {
  // Requests in general
  BadRequest: 'BAD_REQUEST',
  ValidationFailed: 'VALIDATION_FAILED',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  HeadersTooLarge: 'HEADERS_TOO_LARGE',
  RequestTimeout: 'REQUEST_TIMEOUT',
  RateLimited: 'RATE_LIMITED',
  Internal: 'INTERNAL',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /**
   * An uploaded CSV file has errors (header, cells, rows that contradict each other): nothing was
   * imported. `details` lists them by `line` and `column` (the first ones only, `totalDetails` says
   * how many there were).
   */
  CsvInvalid: 'CSV_INVALID',

  // Access, sessions and request origin
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  CsrfRejected: 'CSRF_REJECTED',
  /** The request named a host this server does not serve (DNS rebinding, a stray proxy). */
  HostNotAllowed: 'HOST_NOT_ALLOWED',

  // Accounts
  InvalidCredentials: 'INVALID_CREDENTIALS',
  InvitationInvalid: 'INVITATION_INVALID',
  /** Unknown, expired or already used password-reset link: one answer for all. */
  ResetLinkInvalid: 'RESET_LINK_INVALID',
  SignupClosed: 'SIGNUP_CLOSED',
  /** An open sign-up's confirmation link that expired or was already used. */
  SignupLinkInvalid: 'SIGNUP_LINK_INVALID',
  MailFailed: 'MAIL_FAILED',

  // Survey
  /** Unknown, malformed, expired, revoked or already used survey link: one answer for all. */
  SurveyLinkInvalid: 'SURVEY_LINK_INVALID',

  // Lever integration (server/src/modules/lever)
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

  // Applicants (server/src/modules/applicants: dashboard, applicant page)
  /** The action does not fit the applicant's state (e.g. resend after the survey was answered). */
  ApplicantActionUnavailable: 'APPLICANT_ACTION_UNAVAILABLE',

  // Hires and filing (docs/filing.md; `@eligo/shared/filing` decides when each applies)
  /** Hire dates out of order (a start before the hire, a hire before the offer). */
  HireDatesInvalid: 'HIRE_DATES_INVALID',
  /** A change to a value a person confirmed needs a reason (`PUT …/hire`). */
  HireReasonRequired: 'HIRE_REASON_REQUIRED',
  /** The forms need the employer profile, which is incomplete. */
  EmployerProfileIncomplete: 'EMPLOYER_PROFILE_INCOMPLETE',
  /** The forms need the start, offer and hire dates, and one is not known. */
  HireDatesMissing: 'HIRE_DATES_MISSING',
  /** The ETA 9061 needs the position and starting wage, and the packet the state of employment. */
  HireDetailsMissing: 'HIRE_DETAILS_MISSING',
  /** The applicant has not signed the survey (Form 8850 page 1). */
  ApplicantSignatureMissing: 'APPLICANT_SIGNATURE_MISSING',
  /** No admin has signed for the employer (Form 8850 page 2). */
  EmployerSignatureMissing: 'EMPLOYER_SIGNATURE_MISSING',
  /** The survey was signed after the job offer: the request cannot be filed as ready. */
  ScreenedAfterOffer: 'SCREENED_AFTER_OFFER',
  /** The filing status cannot move that way (e.g. certifying what was never submitted). */
  FilingTransitionInvalid: 'FILING_TRANSITION_INVALID',

  // Credits (docs/credits.md §8)
  /** A tax year the rule table has no credit for (before its first rule set, after the program). */
  TaxYearOutOfRange: 'TAX_YEAR_OUT_OF_RANGE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The HTTP status of every error code: the one place it is decided (the server reads it). */
export const errorStatus = {
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.HeadersTooLarge]: 431,
  [ErrorCode.RequestTimeout]: 408,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.Internal]: 500,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.CsvInvalid]: 400,

  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.CsrfRejected]: 403,
  [ErrorCode.HostNotAllowed]: 421,

  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.InvitationInvalid]: 400,
  [ErrorCode.ResetLinkInvalid]: 400,
  [ErrorCode.SignupClosed]: 403,
  [ErrorCode.SignupLinkInvalid]: 400,
  [ErrorCode.MailFailed]: 502,

  [ErrorCode.SurveyLinkInvalid]: 404,

  [ErrorCode.LeverNotConfigured]: 409,
  [ErrorCode.IntegrationDisconnected]: 409,
  [ErrorCode.LeverUnavailable]: 503,
  [ErrorCode.LeverRejected]: 502,
  [ErrorCode.WebhookSignatureInvalid]: 401,
  [ErrorCode.WebhookStale]: 401,

  [ErrorCode.ApplicantActionUnavailable]: 409,

  [ErrorCode.HireDatesInvalid]: 400,
  [ErrorCode.HireReasonRequired]: 400,
  [ErrorCode.EmployerProfileIncomplete]: 409,
  [ErrorCode.HireDatesMissing]: 409,
  [ErrorCode.HireDetailsMissing]: 409,
  [ErrorCode.ApplicantSignatureMissing]: 409,
  [ErrorCode.EmployerSignatureMissing]: 409,
  [ErrorCode.ScreenedAfterOffer]: 409,
  [ErrorCode.FilingTransitionInvalid]: 409,

  [ErrorCode.TaxYearOutOfRange]: 400,
} as const satisfies Record<ErrorCode, number>;

/** The generic codes, one per status, of errors that carry only an HTTP status. */
const GENERIC_CODES = [
  ErrorCode.BadRequest,
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.NotFound,
  ErrorCode.RequestTimeout,
  ErrorCode.Conflict,
  ErrorCode.PayloadTooLarge,
  ErrorCode.UnsupportedMediaType,
  ErrorCode.RateLimited,
  ErrorCode.HeadersTooLarge,
  ErrorCode.ServiceUnavailable,
] as const;

/**
 * The code for an error that carries only an HTTP status (Fastify's own 4xx errors: a body too
 * large, an unsupported content type…): the generic code of that status, if there is one.
 */
export function genericCodeOfStatus(status: number): ErrorCode | undefined {
  return GENERIC_CODES.find((code) => errorStatus[code] === status);
}

export const errorDetailSchema = Type.Object({
  /**
   * JSON-pointer-like path of the offending field, e.g. `/body/email`; for a CSV upload
   * `/body/<line>/<column>` (`/body/12/wages`), or `/body/<line>` for the line as a whole.
   */
  path: Type.String(),
  /** CSV uploads: the line of the file, counting the header as line 1. */
  line: Type.Optional(Type.Integer({ minimum: 1 })),
  /** CSV uploads: the column's name in the header. */
  column: Type.Optional(Type.String()),
  /** A sentence for people (`validationSentence` in `@eligo/shared/validation-text`). */
  message: Type.String(),
  /**
   * Which rule the value broke, for a client that words it itself (the survey, in Spanish): a
   * `ValidationRule`, or for survey answers the answer check's code (`invalid_ssn`…).
   */
  rule: Type.Optional(Type.String()),
  /** The number the rule is about (a length, a minimum), when it has one. */
  limit: Type.Optional(Type.Number()),
});
export type ErrorDetail = Static<typeof errorDetailSchema>;

/** The one error body of the API: `{ statusCode, code, message, details?, totalDetails? }`. */
export const errorBodySchema = Type.Object({
  statusCode: Type.Integer(),
  code: Type.Enum(ErrorCode),
  message: Type.String(),
  details: Type.Optional(Type.Array(errorDetailSchema)),
  /** How many details there were in all, when `details` holds only the first of them. */
  totalDetails: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ErrorBody = Static<typeof errorBodySchema>;

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.statusCode === 'number' && typeof v.code === 'string' && typeof v.message === 'string'
  );
}
