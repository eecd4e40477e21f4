import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { mergeHire } from '@eligo/shared/filing';
import type { ApplicantHire } from '@eligo/shared/schemas/hire';
import type { PutHireBody } from '@eligo/shared/schemas/hires';
import { ApiError } from '../../../api/client.ts';
import { aHire, anApplicant } from '../../filing/fixtures.ts';
import HireCard from './HireCard.vue';

const fromLever = aHire({
  offeredOn: '2026-03-03',
  hiredOn: '2026-03-05',
  anticipatedStartOn: '2026-03-09',
  position: 'Dock worker',
});

function card(
  hire: ApplicantHire | null,
  isAdmin: boolean,
  saveHire = vi.fn(async (_: PutHireBody) => {}),
) {
  return mount(HireCard, {
    props: { applicant: anApplicant({ hire }), isAdmin, saveHire },
    attachTo: document.body,
  });
}
const fact = (wrapper: ReturnType<typeof card>, field: string) =>
  wrapper.find(`[data-hire-field="${field}"]`).text().replace(/\s+/g, ' ');
const button = (wrapper: ReturnType<typeof card>, text: string) =>
  wrapper.findAll('button').find((b) => b.text() === text);

describe('Hire card', () => {
  test('each value with who set it: Lever or a person', () => {
    const confirmed = mergeHire(fromLever, { startedOn: '2026-03-10' }, 'admin').hire;
    const wrapper = card(confirmed, false);
    expect(fact(wrapper, 'offeredOn')).toBe('Mar 3, 2026 · from Lever');
    expect(fact(wrapper, 'anticipatedStartOn')).toBe('Mar 9, 2026 · from Lever');
    expect(fact(wrapper, 'startedOn')).toBe('Mar 10, 2026 · entered by a person');
    expect(fact(wrapper, 'startingWage')).toBe('Not known');
    expect(button(wrapper, 'Edit the hire')).toBeUndefined();
    wrapper.unmount();
  });

  test('before the start is confirmed it says so; not hired yet says that', () => {
    const wrapper = card(fromLever, false);
    expect(fact(wrapper, 'startedOn')).toBe('Not confirmed yet');
    expect(wrapper.text()).toContain('counts from the confirmed start date');
    expect(card(null, false).text()).toContain('Not hired yet.');
    wrapper.unmount();
  });

  test('an admin confirms the start date typed as a US date', async () => {
    const saveHire = vi.fn(async (_: PutHireBody) => {});
    const wrapper = card(fromLever, true, saveHire);
    await button(wrapper, 'Edit the hire')!.trigger('click');
    const start = wrapper.find('input[name="startedOn"]');
    expect(wrapper.text()).toContain('Lever’s anticipated start: Mar 9, 2026.');
    await start.setValue('03/09/2026');
    await wrapper.find('input[name="startingWage"]').setValue('17.25');
    await wrapper.find('select[name="employedInState"]').setValue('TX');
    expect(wrapper.find('textarea[name="reason"]').exists()).toBe(false);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(saveHire).toHaveBeenCalledWith({
      offeredOn: '2026-03-03',
      hiredOn: '2026-03-05',
      startedOn: '2026-03-09',
      position: 'Dock worker',
      startingWage: 17.25,
      employedInState: 'TX',
    });
    expect(wrapper.find('form').exists()).toBe(false);
    expect(wrapper.find('[role="status"]').text()).toBe('The hire was saved.');
    wrapper.unmount();
  });

  test("changing a person's value asks for a reason before anything is sent", async () => {
    const saveHire = vi.fn(async (_: PutHireBody) => {});
    const confirmed = mergeHire(fromLever, { startedOn: '2026-03-09' }, 'admin').hire;
    const wrapper = card(confirmed, true, saveHire);
    await button(wrapper, 'Edit the hire')!.trigger('click');
    expect(wrapper.find('input[name="startedOn"]').element).toHaveProperty('value', '03/09/2026');
    await wrapper.find('input[name="startedOn"]').setValue('03/11/2026');
    const reason = wrapper.find('textarea[name="reason"]');
    expect(reason.exists()).toBe(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(saveHire).not.toHaveBeenCalled();
    expect(wrapper.find('#hire-reason-error').text()).toContain('You are changing start date');
    expect(document.activeElement).toBe(reason.element);
    await reason.setValue('She started on the Wednesday');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(saveHire).toHaveBeenCalledWith(
      expect.objectContaining({ startedOn: '2026-03-11', reason: 'She started on the Wednesday' }),
    );
    wrapper.unmount();
  });

  test("the server's refusal of the dates is shown on the field, with US dates", async () => {
    const saveHire = vi.fn(async () => {
      throw new ApiError(400, 'HIRE_DATES_INVALID', 'The hire dates are out of order.', [
        {
          path: '/body/startedOn',
          message: 'The start date (2026-03-01) is before the hire date (2026-03-05).',
        },
      ]);
    });
    const wrapper = card(null, true, saveHire);
    await button(wrapper, 'Record a hire')!.trigger('click');
    await wrapper.find('input[name="startedOn"]').setValue('03/09/2026');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toBe('The hire dates are out of order.');
    expect(wrapper.find('input[name="startedOn"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain(
      'The start date (03/01/2026) is before the hire date (03/05/2026).',
    );
    wrapper.unmount();
  });
});
