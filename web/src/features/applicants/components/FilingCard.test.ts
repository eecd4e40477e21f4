import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, test, vi } from 'vitest';
import type { SetFilingStatusBody } from '@eligo/shared/schemas/filing';
import { aFiling, aHire, anApplicant, testPinia, testRouter } from '../../filing/fixtures.ts';
import FilingCard from './FilingCard.vue';

const complete = aHire(
  {
    offeredOn: '2026-03-01',
    hiredOn: '2026-03-02',
    startedOn: '2026-03-05',
    position: 'Dock worker',
    startingWage: 18,
    employedInState: 'TX',
  },
  'admin',
);

async function card(
  filing: ReturnType<typeof aFiling> | null,
  isAdmin = true,
  extra: {
    recordFiling?: (body: SetFilingStatusBody) => Promise<void>;
    hire?: typeof complete;
  } = {},
) {
  const router = await testRouter();
  return mount(FilingCard, {
    props: {
      applicant: anApplicant({ filing, ...(extra.hire ? { hire: extra.hire } : {}) }),
      isAdmin,
      ...(extra.recordFiling ? { recordFiling: extra.recordFiling } : {}),
    },
    global: { plugins: [router, testPinia()] },
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

  test('ready: admins get both forms; members do not', async () => {
    const filing = aFiling(complete, { employerSigned: true });
    const admin = await card(filing, true, { hire: complete });
    const id = 'a'.repeat(24);
    expect(admin.find('[data-testid="form-8850"]').attributes('href')).toBe(
      `/api/applicants/${id}/forms/8850.pdf`,
    );
    expect(admin.find('[data-testid="form-9061"]').attributes('href')).toBe(
      `/api/applicants/${id}/forms/9061.pdf`,
    );
    expect(
      (await card(filing, false, { hire: complete })).find('[data-testid="form-8850"]').exists(),
    ).toBe(false);
  });

  test('an admin records the submission; a late one is shown as late', async () => {
    const recordFiling = vi.fn(async (_: SetFilingStatusBody) => {});
    const wrapper = await card(aFiling(complete, { employerSigned: true }), true, {
      recordFiling,
      hire: complete,
    });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Record what the state did')!
      .trigger('click');
    const form = wrapper.find('form.filing-status-form');
    expect((form.find('select[name="status"]').element as HTMLSelectElement).value).toBe(
      'submitted',
    );
    await form.find('input[name="on"]').setValue('03/20/2026');
    await form.trigger('submit');
    expect(recordFiling).not.toHaveBeenCalled();
    expect(form.text()).toContain('Choose how the forms were sent.');
    await form.find('select[name="method"]').setValue('portal');
    await form.find('input[name="reference"]').setValue('TX-1');
    await form.trigger('submit');
    await flushPromises();
    expect(recordFiling).toHaveBeenCalledWith({
      status: 'submitted',
      on: '2026-03-20',
      method: 'portal',
      reference: 'TX-1',
    });
    expect(wrapper.find('form.filing-status-form').exists()).toBe(false);

    const late = await card(
      aFiling(complete, {
        employerSigned: true,
        status: {
          state: 'submitted',
          submission: { on: '2026-04-10', method: 'fax', reference: null, late: true },
          determination: null,
        },
      }),
      true,
      { hire: complete },
    );
    expect(late.text()).toContain('submitted Apr 10, 2026 by fax');
    expect(late.text()).toContain('late');
  });
});
