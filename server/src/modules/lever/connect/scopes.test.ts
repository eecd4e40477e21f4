import { describe, expect, test } from 'vitest';
import { LEVER_SCOPES, hasScope, leverTokenClaims, missingScopes } from './scopes.ts';

const jwt = (claims: object) =>
  ['{"alg":"HS512"}', JSON.stringify(claims), 'sig']
    .map((part, i) => (i < 2 ? Buffer.from(part).toString('base64url') : part))
    .join('.');

describe('scopes', () => {
  test('write implies read; nothing implies write', () => {
    expect(hasScope(['postings:write:admin'], 'postings:read:admin')).toBe(true);
    expect(hasScope(['postings:read:admin'], 'postings:write:admin')).toBe(false);
    expect(hasScope([], 'offline_access')).toBe(false);
  });

  test('a grant of everything requested misses nothing; one without offline_access misses it', () => {
    expect(missingScopes([...LEVER_SCOPES])).toEqual([]);
    expect(missingScopes(LEVER_SCOPES.filter((s) => s !== 'offline_access'))).toEqual([
      'offline_access',
    ]);
  });
});

describe('leverTokenClaims', () => {
  test('reads the account and user claims', () => {
    expect(
      leverTokenClaims(
        jwt({
          'https://oauth.lever.co/accountId': 'acct-1',
          'https://oauth.lever.co/userId': 'user-1',
        }),
      ),
    ).toEqual({ accountId: 'acct-1', userId: 'user-1' });
  });

  test.each(['', 'not-a-jwt', 'a.b.c', jwt({ sub: 'x' })])('no claims in %j', (token) => {
    expect(leverTokenClaims(token)).toEqual({ accountId: null, userId: null });
  });
});
