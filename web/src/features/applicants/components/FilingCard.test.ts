import { mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import { aFiling, aHire, anApplicant, testRouter } from '../../filing/fixtures.ts';
import FilingCard from './FilingCard.vue';

async function card(filing: ReturnType<typeof aFiling> | null, isAdmin = true) {
  const router = await testRouter();
  return mount(FilingCard, {
    props: { applicant: anApplicant({ filing }), isAdmin },
    global: { plugins: [router] },
  });
}

describe('Filing card', () => {
  test('the due date, days left, bucket and what is missing, each linked to where it is fixed', async () => {
    // Fixtures' today is 2026-03-30: started 03-05 → due 04-02, 3 days left.
    const hire = aHire(
      { offeredOn: '2026-03-01', hiredOn: '2026-03-02', startedOn: '2026-03-05' },
      'admin',
    );
    const wrapper = await card(aFiling(hire, { employer: null }));
    expect(wrapper.find('[data-testid="filing-bucket"]').text()).toBe('Due within 7 days');
    expect(wrapper.find('[data-testid="filing-days-left"]').text()).toBe('3 days left');
    expect(wrapper.text()).toContain('Apr 2, 2026');
    const links = wrapper.findAll('[data-missing] a').map((a) => [a.text(), a.attributes('href')]);
    expect(links).toEqual([
      ['Employer profile', '/account/data-settings/employer'],
      ['Position, wage and state', '/applicants/aaaaaaaaaaaaaaaaaaaaaaaa#hire'],
      ["Employer's signature", '/applicants/aaaaaaaaaaaaaaaaaaaaaaaa#filing'],
    ]);
  });

  test('screened after the offer: flagged with the dates', async () => {
    const hire = aHire({ offeredOn: '2026-03-01', hiredOn: '2026-03-02' });
    const wrapper = await card(aFiling(hire, { signedAt: '2026-03-03T16:00:00.000Z' }), false);
    expect(wrapper.text()).toContain('Screened after the offer');
    expect(wrapper.text()).toContain('Survey signed Mar 3, 2026, after the offer on Mar 1, 2026.');
    expect(wrapper.find('[data-testid="filing-bucket"]').text()).toBe('Needs a start date');
  });

  test('nothing to file before a hire', async () => {
    expect((await card(null)).text()).toContain('Nothing to file until the candidate is hired.');
  });
});
