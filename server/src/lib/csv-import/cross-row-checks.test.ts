import { describe, expect, test } from 'vitest';
import { noOverlappingPeriods, noRepeatedKeys } from './cross-row-checks.ts';

type Period = { who: string; from: string; to: string };

/** Lines 2, 3… get the periods in order; returns `line: message` of each issue. */
function overlaps(periods: Array<[string, string, string]>): string[] {
  const check = noOverlappingPeriods<Period>({
    group: 'who',
    start: 'from',
    end: 'to',
    groupLabel: 'the same person',
  });
  periods.forEach(([who, from, to], i) =>
    check.see({ line: i + 2, key: '', row: { who, from, to } }),
  );
  return [...check.issues()].map(({ line, message }) => `${line}: ${message}`);
}

describe('noOverlappingPeriods', () => {
  test.each<[string, Array<[string, string, string]>, string[]]>([
    [
      'back to back periods are fine',
      [
        ['a', '2026-01-01', '2026-01-14'],
        ['a', '2026-01-15', '2026-01-28'],
      ],
      [],
    ],
    [
      'sharing a day is an overlap (dates are inclusive)',
      [
        ['a', '2026-01-01', '2026-01-14'],
        ['a', '2026-01-14', '2026-01-28'],
      ],
      ['3: Overlaps the period on line 2 (2026-01-01 to 2026-01-14) of the same person'],
    ],
    [
      'the error goes on the later line, even when its period comes first',
      [
        ['a', '2026-02-01', '2026-02-14'],
        ['a', '2026-01-20', '2026-02-03'],
      ],
      ['3: Overlaps the period on line 2 (2026-02-01 to 2026-02-14) of the same person'],
    ],
    [
      'a period inside a long one, past a period in between',
      [
        ['a', '2026-01-01', '2026-03-31'],
        ['a', '2026-04-01', '2026-04-14'],
        ['a', '2026-03-01', '2026-03-14'],
      ],
      ['4: Overlaps the period on line 2 (2026-01-01 to 2026-03-31) of the same person'],
    ],
    [
      'other people and periods across a year end are not confused',
      [
        ['a', '2025-12-22', '2026-01-04'],
        ['b', '2025-12-22', '2026-01-04'],
        ['a', '2026-01-05', '2026-01-18'],
      ],
      [],
    ],
    [
      'a period that ends before it starts is left to the row check',
      [
        ['a', '2026-01-01', '2026-01-14'],
        ['a', '2026-01-10', '2026-01-05'],
      ],
      [],
    ],
  ])('%s', (_, periods, expected) => {
    expect(overlaps(periods)).toEqual(expected);
  });
});

describe('noRepeatedKeys', () => {
  test('the second and later rows with a key point at the first', () => {
    const check = noRepeatedKeys(['employee', 'period_start']);
    for (const [line, key] of [
      [2, 'a'],
      [3, 'b'],
      [4, 'a'],
      [5, 'a'],
    ] as const)
      check.see({ line, key, row: {} });
    expect([...check.issues()]).toEqual([
      { line: 4, column: 'employee', message: 'Repeats line 2 (same employee and period_start)' },
      { line: 5, column: 'employee', message: 'Repeats line 2 (same employee and period_start)' },
    ]);
  });
});
