import { Type, type Static, type TSchema } from 'typebox';
import { LINE_MAX } from '../wotc/answer-checks.ts';
import { isoDateSchema } from '../wotc/answers.ts';
import { HIRE_FIELDS, HIRE_SOURCES, type HireField } from '../filing/hire.ts';
import { TEXT_NOT_BLANK } from '../text.ts';
import { employerStateSchema } from './employer.ts';

/**
 * The hire recorded on an applicant (docs/filing.md §2): the dates Form 8850 page 2 asks for and
 * the ETA 9061's position, wage and start. Part of the applicant's DTO.
 */

const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Who set a value: Lever (by the webhook's job or the reconcile job), an admin, or a CSV upload. */
export const hireSourceSchema = Type.Enum(HIRE_SOURCES);
export type HireSource = Static<typeof hireSourceSchema>;

export const positionSchema = Type.String({
  minLength: 1,
  maxLength: LINE_MAX,
  pattern: TEXT_NOT_BLANK,
});
/** Dollars (e.g. an hourly rate, `17.25`), whole cents; `hireProblems` checks the cents. */
export const startingWageSchema = Type.Number({ minimum: 0, maximum: 10_000_000 });

/** The hire's values; any may be unknown (`null`). */
export const hireValuesSchema = Type.Object({
  /** The offer's day: Lever's offer `sentAt`, or confirmed by an admin. */
  offeredOn: orNull(isoDateSchema),
  /** The day the candidate was marked hired in Lever, or confirmed by an admin. */
  hiredOn: orNull(isoDateSchema),
  /** Lever's offer field `anticipated_start_date`: a plan, never the start date itself. */
  anticipatedStartOn: orNull(isoDateSchema),
  /** The first day of work, confirmed by an admin or a CSV: the 28-day deadline counts from it. */
  startedOn: orNull(isoDateSchema),
  position: orNull(positionSchema),
  startingWage: orNull(startingWageSchema),
  /** Where the person works: the state whose workforce agency the forms go to. */
  employedInState: orNull(employerStateSchema),
});
export type HireValues = Static<typeof hireValuesSchema>;

const sourceOrNull = orNull(hireSourceSchema);

/** Who set each value (`null` while the value is `null`), for each field of `hireValuesSchema`. */
export const hireProvenanceSchema = Type.Object(
  Object.fromEntries(HIRE_FIELDS.map((field) => [field, sourceOrNull])) as Record<
    HireField,
    typeof sourceOrNull
  >,
);
export type HireProvenance = Static<typeof hireProvenanceSchema>;

export const applicantHireSchema = Type.Object({
  ...hireValuesSchema.properties,
  /** How Eligo learned of the hire (what created this record). */
  source: hireSourceSchema,
  provenance: hireProvenanceSchema,
});
export type ApplicantHire = Static<typeof applicantHireSchema>;

/**
 * The applicant gave the information after the job offer (or after the hire when no offer date is
 * known): IRC §51(d)(13) wants it on or before the offer day. Never ready to file while set.
 */
export const screenedAfterOfferSchema = Type.Object({
  /** The survey's signing day in the organization's time zone. */
  signedOn: isoDateSchema,
  offeredOn: orNull(isoDateSchema),
  hiredOn: orNull(isoDateSchema),
  /** Which date the signing day was compared with. */
  comparedWith: Type.Union([Type.Literal('offeredOn'), Type.Literal('hiredOn')]),
});
export type ScreenedAfterOffer = Static<typeof screenedAfterOfferSchema>;
