import { describe, expect, test } from 'vitest';
import { hasScope, parseScopes } from './scopes.ts';

describe('scopes', () => {
  test.each([
    [['opportunities:write:admin'], 'opportunities:read:admin', true],
    [['opportunities:read:admin'], 'opportunities:write:admin', false],
    [['webhooks:write:admin'], 'webhooks:read:admin', true],
    [['postings:read:admin'], 'opportunities:read:admin', false],
    [['confidential:access:admin'], 'confidential:access:admin', true],
  ])('%j covers %s: %s', (granted, needed, expected) => {
    expect(hasScope(granted, needed)).toBe(expected);
  });

  test('parse keeps known scopes once, split by spaces or plus signs', () => {
    expect(parseScopes('offline_access+opportunities:write:admin  bogus offline_access')).toEqual([
      'offline_access',
      'opportunities:write:admin',
    ]);
  });
});
