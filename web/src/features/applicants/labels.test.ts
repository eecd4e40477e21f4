import { describe, expect, test } from 'vitest';
import { TIMELINE_EVENT_TYPES } from '@eligo/shared/applicants';
import type { TimelineEvent } from '@eligo/shared/schemas/applicants';
import { describeEvent } from './labels.ts';

const event = (type: TimelineEvent['type'], data: TimelineEvent['data'] = {}): TimelineEvent => ({
  id: '0'.repeat(24),
  at: '2026-01-02T03:04:05.000Z',
  type,
  actor: { kind: 'system', name: null },
  data,
});

describe('timeline wording', () => {
  test('every event type reads as a sentence', () => {
    for (const type of TIMELINE_EVENT_TYPES) {
      const text = describeEvent(event(type));
      expect(text, type).toMatch(/^[A-Z]/);
      expect(text, type).not.toContain('undefined');
    }
  });

  test.each([
    [event('invitation_sent', { email: 'a@b.co' }), 'Survey emailed to a@b.co'],
    [
      event('override', { from: 'needs_review', to: 'pre_qualified', reason: 'Letter seen' }),
      'WOTC status changed from Needs review to Pre Qualified: “Letter seen”',
    ],
    [event('reminder_sent', { number: 2, email: 'a@b.co' }), 'Reminder 2 emailed to a@b.co'],
    [event('received', { postingTitle: 'Cook' }), 'Application received from Lever for Cook'],
    [
      event('tag_sync_requested', { tag: 'Eligo-WOTC:Not Qualified' }),
      'Lever tag requested: Eligo-WOTC:Not Qualified',
    ],
  ])('%#: %s', (e, text) => {
    expect(describeEvent(e)).toBe(text);
  });
});
