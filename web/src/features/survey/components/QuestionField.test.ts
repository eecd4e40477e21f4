import { mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import { questionDef, type AnswerId } from '@eligo/shared/wotc';
import MultiChoiceField from './fields/MultiChoiceField.vue';
import { MORE_FIELD_KINDS } from './fields/more-kinds.ts';
import StateListField from './fields/StateListField.vue';
import QuestionField from './QuestionField.vue';

/** One question as step 2 shows it: with the kinds StepQuestions adds (fields/more-kinds.ts). */
function field(id: AnswerId, modelValue?: unknown, extra: Record<string, unknown> = {}) {
  return mount(QuestionField, {
    props: { def: questionDef(id), modelValue, labelParams: { org: 'Acme' }, ...extra },
    global: {
      provide: {
        [MORE_FIELD_KINDS as symbol]: { multi: MultiChoiceField, state_list: StateListField },
      },
    },
  });
}
const emitted = (wrapper: ReturnType<typeof field>) =>
  (wrapper.emitted('update:modelValue') ?? []).map((args) => args[0]);

describe('QuestionField', () => {
  test('a yes/no question is a fieldset with a legend and radios named by the question id', () => {
    const wrapper = field('worked_here_before');
    expect(wrapper.find('legend').text()).toBe('Have you worked for Acme before?');
    const radios = wrapper.findAll('input[type="radio"]');
    expect(radios.map((r) => r.attributes('name'))).toEqual([
      'worked_here_before',
      'worked_here_before',
      'worked_here_before',
    ]);
    expect(wrapper.text()).toContain('Prefer not to answer');
  });

  test('an error is shown, tied to the input, and marks it invalid', () => {
    const wrapper = field('zip', '123', { error: 'Enter a 5-digit ZIP code.' });
    const input = wrapper.find('input[name="zip"]');
    expect(input.attributes('inputmode')).toBe('numeric');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toBe('q-zip-error');
    expect(wrapper.find('#q-zip-error').text()).toContain('Enter a 5-digit ZIP code.');
    expect(wrapper.find('label').attributes('for')).toBe('q-zip');
  });

  test('the SSN is a password field formatted as typed, and can be declined', async () => {
    const wrapper = field('ssn');
    const input = wrapper.find('input[name="ssn"]');
    expect(input.attributes('type')).toBe('password');
    expect(input.attributes('autocomplete')).toBe('off');
    await input.setValue('123456789');
    expect(emitted(wrapper)).toEqual(['123-45-6789']);
    await wrapper.find('input[name="ssn_declined"]').setValue(true);
    expect(emitted(wrapper).at(-1)).toBe('declined');
    await wrapper.setProps({ modelValue: 'declined' });
    expect(wrapper.find('input[name="ssn"]').attributes('disabled')).toBeDefined();
  });

  test('a saved SSN is never put back in the field; the hint says it is kept', () => {
    const wrapper = field('ssn', undefined, { ssnSaved: true });
    expect((wrapper.find('input[name="ssn"]').element as HTMLInputElement).value).toBe('');
    expect(wrapper.text()).toContain('Leave this empty to keep it');
  });

  test('dates are typed as MM/DD/YYYY on a numeric keypad and stored as YYYY-MM-DD', async () => {
    const wrapper = field('dob', '1998-03-17');
    const input = wrapper.find('input[name="dob"]');
    expect((input.element as HTMLInputElement).value).toBe('03/17/1998');
    expect(input.attributes('inputmode')).toBe('numeric');
    await input.setValue('07041999');
    expect(emitted(wrapper)).toEqual(['1999-07-04']);
  });

  test('TANF options: any of a/b/c, or exclusively "none" or "prefer not to answer"', async () => {
    const wrapper = field('q_tanf_long');
    const box = (value: string) => wrapper.find(`input[name="q_tanf_long"][value="${value}"]`);
    await box('b').setValue(true);
    await box('none').setValue(true);
    await box('declined').setValue(true);
    expect(emitted(wrapper)).toEqual([['b'], [], 'declined']);
  });

  test('several states can be chosen, one picker each', async () => {
    const wrapper = field('q_ltur_states', ['TX', 'NM']);
    const selects = wrapper.findAll('select[name="q_ltur_states"]');
    expect(selects).toHaveLength(2);
    await wrapper.find('button.secondary').trigger('click');
    expect(emitted(wrapper)).toEqual([['TX', 'NM', '']]);
  });
});
