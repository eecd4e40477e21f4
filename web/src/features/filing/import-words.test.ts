import { describe, expect, test } from 'vitest';
import type { HiresImportResult } from '@eligo/shared/schemas/hires';
import { importOutcome, importWouldChange } from './import-words.ts';

const result = (overrides: Partial<HiresImportResult>): HiresImportResult => ({
  dryRun: true,
  rows: 4,
  created: 2,
  updated: 1,
  unchanged: 0,
  unknown: 1,
  unknownEmployees: [{ line: 5, employee: 'nobody@example.com', reason: 'not_found' }],
  ...overrides,
});

describe('import words', () => {
  test('a dry run says what would happen', () => {
    expect(importOutcome(result({}))).toEqual([
      '4 rows in the file.',
      '2 hires would be recorded, 1 hire would be updated, 0 rows already as in the file.',
      '1 row names nobody Eligo screened: they would be left out.',
    ]);
    expect(importWouldChange(result({}))).toBe(true);
  });

  test('an import says what happened; the same file again changes nothing', () => {
    const again = result({ dryRun: false, created: 0, updated: 0, unchanged: 3 });
    expect(importOutcome(again)[1]).toBe(
      '0 hires were recorded, 0 hires were updated, 3 rows already as in the file.',
    );
    expect(importWouldChange(again)).toBe(false);
  });
});
