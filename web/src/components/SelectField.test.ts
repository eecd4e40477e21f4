import { mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import SelectField from './SelectField.vue';

const options = [
  { value: '' as const, label: 'Choose a state' },
  { value: 'TX', label: 'Texas' },
  { value: 'OK', label: 'Oklahoma' },
];

describe('SelectField', () => {
  test('labelled, its hint and error tied to it, invalid while it has an error', async () => {
    const wrapper = mount(SelectField, {
      props: {
        label: 'State',
        name: 'state',
        options,
        hint: 'Where people work.',
        error: 'Choose the state from the list.',
        inputId: 'the-state',
        modelValue: '',
      },
    });
    const select = wrapper.find('select');
    expect(wrapper.find('label').attributes('for')).toBe('the-state');
    expect(select.attributes()).toMatchObject({
      id: 'the-state',
      'aria-invalid': 'true',
      'aria-describedby': 'the-state-hint the-state-error',
    });
    expect(wrapper.find('#the-state-error').text()).toBe('Choose the state from the list.');
    await select.setValue('OK');
    expect(wrapper.emitted('update:modelValue')).toEqual([['OK']]);
    await wrapper.setProps({ error: undefined, hint: undefined });
    expect(select.attributes('aria-invalid')).toBeUndefined();
    expect(select.attributes('aria-describedby')).toBeUndefined();
    expect(wrapper.find('label').attributes('for')).toBe(select.attributes('id'));
  });
});
