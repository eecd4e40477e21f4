import { describe, expect, test } from 'vitest';
import { RULES } from './eligibility-rules.ts';
import { DOL_CODES } from './groups.ts';

describe('the rule table', () => {
  test('every target group is decided by exactly one rule', () => {
    for (const code of DOL_CODES) {
      const deciding = RULES.filter(
        (rule) => rule.groups.includes(code) && rule.name !== 'age unverified',
      );
      expect(
        deciding.map((rule) => rule.name),
        code,
      ).toHaveLength(1);
    }
  });

  test('rule names are unique', () => {
    const names = RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
