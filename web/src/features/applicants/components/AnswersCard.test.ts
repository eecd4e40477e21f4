import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, test, vi } from 'vitest';
import type { ApplicantDetail, ProtectedAnswers } from '@eligo/shared/schemas/applicants';
import AnswersCard from './AnswersCard.vue';

/** The parts of the applicant page the answers card reads. */
function applicant(canView: boolean): ApplicantDetail {
  return {
    id: 'a1',
    name: 'Ada Byron',
    ssnMasked: '***-**-5946',
    answers: { first_name: 'Ada', last_name: 'Byron', ssn: '***-**-5946' },
    protectedAnswers: { hidden: ['dob', 'street', 'q_felony'], canView },
  } as unknown as ApplicantDetail;
}

const viewed: ProtectedAnswers = {
  answers: { dob: '1998-03-14', street: '417 Pelican Row', q_felony: 'yes' },
  reasons: [{ code: 'C', reason: 'felony: convicted 2026-01-20, within 1 year' }],
};

function card(canView: boolean, view = vi.fn(async () => viewed)) {
  const wrapper = mount(AnswersCard, {
    props: {
      applicant: applicant(canView),
      organizationName: 'Acme',
      isAdmin: canView,
      revealSsn: async () => '372-81-5946',
      viewProtectedAnswers: view,
    },
    attachTo: document.body,
  });
  return { wrapper, view };
}

describe('AnswersCard: the protected answers', () => {
  test('someone who may not view them is told they are hidden, with no way to ask', () => {
    const { wrapper } = card(false);
    const notice = wrapper.get('[data-protected-answers]').text();
    expect(notice).toContain('3 answers are not shown: date of birth, address');
    expect(notice).toContain('Only admins can view them.');
    expect(wrapper.find('[data-protected-answers] button').exists()).toBe(false);
    expect(wrapper.find('[data-answer="first_name"]').text()).toBe('Ada');
    expect(wrapper.find('[data-answer="dob"]').exists()).toBe(false);
  });

  test('an admin gives a reason, then sees them in survey order with the detailed reasons', async () => {
    const { wrapper, view } = card(true);
    expect(wrapper.find('[data-answer="dob"]').exists()).toBe(false);
    await wrapper.get('[data-protected-answers] button').trigger('click');
    await wrapper.get('#protected-reason').setValue('  Filing the 8850  ');
    await (wrapper.get('#protected-reason').element as HTMLInputElement).form!.dispatchEvent(
      new Event('submit'),
    );
    await flushPromises();
    expect(view).toHaveBeenCalledWith('Filing the 8850');
    expect(wrapper.get('[data-answer="dob"]').text()).toBe('03/14/1998');
    expect(wrapper.get('[data-answer="street"]').text()).toBe('417 Pelican Row');
    const order = wrapper.findAll('[data-answer]').map((dd) => dd.attributes('data-answer'));
    expect(order.indexOf('first_name')).toBeLessThan(order.indexOf('dob'));
    expect(order.indexOf('dob')).toBeLessThan(order.indexOf('q_felony'));
    expect(wrapper.get('[data-personal-reasons]').text()).toContain('convicted 2026-01-20');
    expect(wrapper.find('[data-protected-answers]').exists()).toBe(false);
    expect(wrapper.text()).toContain('recorded in the audit log');
    wrapper.unmount();
  });

  test('a refused view keeps them hidden and says why', async () => {
    const { ApiError } = await import('../../../api/client.ts');
    const view = vi.fn(async (): Promise<ProtectedAnswers> => {
      throw new ApiError(403, 'FORBIDDEN', 'Only admins can view these answers');
    });
    const { wrapper } = card(true, view);
    await wrapper.get('[data-protected-answers] button').trigger('click');
    await wrapper.get('#protected-reason').setValue('Checking');
    await (wrapper.get('#protected-reason').element as HTMLInputElement).form!.dispatchEvent(
      new Event('submit'),
    );
    await flushPromises();
    expect(wrapper.find('[data-answer="dob"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Only admins can view these answers');
    wrapper.unmount();
  });
});
