import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import { EMPTY_EMPLOYER_PROFILE } from '@eligo/shared/filing';
import type { EmployerProfileDraft } from '@eligo/shared/schemas/employer';
import { EMPLOYER, json, mockFetch, testPinia, testRouter } from '../filing/fixtures.ts';
import EmployerProfileView from './EmployerProfileView.vue';

const settings = (employer: EmployerProfileDraft) => ({
  tagPrefix: 'Eligo-WOTC',
  surveyLanguage: 'en',
  employer,
});

describe('Employer profile screen', () => {
  const fetchMock = mockFetch();

  async function open() {
    const pinia = testPinia();
    const router = await testRouter('/account/data-settings/employer');
    const wrapper = mount(EmployerProfileView, {
      global: { plugins: [pinia, router] },
      attachTo: document.body,
    });
    await flushPromises();
    return wrapper;
  }
  const input = (wrapper: Awaited<ReturnType<typeof open>>, id: string) =>
    wrapper.find(`#employer-${id}`);
  const lastBody = () =>
    JSON.parse(String(fetchMock.mock.lastCall![1]!.body)) as { employer: unknown };

  test('an empty profile: every field listed as missing, linked to its input; the zone defaults', async () => {
    fetchMock.mockResolvedValueOnce(json(200, settings(EMPTY_EMPLOYER_PROFILE)));
    const wrapper = await open();
    const missing = wrapper.findAll('[data-testid="employer-missing"] a');
    expect(missing).toHaveLength(11);
    expect(missing[1]!.text()).toBe('EIN');
    expect(missing[1]!.attributes('href')).toBe('#employer-ein');
    await missing[1]!.trigger('click');
    expect(document.activeElement?.id).toBe('employer-ein');
    const zone = input(wrapper, 'timeZone');
    expect(zone.find('option').text()).toBe(
      'Default: Eastern (most areas) (until the address has a state)',
    );
    await input(wrapper, 'address-state').setValue('TX');
    expect(zone.find('option').text()).toBe('Default for Texas: Central (most areas)');
    expect(wrapper.text()).toContain(
      'None chosen: people are employed in Texas, the address’s state.',
    );
    wrapper.unmount();
  });

  test('saving sends the whole profile (blanks as null); the EIN gets its dash as it is typed', async () => {
    fetchMock.mockResolvedValueOnce(json(200, settings(EMPTY_EMPLOYER_PROFILE)));
    const wrapper = await open();
    await input(wrapper, 'legalName').setValue('Lone Star Freight Inc.');
    await input(wrapper, 'ein').setValue('742051183');
    await flushPromises();
    expect((input(wrapper, 'ein').element as HTMLInputElement).value).toBe('74-2051183');
    await input(wrapper, 'address-state').setValue('TX');
    await input(wrapper, 'employmentStates').setValue('OK');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Add')!
      .trigger('click');
    expect(wrapper.find('ul[aria-label="Chosen states"]').text()).toContain('Oklahoma');
    const month = input(wrapper, 'taxYearStartMonth');
    expect((month.element as HTMLSelectElement).value).toBe('1');
    expect(month.find('option').text()).toBe('January (calendar year)');
    await month.setValue('7');
    const saved = {
      ...EMPTY_EMPLOYER_PROFILE,
      legalName: 'Lone Star Freight Inc.',
      ein: '74-2051183',
    };
    fetchMock.mockResolvedValueOnce(json(200, settings(saved)));
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(fetchMock.mock.lastCall![0]).toBe('/api/organization/settings');
    expect(fetchMock.mock.lastCall![1]!.method).toBe('PATCH');
    expect(lastBody()).toEqual({
      employer: {
        ...EMPTY_EMPLOYER_PROFILE,
        legalName: 'Lone Star Freight Inc.',
        ein: '74-2051183',
        address: { ...EMPTY_EMPLOYER_PROFILE.address, state: 'TX' },
        employmentStates: ['OK'],
        taxYearStartMonth: 7,
      },
    });
    expect(wrapper.find('[role="status"]').text()).toContain(
      'The employer profile was saved. Still missing: Street address',
    );
    wrapper.unmount();
  });

  test('a wrong EIN is said in words, focused, and nothing is sent', async () => {
    fetchMock.mockResolvedValueOnce(json(200, settings(EMPLOYER)));
    const wrapper = await open();
    expect(wrapper.find('[data-testid="employer-complete"]').exists()).toBe(true);
    await input(wrapper, 'ein').setValue('07-1234567');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[role="alert"]').text()).toBe('Please fix: EIN.');
    expect(wrapper.find('#employer-ein-error').text()).toBe(
      'No EIN starts with 07: check the first two digits.',
    );
    expect(input(wrapper, 'ein').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('employer-ein');
    wrapper.unmount();
  });

  test("the API's refusal is shown on the field, in the form's words, not the schema's", async () => {
    fetchMock.mockResolvedValueOnce(json(200, settings(EMPLOYER)));
    const wrapper = await open();
    fetchMock.mockResolvedValueOnce(
      json(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'body/employer/address/zip must match pattern "^\\d{5}(-\\d{4})?$"',
        details: [
          {
            path: '/body/employer/address/zip',
            message: 'must match pattern "^\\d{5}(-\\d{4})?$"',
          },
        ],
      }),
    );
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toBe('Eligo did not accept: ZIP code.');
    expect(wrapper.find('#employer-address-zip-error').text()).toBe(
      'Enter a ZIP code of 5 digits, or ZIP+4 (60601-1234).',
    );
    expect(wrapper.text()).not.toContain('must match pattern');
    wrapper.unmount();
  });

  test('a load failure is said, with a way to try again', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const wrapper = await open();
    expect(wrapper.find('[role="alert"]').text()).toContain(
      'Could not load the employer profile: Cannot reach Eligo.',
    );
    fetchMock.mockResolvedValueOnce(json(200, settings(EMPLOYER)));
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect((input(wrapper, 'legalName').element as HTMLInputElement).value).toBe(
      EMPLOYER.legalName,
    );
    wrapper.unmount();
  });
});
