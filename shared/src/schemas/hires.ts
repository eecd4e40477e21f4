import { Type, type Static, type TSchema } from 'typebox';
import { isoDateSchema } from '../wotc/answers.ts';
import { reasonSchema } from './applicants.ts';
import { isoDateTimeSchema } from './common.ts';
import { csvImportResultSchema } from './csv-import.ts';
import { employerStateSchema } from './employer.ts';
import { positionSchema, startingWageSchema } from './hire.ts';

/** Recording hires: an admin's confirmation, a CSV upload, and a reconcile run (docs/filing.md §2). */

const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * `PUT /api/applicants/:applicantId/hire`: the hire as the admin confirms it. Every key is present
 * (`null` = not known); each value sent becomes the admin's (confirmed). The server also checks
 * `hireProblems` (dates in order, whole cents: `HIRE_DATES_INVALID`) and asks for `reason` when a
 * confirmed value changes (`mergeHire(…).overwritesConfirmed`: `HIRE_REASON_REQUIRED`).
 * Lever's anticipated start is not part of it: only Lever sets that.
 */
export const putHireBodySchema = Type.Object(
  {
    offeredOn: orNull(isoDateSchema),
    hiredOn: orNull(isoDateSchema),
    startedOn: orNull(isoDateSchema),
    position: orNull(positionSchema),
    startingWage: orNull(startingWageSchema),
    employedInState: orNull(employerStateSchema),
    reason: Type.Optional(reasonSchema),
  },
  { additionalProperties: false },
);
export type PutHireBody = Static<typeof putHireBodySchema>;

/**
 * The answer to a valid file (`csvImportResultSchema`: a file with any bad row is a
 * `400 CSV_INVALID` listing every error by line and column, and changes nothing). Each data row
 * counts once: `created` (a hire recorded on a screened applicant who had none), `updated`,
 * `unchanged` (the same file uploaded again is all `unchanged`), `unknown` (nobody Eligo screened:
 * reported, never invented).
 */
export const hiresImportResultSchema = Type.Object({
  ...csvImportResultSchema.properties,
  unknown: Type.Integer({ minimum: 0 }),
  /** The rows counted as `unknown`, in file order: the first 500 (`unknown` counts them all). */
  unknownEmployees: Type.Array(
    Type.Object({
      /** Line in the file (the header is line 1). */
      line: Type.Integer({ minimum: 2 }),
      employee: Type.String(),
      /** `not_found`: no applicant; `ambiguous`: an email that matches several people. */
      reason: Type.Union([Type.Literal('not_found'), Type.Literal('ambiguous')]),
    }),
  ),
});
export type HiresImportResult = Static<typeof hiresImportResultSchema>;

/**
 * `POST /api/integrations/:integrationId/reconcile` answers `202`: the run is queued (or one was
 * already waiting or running, which this request joins: runs never overlap).
 */
export const reconcileAcceptedSchema = Type.Object({
  alreadyQueued: Type.Boolean(),
  /** When the run that will do the work was requested. */
  requestedAt: isoDateTimeSchema,
});
export type ReconcileAccepted = Static<typeof reconcileAcceptedSchema>;
