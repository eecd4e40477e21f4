import { describe, expect, test } from 'vitest';
import { buildPath } from './route-table.ts';

describe('buildPath', () => {
  test.each([
    ['/api/health', {}, '/api/health'],
    ['/api/applicants/:id', { id: 'abc' }, '/api/applicants/abc'],
    ['/api/a/:x/b/:y', { x: 1, y: 'two words' }, '/api/a/1/b/two%20words'],
    ['/api/survey/:token', { token: 'a/b?c' }, '/api/survey/a%2Fb%3Fc'],
  ])('%s with %o → %s', (path, params, expected) => {
    expect(buildPath(path, params)).toBe(expected);
  });

  test('a missing parameter is an error, not a literal ":id" in the URL', () => {
    expect(() => buildPath('/api/applicants/:id', {})).toThrow(/Missing path parameter "id"/);
  });
});
