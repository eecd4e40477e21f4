import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareIsoDates } from '../wotc/dates.ts';
import type { ApplicantHire } from '../schemas/hire.ts';
import { hireDateProblems, hireProblems, mergeHire, screenedAfterOffer } from './hire.ts';

describe('hireDateProblems', () => {
  test.each([
    [{ offeredOn: '2026-03-03', hiredOn: '2026-03-05', startedOn: '2026-03-09' }, []],
    [{ offeredOn: '2026-03-03', hiredOn: '2026-03-03', startedOn: '2026-03-03' }, []],
    [{ offeredOn: null, hiredOn: null, startedOn: null }, []],
    [{}, []],
    [
      { offeredOn: '2026-03-05', hiredOn: '2026-03-03', startedOn: '2026-03-09' },
      [
        {
          field: 'hiredOn',
          message: 'The hire date (2026-03-03) is before the offer date (2026-03-05).',
        },
      ],
    ],
    [
      { offeredOn: '2026-03-03', hiredOn: '2026-03-05', startedOn: '2026-03-04' },
      [
        {
          field: 'startedOn',
          message: 'The start date (2026-03-04) is before the hire date (2026-03-05).',
        },
      ],
    ],
    [
      { offeredOn: '2026-03-03', hiredOn: null, startedOn: '2026-03-02' },
      [
        {
          field: 'startedOn',
          message: 'The start date (2026-03-02) is before the offer date (2026-03-03).',
        },
      ],
    ],
    [
      { offeredOn: '2026-03-09', hiredOn: '2026-03-05', startedOn: '2026-03-01' },
      [
        {
          field: 'hiredOn',
          message: 'The hire date (2026-03-05) is before the offer date (2026-03-09).',
        },
        {
          field: 'startedOn',
          message: 'The start date (2026-03-01) is before the hire date (2026-03-05).',
        },
      ],
    ],
    [
      { offeredOn: '2026-02-30', hiredOn: '2026-13-01', startedOn: '26-03-09' },
      [
        { field: 'offeredOn', message: 'Offer date is not a real date (YYYY-MM-DD).' },
        { field: 'hiredOn', message: 'Hire date is not a real date (YYYY-MM-DD).' },
        { field: 'startedOn', message: 'Start date is not a real date (YYYY-MM-DD).' },
      ],
    ],
    [
      { hiredOn: '2028-02-29', startedOn: '2028-02-28' },
      [
        {
          field: 'startedOn',
          message: 'The start date (2028-02-28) is before the hire date (2028-02-29).',
        },
      ],
    ],
  ])('%j → %j', (hire, problems) => {
    expect(hireDateProblems(hire)).toEqual(problems);
  });

  test('no problem exactly when the known dates are in order (property)', () => {
    const day = fc.option(
      fc
        .date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2027-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10)),
    );
    fc.assert(
      fc.property(day, day, day, (offeredOn, hiredOn, startedOn) => {
        const known = [offeredOn, hiredOn, startedOn].filter((d): d is string => d !== null);
        const inOrder = known.every((d, i) => i === 0 || compareIsoDates(known[i - 1]!, d) <= 0);
        expect(hireDateProblems({ offeredOn, hiredOn, startedOn }).length === 0).toBe(inOrder);
      }),
    );
  });
});

describe('hireProblems: the wage too', () => {
  test.each([
    [17.25, true],
    [0, true],
    [85000, true],
    [0.1 + 0.2, true], // 0.30000000000000004: binary noise, still 30 cents
    [0.001, false],
    [17.255, false],
    [-1, false],
    [Number.NaN, false],
    [null, true],
  ])('%s → ok %s', (startingWage, ok) => {
    expect(hireProblems({ startingWage }).length === 0).toBe(ok);
  });
});

describe('screenedAfterOffer', () => {
  test.each([
    // Signing on the offer day is in time; the day after is not.
    [{ signedOn: '2026-03-03', offeredOn: '2026-03-03', hiredOn: '2026-03-05' }, null],
    [{ signedOn: '2026-03-01', offeredOn: '2026-03-03', hiredOn: '2026-03-05' }, null],
    [
      { signedOn: '2026-03-04', offeredOn: '2026-03-03', hiredOn: '2026-03-05' },
      {
        signedOn: '2026-03-04',
        offeredOn: '2026-03-03',
        hiredOn: '2026-03-05',
        comparedWith: 'offeredOn',
      },
    ],
    // Without an offer date, the hire date is the limit.
    [{ signedOn: '2026-03-05', offeredOn: null, hiredOn: '2026-03-05' }, null],
    [
      { signedOn: '2026-03-06', offeredOn: null, hiredOn: '2026-03-05' },
      { signedOn: '2026-03-06', offeredOn: null, hiredOn: '2026-03-05', comparedWith: 'hiredOn' },
    ],
    // The offer date decides even when the hire came later than the signature.
    [
      { signedOn: '2026-03-04', offeredOn: '2026-03-03', hiredOn: '2026-03-10' },
      {
        signedOn: '2026-03-04',
        offeredOn: '2026-03-03',
        hiredOn: '2026-03-10',
        comparedWith: 'offeredOn',
      },
    ],
    [{ signedOn: null, offeredOn: '2026-03-03', hiredOn: '2026-03-05' }, null],
    [{ signedOn: '2026-03-04', offeredOn: null, hiredOn: null }, null],
  ])('%j → %j', (dates, expected) => {
    expect(screenedAfterOffer(dates)).toEqual(expected);
  });
});

