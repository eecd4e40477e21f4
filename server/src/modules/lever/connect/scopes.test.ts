import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { leverTokenClaims } from '../client/token-claims.ts';
import { toTokenSet } from '../client/token-endpoint.ts';
import {
  LEVER_SCOPES,
  REQUESTED_SCOPES,
  hasScope,
  missingOptionalScopes,
  missingScopes,
} from './scopes.ts';

const jwt = (claims: object) =>
  ['{"alg":"HS512"}', JSON.stringify(claims), 'sig']
    .map((part, i) => (i < 2 ? Buffer.from(part).toString('base64url') : part))
    .join('.');

const required = LEVER_SCOPES.required.map((s) => s.scope);

describe('scopes', () => {
  test('write implies read; nothing implies write', () => {
    expect(hasScope(['postings:write:admin'], 'postings:read:admin')).toBe(true);
    expect(hasScope(['postings:read:admin'], 'postings:write:admin')).toBe(false);
    expect(hasScope([], 'offline_access')).toBe(false);
  });

  test('only a required scope missing refuses a grant; optional ones are listed with why', () => {
    expect(missingScopes([...REQUESTED_SCOPES])).toEqual([]);
    expect(missingScopes(required)).toEqual([]);
    expect(missingScopes(required.filter((s) => s !== 'offline_access'))).toEqual([
      'offline_access',
    ]);
    expect(missingOptionalScopes(required).map((s) => s.scope)).toEqual([
      'offers:read:admin',
      'archive_reasons:read:admin',
    ]);
    expect(missingOptionalScopes([...REQUESTED_SCOPES])).toEqual([]);
  });

  test('nothing asks for contact:read:admin or confidential access', () => {
    expect(REQUESTED_SCOPES).not.toContain('contact:read:admin');
    expect(REQUESTED_SCOPES).not.toContain('confidential:access:admin');
  });

  test("README › Configuring Lever shows exactly this file's scopes (one source of truth)", () => {
    const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('### Configuring Lever'),
      readme.indexOf('\n### ', readme.indexOf('### Configuring Lever') + 1),
    );
    const rows = [...section.matchAll(/^\s*\| `([^`]+)` \| (required|optional) \| (.+) \|$/gm)].map(
      ([, scope, kind, why]) => ({ scope, kind, why }),
    );
    const expected = (['required', 'optional'] as const).flatMap((kind) =>
      LEVER_SCOPES[kind].map(({ scope, why }) => ({ scope, kind, why })),
    );
    expect(rows).toEqual(expected);
  });
});

describe('token claims and the token response', () => {
  test('reads the account, user and scope claims', () => {
    expect(
      leverTokenClaims(
        jwt({
          'https://oauth.lever.co/accountId': 'acct-1',
          'https://oauth.lever.co/userId': 'user-1',
          scope: 'offline_access  webhooks:write:admin',
        }),
      ),
    ).toEqual({
      accountId: 'acct-1',
      userId: 'user-1',
      scopes: ['offline_access', 'webhooks:write:admin'],
    });
  });

  test.each(['', 'not-a-jwt', 'a.b.c', jwt({ sub: 'x' })])('no claims in %j', (token) => {
    expect(leverTokenClaims(token)).toEqual({ accountId: null, userId: null, scopes: null });
  });

  test('a response without `scope` takes the JWT claim; one with it is believed', () => {
    const token = jwt({ scope: 'offline_access opportunities:write:admin' });
    expect(toTokenSet({ access_token: token }).scopes).toEqual([
      'offline_access',
      'opportunities:write:admin',
    ]);
    expect(toTokenSet({ access_token: token, scope: 'offline_access' }).scopes).toEqual([
      'offline_access',
    ]);
    expect(toTokenSet({ access_token: 'opaque' }).scopes).toEqual([]);
  });
});
