import { Type, type Static } from 'typebox';
import { creditStatusSchema } from '../credits/credit-schemas.ts';
import { isoDateSchema } from '../wotc/answers.ts';
import { dolCodeSchema } from '../wotc/groups.ts';
import { idSchema } from './common.ts';
import { csvImportResultSchema } from './csv-import.ts';

/** Payroll, the credit ledger and the Form 5884 totals (docs/credits.md §8). */

/** The payroll CSV's header, in order (docs/credits.md §8). */
export const PAYROLL_CSV_HEADER = [
  'employee',
  'period_start',
  'period_end',
  'hours',
  'wages',
] as const;

/**
 * `POST /api/payroll/import`: every row's period is stored under (person, period_start,
 * period_end), so the same periods uploaded again replace what was stored. People Eligo knows but
 * the state has not certified (yet) are kept and listed: their credit appears once certified.
 */
export const payrollImportResultSchema = Type.Object({
  ...csvImportResultSchema.properties,
  /** People in the file without a certification (rows kept). */
  notCertified: Type.Integer({ minimum: 0 }),
  /** One entry per such person, at their first line: the first 500. */
  notCertifiedEmployees: Type.Array(
    Type.Object({
      line: Type.Integer({ minimum: 2 }),
      employee: Type.String(),
      applicantId: idSchema,
    }),
  ),
});
export type PayrollImportResult = Static<typeof payrollImportResultSchema>;

/** A tax year, named by the year it begins in; the server refuses one outside the rule table. */
export const taxYearSchema = Type.Integer({ minimum: 1900, maximum: 2999 });

export const creditsQuerySchema = Type.Object(
  {
    /** Default: the tax year holding today. */
    taxYear: Type.Optional(taxYearSchema),
  },
  { additionalProperties: false },
);
export type CreditsQuery = Static<typeof creditsQuerySchema>;

const money = Type.Number({ minimum: 0 });
const rate = Type.Number({ minimum: 0, maximum: 1 });

/** One certified hire in one tax year. */
export const creditLineSchema = Type.Object({
  applicantId: idSchema,
  name: Type.String(),
  /** The certified target group (DOL code): decides the cap. */
  targetGroup: dolCodeSchema,
  startedOn: isoDateSchema,
  terminatedOn: Type.Union([isoDateSchema, Type.Null()]),
  status: creditStatusSchema,
  /** First-year hours so far (they decide the rate). */
  hours: Type.Number({ minimum: 0 }),
  /** Wages paid in this tax year within the credited years. */
  wages: money,
  /** The rate the first year's hours reached: 0, 0.25 or 0.4. */
  rate,
  /** First-year wages of this tax year that count (capped), on Form 5884 line 1a or 1b. */
  qualifiedWages: money,
  /** Long-term family assistance second-year wages of this tax year that count (line 1c). */
  secondYearQualifiedWages: money,
  /** This tax year's credit from the payroll so far. */
  creditToDate: money,
  /** The whole credit (every tax year) the hire is on course for (docs/credits.md §5). */
  projectedCredit: money,
});
export type CreditLine = Static<typeof creditLineSchema>;

/** Form 5884 for the tax year: 1a wages at 25 %, 1b at 40 %, 1c second-year wages at 50 %. */
export const creditTotalsSchema = Type.Object({
  wagesAt40: money,
  wagesAt25: money,
  secondYearWagesAt50: money,
  /** The lines' credits added up (each hire's credit to the cent). */
  credit: money,
  /** The hires' projected credits, every tax year together. */
  projectedCredit: money,
});
export type CreditTotals = Static<typeof creditTotalsSchema>;

/** The credit of the wages paid in one month (`YYYY-MM`, the month of the periods' end). */
export const monthCreditSchema = Type.Object({
  month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
  credit: money,
});

/** One target group's hires on the ledger and their credit in the tax year. */
export const targetGroupCreditSchema = Type.Object({
  targetGroup: dolCodeSchema,
  name: Type.String(),
  hires: Type.Integer({ minimum: 0 }),
  credit: money,
});

export const creditLedgerSchema = Type.Object({
  taxYear: Type.Integer(),
  /** First and last day of the tax year (the employer's `taxYearStartMonth`). */
  from: isoDateSchema,
  through: isoDateSchema,
  /** The program end in force (`WOTC_AUTHORIZED_THROUGH`). */
  authorizedThrough: isoDateSchema,
  lines: Type.Array(creditLineSchema),
  totals: creditTotalsSchema,
  /** The tax year's twelve months, oldest first; they add up to `totals.credit` to the cent. */
  byMonth: Type.Array(monthCreditSchema),
  /** The lines by certified target group, largest credit first. */
  byTargetGroup: Type.Array(targetGroupCreditSchema),
});
export type CreditLedger = Static<typeof creditLedgerSchema>;

export const form5884CsvSchema = Type.String({
  description: 'text/csv: Form 5884 lines 1a, 1b, 1c and 2 for the tax year',
});

export const terminationBodySchema = Type.Object(
  {
    /** The last day worked; `null` clears it (the person still works there). */
    terminatedOn: Type.Union([isoDateSchema, Type.Null()]),
  },
  { additionalProperties: false },
);
export type TerminationBody = Static<typeof terminationBodySchema>;

export const terminationSchema = Type.Object({
  applicantId: idSchema,
  terminatedOn: Type.Union([isoDateSchema, Type.Null()]),
});
export type Termination = Static<typeof terminationSchema>;
