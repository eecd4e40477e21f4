import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import { json, mockFetch, testPinia } from '../filing/fixtures.ts';
import DigestPreference from './DigestPreference.vue';

describe('daily filing digest preference', () => {
  const fetchMock = mockFetch();

  async function open() {
    const pinia = testPinia();
    const wrapper = mount(DigestPreference, { global: { plugins: [pinia] } });
    await flushPromises();
    return wrapper;
  }

  test('shows the saved choice and saves a change at once', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { filingDigest: true }));
    const wrapper = await open();
    const box = wrapper.find('input[type="checkbox"]');
    expect(wrapper.find('label').text()).toBe('Daily filing digest');
    expect((box.element as HTMLInputElement).checked).toBe(true);
    fetchMock.mockResolvedValueOnce(json(200, { filingDigest: false }));
    await box.setValue(false);
    await flushPromises();
    expect(fetchMock.mock.lastCall![0]).toBe('/api/account/preferences');
    expect(fetchMock.mock.lastCall![1]).toMatchObject({
      method: 'PATCH',
      body: '{"filingDigest":false}',
    });
    expect(wrapper.find('[role="status"]').text()).toBe(
      'You will no longer get the daily filing digest.',
    );
  });

  test('a failed save says so and the box shows what is really saved', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { filingDigest: true }));
    const wrapper = await open();
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const box = wrapper.find('input[type="checkbox"]');
    await box.setValue(false);
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain(
      'Your choice was not saved: Cannot reach Eligo.',
    );
    expect((box.element as HTMLInputElement).checked).toBe(true);
  });

  test('a load failure is said, with a way to try again', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const wrapper = await open();
    expect(wrapper.find('[role="alert"]').text()).toContain('Could not load your choices');
    fetchMock.mockResolvedValueOnce(json(200, { filingDigest: false }));
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect((wrapper.find('input[type="checkbox"]').element as HTMLInputElement).checked).toBe(
      false,
    );
  });
});
