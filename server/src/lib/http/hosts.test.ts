import { describe, expect, test } from 'vitest';
import { answersOnlyThisMachine, canonicalHost, hostRules } from './hosts.ts';

describe('canonicalHost', () => {
  test.each([
    ['Eligo.Example.com', 'eligo.example.com'],
    ['eligo.example.com.', 'eligo.example.com'],
    ['eligo.example.com:443', 'eligo.example.com'],
    ['eligo.example.com:80', 'eligo.example.com'],
    ['eligo.example.com:8443', 'eligo.example.com:8443'],
    ['[::1]:3000', '[::1]:3000'],
    ['', null],
    ['evil.example/eligo.example.com', null],
    ['user@eligo.example.com', null],
    ['a b', null],
  ])('%s → %s', (value, expected) => {
    expect(canonicalHost(value)).toBe(expected);
  });
});

describe('hostRules', () => {
  // The host check accepts a Host header found as is among the allowed hosts without parsing it
  // (plugins/host-check.ts): right only while every allowed host is its own canonical form.
  test.each([
    [
      'https://eligo.example.com',
      false,
      ['Eligo-Internal:8443', 'other.example.com.', 'x.example:443'],
    ],
    ['http://localhost:3000', false, []],
    ['http://LOCALHOST:80', true, ['[::1]:3000']],
  ])('the allowed hosts of %s are canonical already', (publicUrl, development, extraHosts) => {
    const { allowedHosts } = hostRules({ publicUrl, port: 3000, development, extraHosts });
    expect(allowedHosts.size).toBeGreaterThan(0);
    for (const host of allowedHosts) expect(canonicalHost(host)).toBe(host);
  });

  test('a public deployment answers its own name and the extra hosts only', () => {
    const rules = hostRules({
      publicUrl: 'https://eligo.example.com',
      port: 3000,
      development: false,
      extraHosts: ['eligo-internal:8443'],
    });
    expect([...rules.allowedHosts].sort()).toEqual(['eligo-internal:8443', 'eligo.example.com']);
    expect([...rules.trustedOrigins]).toEqual(['https://eligo.example.com']);
  });

  test('a local install also answers 127.0.0.1 and [::1] at its port', () => {
    const rules = hostRules({
      publicUrl: 'http://localhost:3000',
      port: 3000,
      development: false,
      extraHosts: [],
    });
    expect([...rules.allowedHosts].sort()).toEqual([
      '127.0.0.1:3000',
      '[::1]:3000',
      'localhost:3000',
    ]);
    expect(rules.trustedOrigins).toContain('http://127.0.0.1:3000');
  });

  test('in development, PUBLIC_URL on the Vite dev server plus the API port', () => {
    const rules = hostRules({
      publicUrl: 'http://localhost:5173',
      port: 3000,
      development: true,
      extraHosts: [],
    });
    expect(rules.allowedHosts).toContain('localhost:5173');
    expect(rules.allowedHosts).toContain('127.0.0.1:3000');
    expect(rules.allowedHosts).not.toContain('evil.example:5173');
  });
});

describe('answersOnlyThisMachine', () => {
  const rules = (publicUrl: string, extraHosts: string[] = []) =>
    hostRules({ publicUrl, port: 3300, development: false, extraHosts });

  test('a loopback listener answering local names only', () => {
    expect(answersOnlyThisMachine(rules('http://localhost:3300'), '127.0.0.1')).toBe(true);
    expect(answersOnlyThisMachine(rules('http://127.0.0.1:3300'), 'localhost')).toBe(true);
    expect(answersOnlyThisMachine(rules('http://localhost:3300'), '::1')).toBe(true);
  });

  test.each([
    ['listening on every interface', 'http://localhost:3300', [], '0.0.0.0'],
    ['a public PUBLIC_URL', 'https://eligo.example.com', [], '127.0.0.1'],
    ['a public name in ALLOWED_HOSTS', 'http://localhost:3300', ['eligo.example.com'], '127.0.0.1'],
  ])('not with %s', (_why, publicUrl, extra, listen) => {
    expect(answersOnlyThisMachine(rules(publicUrl, extra), listen)).toBe(false);
  });
});
