import { mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import { aFiling, aHire, anApplicant, testRouter } from '../../filing/fixtures.ts';
import ApplicantsTable from './ApplicantsTable.vue';

describe('WOTC Applicants rows', () => {
  test('"Screened after the offer" is flagged on the row, its dates in the accessible text', async () => {
    const hire = aHire({ offeredOn: '2026-03-01', hiredOn: '2026-03-02' });
    const late = anApplicant({ filing: aFiling(hire, { signedAt: '2026-03-04T16:00:00.000Z' }) });
    const inTime = anApplicant({ id: 'b'.repeat(24), name: 'Ben Okafor', filing: aFiling(hire) });
    const wrapper = mount(ApplicantsTable, {
      props: {
        rows: [late, inTime, anApplicant({ id: 'c'.repeat(24), name: 'Cy Lee' })],
        busy: false,
      },
      global: { plugins: [await testRouter()] },
    });
    const rows = wrapper.findAll('tbody tr');
    const flag = rows[0]!.find('.screened-after');
    expect(flag.text()).toBe(
      '⚠ Screened after the offer: survey signed Mar 4, 2026, after the offer on Mar 1, 2026',
    );
    expect(flag.find('[aria-hidden="true"]').text()).toBe('⚠');
    expect(flag.find('.visually-hidden').exists()).toBe(true);
    expect(rows[1]!.find('.screened-after').exists()).toBe(false);
    expect(rows[2]!.find('.screened-after').exists()).toBe(false);
  });

  test('the Filing column: what the state did, the days left, or a dash before a hire', async () => {
    const hire = aHire({ offeredOn: '2026-03-01', hiredOn: '2026-03-02', startedOn: '2026-03-05' });
    const certified = aFiling(hire, {
      status: {
        state: 'certified',
        submission: { on: '2026-03-20', method: 'portal', reference: null, late: false },
        determination: {
          state: 'certified',
          on: '2026-03-28',
          targetGroup: 'G',
          certificationNumber: null,
          reason: null,
        },
      },
    });
    const wrapper = mount(ApplicantsTable, {
      props: {
        rows: [
          anApplicant({ filing: certified }),
          anApplicant({ id: 'b'.repeat(24), filing: aFiling(hire) }),
          anApplicant({ id: 'c'.repeat(24), filing: null }),
        ],
        busy: false,
      },
      global: { plugins: [await testRouter()] },
    });
    const cells = wrapper.findAll('tbody tr').map((row) => row.findAll('td').at(-1)!.text());
    expect(cells).toEqual(['Certified', '3 days left', '—']);
    expect(wrapper.find('[data-filing-state="certified"]').exists()).toBe(true);
  });
});
