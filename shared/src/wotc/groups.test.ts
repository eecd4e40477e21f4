import { describe, expect, test } from 'vitest';
import { DOL_CODES, TARGET_GROUPS, targetGroup } from './groups.ts';

// docs/wotc-rules.md §2: 8850 group number, wage cap, max credit at 40% and at 25%.
describe('target group table', () => {
  test.each([
    ['A', 1, 6000, 2400, 1500],
    ['B-a', 2, 6000, 2400, 1500],
    ['B-b', 2, 12000, 4800, 3000],
    ['B-c', 2, 24000, 9600, 6000],
    ['B-d', 2, 6000, 2400, 1500],
    ['B-e', 2, 14000, 5600, 3500],
    ['C', 3, 6000, 2400, 1500],
    ['D', 4, 6000, 2400, 1500],
    ['E', 5, 6000, 2400, 1500],
    ['F', 6, 3000, 1200, 750],
    ['G', 7, 6000, 2400, 1500],
    ['H', 8, 6000, 2400, 1500],
    ['I', 9, 10000, 9000, 2500],
    ['J', 10, 6000, 2400, 1500],
  ] as const)('%s: group %i, cap $%i, max $%i / $%i', (code, group, cap, max40, max25) => {
    expect(targetGroup(code)).toMatchObject({
      group,
      wageCap: cap,
      maxCredit: max40,
      maxCreditAt25: max25,
    });
  });

  test.each([
    ['A', 'standard'],
    ['B-b', 'veteran_disabled_discharged'],
    ['B-c', 'veteran_disabled_unemployed_6m'],
    ['B-d', 'standard'],
    ['B-e', 'veteran_unemployed_6m'],
    ['F', 'summer_youth'],
    ['I', 'long_term_family_assistance'],
  ] as const)('%s has the cap category %s', (code, capCategory) => {
    expect(targetGroup(code).capCategory).toBe(capCategory);
  });

  test('one row per DOL code, and 40% of the cap except the two-year group I', () => {
    expect(TARGET_GROUPS.map((g) => g.code)).toEqual([...DOL_CODES]);
    for (const g of TARGET_GROUPS.filter((g) => g.code !== 'I')) {
      expect(g.maxCredit).toBe(g.wageCap * 0.4);
      expect(g.maxCreditAt25).toBe(g.wageCap * 0.25);
    }
  });
});
