import { describe, expect, test } from 'vitest';
import type { LeverOffer } from '../client/lever.types.ts';
import { hireFactsFrom, hiringOffer } from './hire-facts.ts';

const at = (iso: string) => Date.parse(iso);

function offer(fields: Record<string, unknown>, extra: Partial<LeverOffer> = {}): LeverOffer {
  return {
    id: extra.id ?? 'offer-1',
    createdAt: at('2026-02-20T15:00:00Z'),
    status: 'signed',
    sentAt: at('2026-02-20T15:00:00Z'),
    fields: Object.entries(fields).map(([identifier, value]) => ({ identifier, value })),
    ...extra,
  };
}

describe('hireFactsFrom', () => {
  test("instants are days in the organization's zone; the anticipated start is the UTC day", () => {
    const facts = hireFactsFrom({
      // 03:30 UTC on March 2 is still March 1 in Chicago (and in New York).
      archivedAt: at('2026-03-02T03:30:00Z'),
      triggeredAt: null,
      offers: [
        offer(
          {
            job_title: ' Warehouse Associate ',
            anticipated_start_date: at('2026-03-16T00:00:00Z'),
            salary_amount: 18.5,
            salary_interval: 'per-hour-wage',
            compensation_currency: 'USD',
          },
          { sentAt: at('2026-02-25T04:00:00Z') },
        ),
      ],
      timeZone: 'America/Chicago',
    });
    expect(facts).toEqual({
      offeredOn: '2026-02-24',
      hiredOn: '2026-03-01',
      anticipatedStartOn: '2026-03-16',
      position: 'Warehouse Associate',
      startingWage: 18.5,
    });
  });

  test('the same instant is the next day further east', () => {
    const facts = hireFactsFrom({
      archivedAt: at('2026-03-02T03:30:00Z'),
      triggeredAt: null,
      offers: [],
      timeZone: 'Pacific/Guam',
    });
    expect(facts.hiredOn).toBe('2026-03-02');
  });

  test('no offer (no scope, or none made): only the hire day, from the event when not archived', () => {
    expect(
      hireFactsFrom({
        archivedAt: null,
        triggeredAt: at('2026-04-10T12:00:00Z'),
        offers: [],
        timeZone: 'America/New_York',
      }),
    ).toEqual({
      offeredOn: null,
      hiredOn: '2026-04-10',
      anticipatedStartOn: null,
      position: null,
      startingWage: null,
    });
  });

  test.each([
    ['a yearly salary', { salary_amount: 52_000, salary_interval: 'per-year-salary' }],
    [
      'another currency',
      { salary_amount: 20, salary_interval: 'per-hour-wage', compensation_currency: 'EUR' },
    ],
    ['no amount', { salary_amount: null, salary_interval: 'per-hour-wage' }],
  ])('%s → no starting wage (left for the admin)', (_why, fields) => {
    const facts = hireFactsFrom({
      archivedAt: null,
      triggeredAt: null,
      offers: [offer(fields)],
      timeZone: 'America/New_York',
    });
    expect(facts.startingWage).toBeNull();
  });

  test('an offer sent outside Lever has no sent date; its other fields still count', () => {
    const facts = hireFactsFrom({
      archivedAt: at('2026-05-01T16:00:00Z'),
      triggeredAt: null,
      offers: [
        offer({ job_title: 'Forklift Operator' }, { status: 'sent-manually', sentAt: null }),
      ],
      timeZone: 'America/New_York',
    });
    expect(facts).toMatchObject({ offeredOn: null, position: 'Forklift Operator' });
  });
});

describe('hiringOffer', () => {
  test('the newest signed offer, else the newest sent one; drafts and unapproved never', () => {
    const older = offer({}, { id: 'signed-old', createdAt: 1 });
    const newer = offer({}, { id: 'signed-new', createdAt: 5 });
    const sent = offer({}, { id: 'sent', status: 'sent', createdAt: 9 });
    const draft = offer({}, { id: 'draft', status: 'draft', createdAt: 10 });
    expect(hiringOffer([older, sent, newer, draft])?.id).toBe('signed-new');
    expect(hiringOffer([sent, draft])?.id).toBe('sent');
    expect(hiringOffer([draft, offer({}, { status: 'approval-sent' })])).toBeNull();
    expect(hiringOffer([])).toBeNull();
  });
});
