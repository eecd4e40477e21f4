import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { hasScope, leverScopes, parseScopes } from './scopes.ts';

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

describe('scope names', () => {
  /** The scopes docs/lever-api.md §1.9 lists (`a:read|write:admin` written out as two). */
  function documentedScopes(): string[] {
    const doc = readFileSync(new URL('../../../../docs/lever-api.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('### §1.9'), doc.indexOf('## §2'));
    const names = [...section.matchAll(/`(offline_access|[a-z_]+:[a-z|]+:admin)`/g)].flatMap(
      ([, name]) => {
        const [resource, access, admin] = name!.split(':');
        if (!access) return [name!];
        return access.split('|').map((a) => `${resource}:${a}:${admin}`);
      },
    );
    return [...new Set(names)];
  }

  test('the emulator accepts exactly the scopes docs/lever-api.md lists, offers and archive reasons included', () => {
    const documented = documentedScopes();
    expect(documented).toHaveLength(leverScopes.length);
    expect([...leverScopes].sort()).toEqual([...documented].sort());
    expect(parseScopes('offers:read:admin archive_reasons:read:admin')).toEqual([
      'offers:read:admin',
      'archive_reasons:read:admin',
    ]);
    // Not a Lever scope, although one public integration asks for it: dropped from a grant.
    expect(parseScopes('offers:write:admin')).toEqual([]);
  });
});
