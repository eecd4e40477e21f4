import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import {
  PROGRAM_RULES,
  anniversary,
  creditByMonth,
  creditByTargetGroup,
  creditFor,
  creditWindows,
  projectedCredit,
  ruleSetFor,
  taxYearByMonth,
  taxYearOf,
  taxYearWindow,
  type CreditInput,
  type DateWindow,
  type MonthCredit,
} from '@eligo/shared/credits';
import { ErrorCode } from '@eligo/shared/errors';
import { effectiveTaxYearStartMonth, effectiveTimeZone, todayIn } from '@eligo/shared/filing';
import { addDays } from '@eligo/shared/wotc/dates';
import type { CreditLedger, CreditLine } from '@eligo/shared/schemas/credits';
import { AppError } from '../../lib/app-error.ts';
import { throughCopyJson } from '../../lib/db/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { loadEmployerProfile } from '../organizations/index.ts';
import { certifiedHires, type CertifiedHire } from './certified-hires.ts';
import {
  payrollPeriodModel,
  toDollars,
  toHours,
  type PayrollPeriod,
} from './payroll-period.model.ts';
import { terminationModel } from './termination.model.ts';

/** Raise it when the ledger's computation changes: stored copies of the old one stop being served. */
const LEDGER_FORMAT = 1;
/** The rule table's content, in the stored copies' key: new rules, new ledgers. */
const RULES = createHash('sha256').update(JSON.stringify(PROGRAM_RULES)).digest('hex').slice(0, 16);

const overlaps = (a: DateWindow, b: DateWindow) => a.from <= b.through && b.from <= a.through;

/**
 * Tax years the rule table can have credit in: from the one holding the first rule set's first
 * start date to the one holding the last day of group I's second year of a hire on the program's
 * last day. Derived from `WOTC_AUTHORIZED_THROUGH`, so an extension opens the later years; a
 * July–June employer's range starts a year earlier (its 2015 runs to June 2016).
 */
export function taxYearRange(
  authorizedThrough: string,
  startMonth: number,
): { first: number; last: number } {
  return {
    first: taxYearOf(PROGRAM_RULES[0]!.startedFrom, startMonth),
    last: taxYearOf(addDays(anniversary(authorizedThrough, 2), -1), startMonth),
  };
}

/**
 * What `creditFor` is asked for each hire. The organization's periods and terminations are read
 * whole, by the index's prefix: asking for 10,000 hires' ids with `$in` took DocumentDB 20 s
 * where the whole organization's 100,000 periods took 3 s (`test/bench/credits.bench.ts`).
 */
async function creditInputs(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  hires: CertifiedHire[],
  taxYearStartMonth: number,
) {
  const [periods, terminations] = await Promise.all([
    scoped(payrollPeriodModel(app.mongo), organizationId)
      .find(
        {},
        { _id: 0, applicantId: 1, periodStart: 1, periodEnd: 1, hundredthsOfHours: 1, cents: 1 },
      )
      .lean<PayrollPeriod[]>(),
    scoped(terminationModel(app.mongo), organizationId)
      .find({}, { terminatedOn: 1 })
      .lean<Array<{ _id: Types.ObjectId; terminatedOn: string }>>(),
  ]);
  const periodsOf = new Map<string, CreditInput['periods']>();
  for (const p of periods) {
    const id = p.applicantId.toHexString();
    const list = periodsOf.get(id) ?? [];
    list.push({
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      hours: toHours(p.hundredthsOfHours),
      wages: toDollars(p.cents),
    });
    periodsOf.set(id, list);
  }
  const terminatedOn = new Map(terminations.map((t) => [t._id.toHexString(), t.terminatedOn]));
  return hires.map((hire) => {
    const id = hire.applicantId.toHexString();
    const end = terminatedOn.get(id);
    const input: CreditInput = {
      targetGroup: hire.targetGroup,
      startedOn: hire.startedOn,
      periods: periodsOf.get(id) ?? [],
      taxYearStartMonth,
      authorizedThrough: app.config.wotcAuthorizedThrough,
      // A termination recorded before the start (a data error) cannot end what has not begun.
      ...(end && end >= hire.startedOn ? { terminatedOn: end } : {}),
    };
    return { hire, input };
  });
}

/**
 * One hire's line in `taxYear` with its credit by month, or null when none of its credited time
 * falls in that year.
 */
