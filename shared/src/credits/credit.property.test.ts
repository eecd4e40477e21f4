import fc from 'fast-check';
import Value from 'typebox/value';
import { describe, expect, test } from 'vitest';
import { groupAmounts, targetGroup, type DolCode } from '../wotc/groups.ts';
import { addDays } from '../wotc/dates.ts';
import { CURRENT_RULE_SET } from '../wotc/program-rules.ts';
import { inputArb } from './credit-arbitraries.ts';
import { creditFor } from './credit-for.ts';
import { creditWindows, inWindow, taxYearOf } from './credit-periods.ts';
import {
  creditInputSchema,
  creditResultSchema,
  type CreditInput,
  type CreditResult,
  type PayPeriod,
} from './credit-schemas.ts';
import { projectedCredit } from './projected-credit.ts';

const cents = (dollars: number) => Math.round(dollars * 100);

/** A period that counts in the first year, where more hours can move the rate. */
const firstYearIndex = (input: CreditInput): number => {
  const { first } = creditWindows(input.targetGroup, input.startedOn, CURRENT_RULE_SET);
  return input.periods.findIndex((p) => inWindow(p.periodEnd, first));
};

const maxFor = (code: DolCode) => groupAmounts(targetGroup(code).capCategory).maxCredit;

const sumCents = (result: CreditResult, pick: (t: CreditResult['byTaxYear'][string]) => number) =>
  Object.values(result.byTaxYear).reduce((s, t) => s + cents(pick(t)), 0);

describe('credit properties', () => {
  test('never more than cap × top rate (plus the 50 % second year for group I)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = creditFor(input);
        const { wageCaps, fullRate } = CURRENT_RULE_SET;
        const cap = wageCaps[targetGroup(input.targetGroup).capCategory];
        expect(result.firstYear.credit).toBeLessThanOrEqual(cap * fullRate);
        expect(result.firstYear.credit).toBeLessThanOrEqual(
          result.firstYear.cap * result.firstYear.rate + 0.005,
        );
        expect(result.total).toBeLessThanOrEqual(maxFor(input.targetGroup));
        if (input.rehire) expect(result.total).toBe(0);
      }),
    );
  });

  test('inputs and results fit their schemas (the API can serve them as they are)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(Value.Check(creditInputSchema, input)).toBe(true);
        expect(Value.Check(creditResultSchema, creditFor(input))).toBe(true);
      }),
    );
  });

  test('total is the sum of the tax years, to the cent, line by line', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = creditFor(input);
        expect(sumCents(result, (t) => t.credit)).toBe(cents(result.total));
        expect(sumCents(result, (t) => t.firstYearCredit)).toBe(cents(result.firstYear.credit));
        expect(sumCents(result, (t) => t.firstYearQualifiedWages)).toBe(
          cents(result.firstYear.qualifiedWages),
        );
        expect(sumCents(result, (t) => t.secondYearCredit)).toBe(
          cents(result.secondYear?.credit ?? 0),
        );
      }),
    );
  });

  test('more first-year hours with the same wages never lower the credit', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 50_000 }), (input, extra) => {
        const i = firstYearIndex(input);
        fc.pre(i >= 0);
        const periods = input.periods.map((p, j) =>
          j === i ? { ...p, hours: (Math.round(p.hours * 100) + extra) / 100 } : p,
        );
        const before = creditFor(input);
        const after = creditFor({ ...input, periods });
        expect(after.firstYear.rate).toBeGreaterThanOrEqual(before.firstYear.rate);
        expect(after.total).toBeGreaterThanOrEqual(before.total);
      }),
    );
  });

  test('splitting a pay period in two within the same years changes nothing', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (input, pick, share) => {
          fc.pre(input.periods.length > 0);
          const i = pick % input.periods.length;
          const p = input.periods[i]!;
          const month = input.taxYearStartMonth ?? 1;
          // Cut the period on a day in the same employment window and tax year as its end.
          const mid = addDays(p.periodEnd, -Math.floor(share * 3));
          const windows = creditWindows(input.targetGroup, input.startedOn, CURRENT_RULE_SET);
          const sameWindow = [windows.first, windows.second].every(
            (w) => w === null || inWindow(mid, w) === inWindow(p.periodEnd, w),
          );
          fc.pre(
            mid >= p.periodStart &&
              sameWindow &&
              taxYearOf(mid, month) === taxYearOf(p.periodEnd, month),
          );
          const hundredths = Math.round(p.hours * 100);
          const wageCents = Math.round(p.wages * 100);
          const h1 = Math.floor(hundredths * share);
          const c1 = Math.floor(wageCents * share);
          const parts: PayPeriod[] = [
            { periodStart: p.periodStart, periodEnd: mid, hours: h1 / 100, wages: c1 / 100 },
            {
              periodStart: mid,
              periodEnd: p.periodEnd,
              hours: (hundredths - h1) / 100,
              wages: (wageCents - c1) / 100,
            },
          ];
          const split = [...input.periods.slice(0, i), ...parts, ...input.periods.slice(i + 1)];
          const before = creditFor(input);
          const after = creditFor({ ...input, periods: split });
          expect({ ...after, excludedPeriods: 0 }).toEqual({ ...before, excludedPeriods: 0 });
        },
      ),
    );
  });

  test('the projection is at least the credit so far and at most the group maximum', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const projected = projectedCredit(input);
        expect(projected).toBeGreaterThanOrEqual(creditFor(input).total);
        expect(projected).toBeLessThanOrEqual(maxFor(input.targetGroup));
      }),
    );
  });
});
