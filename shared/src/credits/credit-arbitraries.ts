import fc from 'fast-check';
import { addDays } from '../wotc/dates.ts';
import { DOL_CODES } from '../wotc/groups.ts';
import type { CreditInput } from './credit-schemas.ts';

/** Test helper (fast-check): credit inputs for the property tests. */

/** A hire started 2016–2025 (summer youth in its season) with up to 30 pay periods around it. */
export const inputArb: fc.Arbitrary<CreditInput> = fc
  .record({
    targetGroup: fc.constantFrom(...DOL_CODES),
    year: fc.integer({ min: 2016, max: 2025 }),
    dayOfSeason: fc.integer({ min: 0, max: 137 }), // May 1 + 0…137 = Sep 15
    dayOfYear: fc.integer({ min: 0, max: 364 }),
    rehire: fc.boolean(),
    taxYearStartMonth: fc.integer({ min: 1, max: 12 }),
    periods: fc.array(
      fc.record({
        endOffset: fc.integer({ min: -30, max: 800 }),
        length: fc.integer({ min: 0, max: 30 }),
        hundredths: fc.integer({ min: 0, max: 30_000 }),
        cents: fc.integer({ min: 0, max: 600_000 }),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ targetGroup, year, dayOfSeason, dayOfYear, periods, ...rest }) => {
    const startedOn =
      targetGroup === 'F'
        ? addDays(`${year}-05-01`, dayOfSeason)
        : addDays(`${year}-01-01`, dayOfYear);
    return {
      targetGroup,
      startedOn,
      rehire: rest.rehire,
      taxYearStartMonth: rest.taxYearStartMonth,
      periods: periods.map((p) => {
        const periodEnd = addDays(startedOn, p.endOffset);
        return {
          periodStart: addDays(periodEnd, -p.length),
          periodEnd,
          hours: p.hundredths / 100,
          wages: p.cents / 100,
        };
      }),
    };
  });
