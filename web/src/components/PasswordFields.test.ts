import { mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import { passwordSchema } from '@eligo/shared/schemas/common';
import PasswordFields, { PASSWORD_MIN_LENGTH, confirmationErrors } from './PasswordFields.vue';

function fields(props: Record<string, unknown> = {}) {
  return mount(PasswordFields, { props: { modelValue: '', ...props } });
}

/** The input a visible label names (`<label for>`), as a screen reader pairs them. */
function byLabel(wrapper: VueWrapper, text: string) {
  const label = wrapper.findAll('label').find((l) => l.text() === text);
  expect(label, `a label "${text}"`).toBeDefined();
  return wrapper.find(`input#${CSS.escape(label!.attributes('for')!)}`);
}

/** The texts of the elements an input's aria-describedby points to, in order. */
function description(wrapper: VueWrapper, input: ReturnType<typeof byLabel>) {
  const ids = (input.attributes('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => wrapper.find(`#${CSS.escape(id)}`).text());
}

describe('PasswordFields', () => {
  test('alone: one labelled new-password input, its rule tied to it as a hint', () => {
    const wrapper = fields({ label: 'Password' });
    expect(wrapper.findAll('input')).toHaveLength(1);
    const input = byLabel(wrapper, 'Password');
    expect(input.attributes()).toMatchObject({
      type: 'password',
      name: 'password',
      autocomplete: 'new-password',
      minlength: String(PASSWORD_MIN_LENGTH),
    });
    expect(input.attributes('required')).toBeDefined();
    expect(input.attributes('aria-invalid')).toBeUndefined();
    expect(description(wrapper, input)).toEqual([
      `At least ${PASSWORD_MIN_LENGTH} characters; a long passphrase is best.`,
    ]);
  });

  test("the minimum is the API's: one character less is refused by the shared schema", () => {
    expect(Value.Check(passwordSchema, 'x'.repeat(PASSWORD_MIN_LENGTH))).toBe(true);
    expect(Value.Check(passwordSchema, 'x'.repeat(PASSWORD_MIN_LENGTH - 1))).toBe(false);
  });

  test('changing your own: current password first, then the new one, each labelled', () => {
    const wrapper = fields({ withCurrent: true, name: 'newPassword' });
    const inputs = wrapper.findAll('input');
    expect(inputs.map((i) => [i.attributes('name'), i.attributes('autocomplete')])).toEqual([
      ['currentPassword', 'current-password'],
      ['newPassword', 'new-password'],
    ]);
    expect(byLabel(wrapper, 'Current password').attributes('name')).toBe('currentPassword');
    expect(byLabel(wrapper, 'New password').attributes('name')).toBe('newPassword');
  });

  test('with a confirmation: the new password typed again, under its own label', () => {
    const wrapper = fields({ withConfirmation: true });
    const again = byLabel(wrapper, 'Repeat the password');
    expect(again.attributes()).toMatchObject({
      type: 'password',
      name: 'confirm',
      autocomplete: 'new-password',
    });
  });

  test('errors (keyed by input name) are shown, tied by aria-describedby and mark the input', () => {
    const wrapper = fields({
      withCurrent: true,
      withConfirmation: true,
      errors: { currentPassword: 'Wrong password', confirm: 'The two passwords are not the same' },
    });
    const current = byLabel(wrapper, 'Current password');
    expect(current.attributes('aria-invalid')).toBe('true');
    expect(description(wrapper, current)).toEqual(['Wrong password']);
    const again = byLabel(wrapper, 'Repeat the password');
    expect(again.attributes('aria-invalid')).toBe('true');
    expect(description(wrapper, again)).toEqual(['The two passwords are not the same']);
    // The new password has no error: only its hint describes it.
    const fresh = byLabel(wrapper, 'New password');
    expect(fresh.attributes('aria-invalid')).toBeUndefined();
    expect(description(wrapper, fresh)).toHaveLength(1);
  });

  test('each input updates its own model', async () => {
    const wrapper = fields({ withCurrent: true, withConfirmation: true });
    await byLabel(wrapper, 'Current password').setValue('old secret');
    await byLabel(wrapper, 'New password').setValue('a long passphrase');
    await byLabel(wrapper, 'Repeat the password').setValue('a long passphrase!');
    expect(wrapper.emitted('update:current')?.at(-1)).toEqual(['old secret']);
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['a long passphrase']);
    expect(wrapper.emitted('update:confirmation')?.at(-1)).toEqual(['a long passphrase!']);
  });

  test('the repeated password must be the new one', () => {
    expect(confirmationErrors({ password: 'a long one', confirm: 'a long one' })).toBeNull();
    expect(confirmationErrors({ password: 'a long one', confirm: 'a long 1' })).toEqual({
      confirm: 'The two passwords are not the same.',
    });
  });
});
