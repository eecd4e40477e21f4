import { describe, expect, test } from 'vitest';
import { LEVER_CONNECT_OUTCOMES } from '@eligo/shared/schemas/integrations';
import { outcomeFromQuery, outcomeMessages, statusLabels } from './status.ts';

describe('integration wording', () => {
  test('every connect outcome the server can send has a message', () => {
    for (const outcome of LEVER_CONNECT_OUTCOMES) {
      expect(outcomeMessages[outcome].text.length).toBeGreaterThan(10);
    }
  });

  test.each([
    ['connected', 'connected'],
    ['not_super_admin', 'not_super_admin'],
    ['<script>', null],
    [['connected'], null],
    [undefined, null],
  ])('?lever=%j → %j', (value, expected) => {
    expect(outcomeFromQuery(value)).toBe(expected);
  });

  test('the tile says what the seed and the issue name each state', () => {
    expect(statusLabels).toEqual({
      connected: 'Connected',
      waiting: 'Waiting for the first event',
      webhook_missing: 'Webhook missing',
      disconnected: 'Disconnected — access revoked',
      error: 'Error',
    });
  });
});