function lineOf(
  hire: CertifiedHire,
  input: CreditInput,
  taxYear: number,
): { line: CreditLine; byMonth: MonthCredit[] } | null {
  let result;
  try {
    result = creditFor(input);
  } catch {
    // Started before the rule table (2016) or a summer youth outside the season: no credit to show.
    return null;
  }
  const year = taxYearWindow(taxYear, input.taxYearStartMonth);
  const share = result.byTaxYear[String(taxYear)];
  const lookup = ruleSetFor(input.startedOn, { authorizedThrough: input.authorizedThrough });
  if (lookup.status === 'unknown') return null;
  const windows = creditWindows(input.targetGroup, input.startedOn, lookup.ruleSet);
  const inYear =
    share || overlaps(windows.first, year) || (windows.second && overlaps(windows.second, year));
  if (!inYear) return null;
  const line: CreditLine = {
    applicantId: hire.applicantId.toHexString(),
    name: hire.name,
    targetGroup: hire.targetGroup,
    startedOn: hire.startedOn,
    terminatedOn: input.terminatedOn ?? null,
    status: result.status,
    hours: result.firstYear.hours,
    wages: share ? share.firstYearWages + share.secondYearWages : 0,
    rate: result.firstYear.rate,
    qualifiedWages: share?.firstYearQualifiedWages ?? 0,
    secondYearQualifiedWages: share?.secondYearQualifiedWages ?? 0,
    creditToDate: share?.credit ?? 0,
    projectedCredit: projectedCredit(input, result),
  };
  return { line, byMonth: share ? creditByMonth(input) : [] };
}

const sumCents = (values: number[]) =>
  values.reduce((sum, v) => sum + Math.round(v * 100), 0) / 100;

/** `GET /api/credits`: the tax year's lines, one per certified hire, and the Form 5884 totals. */
export async function creditLedger(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  requested: number | undefined,
): Promise<CreditLedger> {
  return JSON.parse(await creditLedgerJson(app, organizationId, requested)) as CreditLedger;
}

/** `creditLedger` as JSON, as its stored copy holds it: what the route sends. */
export async function creditLedgerJson(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  requested: number | undefined,
): Promise<string> {
  const authorizedThrough = app.config.wotcAuthorizedThrough;
  const profile = await loadEmployerProfile(app, organizationId);
  const startMonth = effectiveTaxYearStartMonth(profile);
  // Default: the tax year holding today in the employer's zone (a fiscal one when it has one).
  const taxYear =
    requested ?? taxYearOf(todayIn(effectiveTimeZone(profile), app.clock.now()), startMonth);
  const range = taxYearRange(authorizedThrough, startMonth);
  if (taxYear < range.first || taxYear > range.last) {
    throw new AppError(
      ErrorCode.TaxYearOutOfRange,
      `There is no WOTC credit for tax year ${taxYear}: the rules cover tax years ${range.first} to ${range.last} (program authorized for hires through ${authorizedThrough})`,
    );
  }
  // Kept while nothing it is computed from changes (docs/credits.md §10).
  return throughCopyJson(app, {
    name: `credit-ledger:${taxYear}`,
    organizationId,
    reads: ['hires', 'payroll'],
    parts: [LEDGER_FORMAT, RULES, authorizedThrough, startMonth],
    compute: () => computeLedger(app, organizationId, taxYear, startMonth),
  });
}

/** The tax year's ledger from the hires and the payroll as they are now. */
async function computeLedger(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  taxYear: number,
  startMonth: number,
): Promise<CreditLedger> {
  const authorizedThrough = app.config.wotcAuthorizedThrough;
  const hires = await certifiedHires(app, organizationId);
  const inputs = await creditInputs(app, organizationId, hires, startMonth);
  const found = inputs.flatMap(({ hire, input }) => lineOf(hire, input, taxYear) ?? []);
  const lines = found.map((f) => f.line);
  const at = (rate: number) =>
    lines.filter((line) => line.rate === rate).map((line) => line.qualifiedWages);
  const window = taxYearWindow(taxYear, startMonth);
  return {
    taxYear,
    from: window.from,
    through: window.through,
    authorizedThrough,
    lines,
    totals: {
      wagesAt40: sumCents(at(0.4)),
      wagesAt25: sumCents(at(0.25)),
      secondYearWagesAt50: sumCents(lines.map((line) => line.secondYearQualifiedWages)),
      credit: sumCents(lines.map((line) => line.creditToDate)),
      projectedCredit: sumCents(lines.map((line) => line.projectedCredit)),
    },
    byMonth: taxYearByMonth(
      taxYear,
      startMonth,
      found.map((f) => f.byMonth),
    ),
    byTargetGroup: creditByTargetGroup(lines),
  };
}
