import { Type, type Static } from 'typebox';

const count = Type.Integer({ minimum: 0 });

/**
 * `GET /api/home/todo`: what the admin home lists as things to do (docs/applicants.md, "The
 * home's to-do list"). Each count links to the screen where it is done; all zero is "nothing to
 * do". Lever's own state comes from the integrations list, which only admins may read.
 */
export const homeTodoSchema = Type.Object({
  /** Applicants Lever gave no email address: the survey cannot be sent until one is set. */
  missingEmail: count,
  /** Open survey links that stop working within `expiringWithinHours`. */
  surveysExpiringSoon: count,
  expiringWithinHours: count,
  /** Applicants whose Lever tag could not be written (failed or given up). */
  failedTags: count,
  /** Hires with no confirmed start date: no filing deadline can be counted yet. */
  hiresNeedingStartDate: count,
  /** Hires whose filing is overdue or due within 7 days. */
  filingsDue: count,
});
export type HomeTodo = Static<typeof homeTodoSchema>;

const dollars = Type.Number({ minimum: 0 });
const potential = Type.Object({
  /** Pre-qualified applicants who submitted the survey in the period. */
  applicants: count,
  /** The sum of their maximum potential credit, in dollars (what the hires among them could earn). */
  amount: dollars,
});

/**
 * `GET /api/home/credit`: where the money is (docs/credits.md, "The home's credit figures"). The
 * potential credit of the screened applicants, this month and this year in the employer's time
 * zone and by posting; then, of the hires, what the state has yet to certify and what the certified
 * ones earned in this tax year (the Credits screen's totals).
 */
export const homeCreditSchema = Type.Object({
  /** `YYYY-MM`, the employer's current month. */
  month: Type.String(),
  year: Type.Integer(),
  thisMonth: potential,
  thisYear: potential,
  /** This year's potential credit by posting, the largest first (at most 5). */
  byPosting: Type.Array(
    Type.Object({
      postingTitle: Type.Union([Type.String(), Type.Null()]),
      applicants: count,
      amount: dollars,
    }),
  ),
  /** Pre-qualified hires filed with the state that has not decided yet (submitted or held). */
  awaitingCertification: potential,
  /**
   * The certified hires' credit in this tax year: earned from the payroll so far, and projected to
   * the end of their credit years; null when the program's rules do not cover this tax year.
   */
  credits: Type.Union([
    Type.Object({ taxYear: Type.Integer(), earned: dollars, projected: dollars }),
    Type.Null(),
  ]),
});
export type HomeCredit = Static<typeof homeCreditSchema>;
