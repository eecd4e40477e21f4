import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import InviteUserForm from './InviteUserForm.vue';

/** The API answers: the mail-delivery lookup, then each invitation with `invitation(url)`. */
function serve(invitation: () => Response) {
  const fetchMock = vi.fn(async (url: string) =>
    url.startsWith('/api/users')
      ? invitation()
      : new Response(JSON.stringify({ transport: 'smtp', devMailbox: false }), { status: 200 }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const refusal =
  (details: { path: string; message: string }[] = []) =>
  () =>
    new Response(
      JSON.stringify({ statusCode: 429, code: 'RATE_LIMITED', message: 'Not now.', details }),
      { status: 429, headers: { 'retry-after': '3600' } },
    );

async function form() {
  const wrapper = mount(InviteUserForm, { global: { plugins: [createPinia()] } });
  await flushPromises();
  const button = () => wrapper.get('button[type="submit"]');
  const invite = async (email: string) => {
    await wrapper.get('input[name="name"]').setValue('Invitee');
    await wrapper.get('input[name="email"]').setValue(email);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
  };
  return { wrapper, button, invite };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('InviteUserForm under the mail limits', () => {
  test('too many invitations to one address: the button is disabled for it, for an hour', async () => {
    serve(refusal([{ path: '/body/email', message: 'Not now.' }]));
    const { wrapper, button, invite } = await form();
    await invite('Ann@Example.com');
    expect(wrapper.get('[role="alert"]').text()).toContain('Not now.');
    expect(button().attributes('disabled')).toBeDefined();
    // Another address can be invited; the same one, in any case, cannot.
    await wrapper.get('input[name="email"]').setValue('bob@example.com');
    expect(button().attributes('disabled')).toBeUndefined();
    await wrapper.get('input[name="email"]').setValue(' ann@example.com');
    expect(button().attributes('disabled')).toBeDefined();
    await vi.advanceTimersByTimeAsync(3600 * 1000);
    expect(button().attributes('disabled')).toBeUndefined();
  });

  test("the organization's limit: disabled for every address until then", async () => {
    serve(refusal());
    const { wrapper, button, invite } = await form();
    await invite('ann@example.com');
    await wrapper.get('input[name="email"]').setValue('bob@example.com');
    expect(button().attributes('disabled')).toBeDefined();
    await vi.advanceTimersByTimeAsync(3599 * 1000);
    expect(button().attributes('disabled')).toBeDefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(button().attributes('disabled')).toBeUndefined();
  });
});
