import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { questionDef } from '@eligo/shared/wotc';
import QuestionField from '../QuestionField.vue';

const KANSAS = {
  state: 'KS',
  counties: [
    { fips: '20001', name: 'Allen County' },
    { fips: '20009', name: 'Barton County' },
  ],
};

function stubFetch(...answers: Array<unknown | Error>) {
  const fetch = vi.fn();
  for (const answer of answers) {
    if (answer instanceof Error) fetch.mockRejectedValueOnce(answer);
    else
      fetch.mockResolvedValueOnce(
        new Response(JSON.stringify(answer), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
  }
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const county = (homeState?: string, modelValue?: string) =>
  mount(QuestionField, { props: { def: questionDef('county'), modelValue, homeState } });
const options = (wrapper: ReturnType<typeof county>) =>
  wrapper.findAll('option').map((o) => [o.attributes('value'), o.text()]);

afterEach(() => vi.unstubAllGlobals());

describe('the county picker', () => {
  test('without a state it is a disabled select that says to choose the state first', () => {
    const fetch = stubFetch();
    const wrapper = county();
    const select = wrapper.find('select[name="county"]');
    expect(select.attributes('disabled')).toBeDefined();
    expect(wrapper.find('label').attributes('for')).toBe('q-county');
    expect(wrapper.text()).toContain('Choose your state first.');
    expect(fetch).not.toHaveBeenCalled();
  });

  test("lists the state's counties after 'not listed', and stores the FIPS code", async () => {
    const fetch = stubFetch(KANSAS);
    const wrapper = county('KS');
    await flushPromises();
    expect(fetch.mock.calls[0]![0]).toBe('/api/counties?state=KS');
    expect(options(wrapper)).toEqual([
      ['', 'Choose a county'],
      ['not_listed', 'Not listed / not sure'],
      ['20001', 'Allen County'],
      ['20009', 'Barton County'],
    ]);
    await wrapper.find('select').setValue('20009');
    expect(wrapper.emitted('update:modelValue')).toEqual([['20009']]);
    // The list is fetched once per page, whoever asks again.
    county('KS');
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test('a failed load says so and can be tried again; "not listed" stays possible', async () => {
    stubFetch(new TypeError('offline'), {
      state: 'NE',
      counties: [{ fips: '31003', name: 'Antelope County' }],
    });
    const wrapper = county('NE');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('could not be loaded');
    expect(options(wrapper).map(([value]) => value)).toEqual(['', 'not_listed']);
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(options(wrapper).at(-1)).toEqual(['31003', 'Antelope County']);
  });
});
