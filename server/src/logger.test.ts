import { describe, expect, test } from 'vitest';
import { redactUrl } from './logger.ts';

describe('redactUrl', () => {
  test.each([
    ['/survey/abcDEF123_-xyz', '/survey/[token]'],
    ['/api/survey/abcDEF123/answers', '/api/survey/[token]/answers'],
    [
      '/api/integrations/lever/callback?code=c0de&state=s7',
      '/api/integrations/lever/callback?code=[redacted]&state=[redacted]',
    ],
    ['/api/auth/invite?token=secret&x=1', '/api/auth/invite?token=[redacted]&x=1'],
    ['/reset-password/abcDEF123_-xyz', '/reset-password/[token]'],
    ['/api/health', '/api/health'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