const FROM_LEVER: ApplicantHire = {
  offeredOn: '2026-03-03',
  hiredOn: '2026-03-05',
  anticipatedStartOn: '2026-03-09',
  startedOn: null,
  position: 'Warehouse associate',
  startingWage: null,
  employedInState: null,
  source: 'lever_webhook',
  provenance: {
    offeredOn: 'lever_webhook',
    hiredOn: 'lever_webhook',
    anticipatedStartOn: 'lever_webhook',
    startedOn: null,
    position: 'lever_webhook',
    startingWage: null,
    employedInState: null,
  },
};

describe('mergeHire', () => {
  test('a first hire from Lever takes the values Lever knows, with Lever as their source', () => {
    const { hire, changed } = mergeHire(
      null,
      { offeredOn: '2026-03-03', hiredOn: '2026-03-05', startedOn: null },
      'lever_reconcile',
    );
    expect(hire).toMatchObject({
      source: 'lever_reconcile',
      offeredOn: '2026-03-03',
      startedOn: null,
    });
    expect(hire.provenance).toMatchObject({ offeredOn: 'lever_reconcile', startedOn: null });
    expect(changed).toEqual(['offeredOn', 'hiredOn']);
  });

  test('an admin confirming the start changes it; re-sent Lever values become confirmed', () => {
    const merge = mergeHire(
      FROM_LEVER,
      {
        offeredOn: '2026-03-03',
        hiredOn: '2026-03-05',
        startedOn: '2026-03-09',
        startingWage: 17.25,
      },
      'admin',
    );
    expect(merge.changed).toEqual(['startedOn', 'startingWage']);
    expect(merge.confirmed).toEqual(['offeredOn', 'hiredOn']);
    expect(merge.overwritesConfirmed).toEqual([]);
    expect(merge.hire.provenance).toMatchObject({
      offeredOn: 'admin',
      startedOn: 'admin',
      position: 'lever_webhook',
    });
    expect(merge.hire.source).toBe('lever_webhook');
  });

  test('changing a confirmed value is reported (a reason is asked); changing a Lever value is not', () => {
    const confirmed = mergeHire(FROM_LEVER, { startedOn: '2026-03-09' }, 'admin').hire;
    const merge = mergeHire(
      confirmed,
      { startedOn: '2026-03-10', offeredOn: '2026-03-02' },
      'admin',
    );
    expect(merge.changed).toEqual(['offeredOn', 'startedOn']);
    expect(merge.overwritesConfirmed).toEqual(['startedOn']);
  });

  test('Lever never overwrites nor clears what a person gave, and never clears its own values', () => {
    const confirmed = mergeHire(
      FROM_LEVER,
      { startedOn: '2026-03-09', hiredOn: '2026-03-06' },
      'admin',
    ).hire;
    const merge = mergeHire(
      confirmed,
      { hiredOn: '2026-03-05', startedOn: null, offeredOn: null, anticipatedStartOn: '2026-03-16' },
      'lever_reconcile',
    );
    expect(merge.changed).toEqual(['anticipatedStartOn']);
    expect(merge.hire).toMatchObject({
      hiredOn: '2026-03-06',
      startedOn: '2026-03-09',
      offeredOn: '2026-03-03',
    });
  });

  test('an admin may clear a value (null = not known)', () => {
    const merge = mergeHire(FROM_LEVER, { position: null }, 'admin');
    expect(merge.hire.position).toBeNull();
    expect(merge.hire.provenance.position).toBeNull();
    expect(merge.changed).toEqual(['position']);
  });

  test('the same CSV row twice changes nothing the second time', () => {
    const row = {
      offeredOn: '2026-03-03',
      hiredOn: '2026-03-05',
      startedOn: '2026-03-09',
      startingWage: 17.25,
    };
    const first = mergeHire(FROM_LEVER, row, 'csv');
    expect(first.changed.length + first.confirmed.length).toBeGreaterThan(0);
    const second = mergeHire(first.hire, row, 'csv');
    expect(second).toMatchObject({ changed: [], confirmed: [], overwritesConfirmed: [] });
    expect(second.hire).toEqual(first.hire);
  });

  test('the hire passed in is not modified', () => {
    const before = structuredClone(FROM_LEVER);
    mergeHire(FROM_LEVER, { startedOn: '2026-03-09', position: 'Driver' }, 'admin');
    expect(FROM_LEVER).toEqual(before);
  });
});
