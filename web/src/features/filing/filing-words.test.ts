import { describe, expect, test } from 'vitest';
import { FILING_BUCKETS } from '@eligo/shared/filing';
import { aFiling, aHire } from './fixtures.ts';
import { BUCKET_EMPTY, daysLeftWords, deadlineWords, missingLinks } from './filing-words.ts';

describe('filing words', () => {
  test.each([
    [3, '3 days left'],
    [1, '1 day left'],
    [0, 'due today'],
    [-1, '1 day overdue'],
    [-2, '2 days overdue'],
  ])('%i days left reads "%s"', (days, words) => {
    expect(daysLeftWords(days)).toBe(words);
  });

  test('the deadline: days left from the start, an estimate from the anticipated start, the status once filed', () => {
    // Today is 2026-03-30 (fixtures): a start on 03-05 is due 04-02.
    const started = aHire({
      offeredOn: '2026-03-01',
      hiredOn: '2026-03-02',
      startedOn: '2026-03-05',
    });
    expect(deadlineWords(aFiling(started))).toBe('3 days left');
    const planned = aHire({ offeredOn: '2026-03-01', anticipatedStartOn: '2026-03-05' });
    expect(deadlineWords(aFiling(planned))).toBe('3 days left (estimated)');
    expect(deadlineWords(aFiling(aHire({ hiredOn: '2026-03-02' })))).toBe('No start date yet');
    const filed = aFiling(started, {
      status: {
        state: 'submitted',
        submission: { on: '2026-04-03', method: 'portal', reference: null, late: true },
        determination: null,
      },
    });
    expect(deadlineWords(filed)).toBe('Submitted (late)');
  });

  test('each missing item links to where it is fixed; members are told an admin completes the profile', () => {
    const id = 'b'.repeat(24);
    const all = [
      'employer_profile',
      'start_date',
      'applicant_signature',
      'employer_signature',
    ] as const;
    expect(missingLinks(id, all, true)).toEqual([
      { item: 'employer_profile', label: 'Employer profile', to: { name: 'employer-profile' } },
      {
        item: 'start_date',
        label: 'Start date',
        to: { name: 'applicant', params: { applicantId: id }, hash: '#hire' },
      },
      {
        item: 'applicant_signature',
        label: "Applicant's signature",
        to: { name: 'applicant', params: { applicantId: id }, hash: '#survey' },
      },
      {
        item: 'employer_signature',
        label: "Employer's signature",
        to: { name: 'applicant', params: { applicantId: id }, hash: '#filing' },
      },
    ]);
    expect(missingLinks(id, ['employer_profile'], false)[0]!.to).toBeNull();
  });

  test('every bucket says what would appear in it', () => {
    for (const bucket of [...FILING_BUCKETS, 'all' as const]) {
      expect(BUCKET_EMPTY[bucket]).toMatch(/appear here/);
    }
  });
});
