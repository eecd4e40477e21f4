import { Type, type Static } from 'typebox';
import { isoDateSchema } from '../wotc/answers.ts';
import { dolCodeSchema } from '../wotc/groups.ts';

/**
 * What `creditFor` takes and returns (docs/credits.md). Amounts are US dollars with cents; inside,
 * everything is counted in whole cents and hundredths of an hour so sums never drift.
 */

/** One pay period of one hire, as payroll reports it. */
export const payPeriodSchema = Type.Object({
  periodStart: isoDateSchema,
  /** Decides the employment year and the tax year the whole period counts in. */
  periodEnd: isoDateSchema,
  hours: Type.Number({ minimum: 0 }),
  /** Gross wages in dollars (rounded to the cent before anything else). */
  wages: Type.Number({ minimum: 0 }),
});
export type PayPeriod = Static<typeof payPeriodSchema>;

export const creditInputSchema = Type.Object({
  /** The certified target group, as its DOL code; decides the wage cap. */
  targetGroup: dolCodeSchema,
  /** The day the person began work: starts the first year and picks the rule set. */
  startedOn: isoDateSchema,
  /** Ends the projection; pay periods that start after it are not counted. */
  terminatedOn: Type.Optional(isoDateSchema),
  /** Employed by this employer at any time before `startedOn` (IRC §51(i)(2)): no credit. */
  rehire: Type.Optional(Type.Boolean()),
  periods: Type.Array(payPeriodSchema),
  /** First month of the employer's tax year (fiscal year); default 1, the calendar year. */
  taxYearStartMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  /** Operator's authorization end (`WOTC_AUTHORIZED_THROUGH`); default the rule table's. */
  authorizedThrough: Type.Optional(isoDateSchema),
});
export type CreditInput = Static<typeof creditInputSchema>;

export const CREDIT_STATUSES = [
  /** The first year's hours reached the minimum: the credit below is owed to date. */
  'credited',
  /** Fewer than 120 first-year hours so far (final once terminated or the year is over). */
  'below_minimum_hours',
  /** Worked for this employer before: never a credit. */
  'rehire',
  /** Began work after the authorization end: zero until Congress extends the program. */
  'program_not_authorized',
] as const;
export const creditStatusSchema = Type.Enum(CREDIT_STATUSES);
export type CreditStatus = Static<typeof creditStatusSchema>;

const money = Type.Number({ minimum: 0 });
/** A rate from the rule table: today 0, 0.25 or 0.4 (a number, so a new rule set needs no schema change). */
const rateSchema = Type.Number({ minimum: 0, maximum: 1 });

/** What both employment years report. */
const employmentYearFields = {
  /** The credited window: one year (summer youth: 90 days; second year: the year after). */
  from: isoDateSchema,
  through: isoDateSchema,
  wages: money,
  /** The wage cap under the hire's rule set. */
  cap: money,
  /** Wages up to the cap, paid first; 0 while the rate is 0 (IRC §51(i)(3)(B)). */
  qualifiedWages: money,
  credit: money,
};

export const firstYearCreditSchema = Type.Object({
  ...employmentYearFields,
  hours: Type.Number({ minimum: 0 }),
  /** Reached by the first year's hours so far: 0 under 120, 0.25 under 400, else 0.4. */
  rate: rateSchema,
});
export type FirstYearCredit = Static<typeof firstYearCreditSchema>;

/** Long-term family assistance (I) only: the year after the first, at 50 %. */
export const secondYearCreditSchema = Type.Object(employmentYearFields);
export type SecondYearCredit = Static<typeof secondYearCreditSchema>;

/** One tax year's share: the Form 5884 lines this hire adds to. */
export const taxYearCreditSchema = Type.Object({
  firstYearWages: money,
  /** On line 1a (rate 0.25) or 1b (rate 0.4) of that year's Form 5884. */
  firstYearQualifiedWages: money,
  firstYearCredit: money,
  /**
   * The rate the hours had reached by the end of this tax year. Lower than `firstYear.rate` when
   * the hire crossed 120 or 400 hours in a later tax year: this year's figure grew after it closed
   * (an amended return if it was already filed).
   */
  rateAtYearEnd: rateSchema,
  secondYearWages: money,
  /** On line 1c (50 %). */
  secondYearQualifiedWages: money,
  secondYearCredit: money,
  credit: money,
});
export type TaxYearCredit = Static<typeof taxYearCreditSchema>;

export const creditResultSchema = Type.Object({
  targetGroup: dolCodeSchema,
  /** Id of the program rule set applied (program-rules.ts). */
  ruleSet: Type.String(),
  status: creditStatusSchema,
  firstYear: firstYearCreditSchema,
  secondYear: Type.Union([secondYearCreditSchema, Type.Null()]),
  /** First-year plus second-year credit; equals the sum of `byTaxYear` to the cent. */
  total: money,
  /** Keyed by tax year (`'2025'`): the year a fiscal year begins in. Only years with pay periods. */
  byTaxYear: Type.Record(Type.String({ pattern: '^\\d{4}$' }), taxYearCreditSchema),
  /** Pay periods outside both credited windows, or starting after the termination date. */
  excludedPeriods: Type.Integer({ minimum: 0 }),
});
export type CreditResult = Static<typeof creditResultSchema>;
