import { type TSchema, Type } from 'typebox';
import type { Switches } from '../options.ts';

const oneOf = <T extends string | number>(...values: T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

/**
 * An integer or null as one JSON-schema `type` list: in a union, Fastify's type coercion would turn
 * a refused `0` into `null` and accept it.
 */
const integerOrNull = (range: { minimum: number; maximum?: number }) =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], ...range });

/**
 * The values each switch takes, so `PATCH /_emulator/switches` refuses a typo (`'rejects'`, `"5"`
 * for a boolean) with a 400 instead of silently storing a value no code path checks for.
 * `satisfies` keeps this list complete: a new switch without a schema does not compile.
 */
const switchValues = {
  revokedAccessTokens: oneOf('immediate', 'at-expiry'),
  invalidGrantStatus: oneOf(400, 403),
  refreshReuseRevokesFamily: Type.Boolean(),
  revokeDeletesAppWebhooks: Type.Boolean(),
  nonSuperAdminErrorDescription: Type.String({ minLength: 1 }),
  authorizationCodeTtlSeconds: Type.Integer({ minimum: 1 }),
  eventGroupsEnabledByDefault: Type.Boolean(),
  includeCandidateId: Type.Boolean(),
  includeEventId: Type.Boolean(),
  retryToken: oneOf('same', 'fresh'),
  rerunToken: oneOf('same', 'fresh'),
  duplicateDeliveries: Type.Boolean(),
  createWebhookResponse: oneOf('single', 'double'),
  createWebhookEchoesConditions: Type.Boolean(),
  webhookListScope: oneOf('account', 'client'),
  apiMayDeleteUiWebhooks: Type.Boolean(),
  uiMayDeleteApiWebhooks: Type.Boolean(),
  updateMayChangeEvent: Type.Boolean(),
  retryAfterSeconds: integerOrNull({ minimum: 0 }),
  expandApplicationsNeedsScope: Type.Boolean(),
  uiCanRegenerateToken: Type.Boolean(),
  withheldScopes: Type.Array(Type.String()),
  applicationCreatedData: oneOf('opportunityId', 'candidateIdOnly'),
  webhooksApi: oneOf('enabled', 'disabled'),
  duplicateWebhookUrls: oneOf('allow', 'reject'),
  tokenResponseScope: oneOf('present', 'omitted'),
  webhookListPageSize: integerOrNull({ minimum: 1, maximum: 100 }),
  regionRedirect: Type.Boolean(),
  hiredArchiveReasonShape: oneOf('list', 'object'),
} satisfies Record<keyof Switches, TSchema>;

/** Body of `PATCH /_emulator/switches`: any subset; unknown names are refused by the handler. */
export const switchesPatch = Type.Partial(
  Type.Object(switchValues, { additionalProperties: true }),
);
