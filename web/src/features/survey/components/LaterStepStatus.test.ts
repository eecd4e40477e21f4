import { mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import LaterStepStatus from './LaterStepStatus.vue';

describe('LaterStepStatus (steps 2 and 3 still downloading, or failed to)', () => {
  test('on the way: a status, not an alert', () => {
    const wrapper = mount(LaterStepStatus);
    expect(wrapper.find('[role="status"]').text()).toBe('Loading your survey…');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  test('failed: an alert in words, and a way to try again', () => {
    const wrapper = mount(LaterStepStatus, { props: { error: new Error('Failed to fetch') } });
    expect(wrapper.find('[role="alert"]').text()).toContain(
      'The server cannot be reached. Check your connection.',
    );
    expect(wrapper.find('button').text()).toBe('Try again');
  });
});
