import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { FilingList, FilingSummary } from '@eligo/shared/schemas/filing';
import { useSessionStore } from '../auth/session.store.ts';
import FilingView from './FilingView.vue';
import { aFilingRow, aHire, aSummary, json, testPinia, testRouter } from './fixtures.ts';

const soon = aFilingRow(
  '1'.repeat(24),
  'Ana Díaz',
  aHire({ offeredOn: '2026-03-01', hiredOn: '2026-03-02', startedOn: '2026-03-05' }, 'admin'),
);
/** Everything known but the employer's signature; and one signed: ready to file. */
const unsigned = aFilingRow(
  '3'.repeat(24),
  'Cruz Reyes',
  aHire(
    {
      offeredOn: '2026-03-01',
      hiredOn: '2026-03-02',
      startedOn: '2026-03-05',
      position: 'Dock worker',
      startingWage: 18,
      employedInState: 'TX',
    },
    'admin',
  ),
);
const ready = aFilingRow('4'.repeat(24), 'Dee Ng', unsigned.hire, { employerSigned: true });

const late = aFilingRow(
  '2'.repeat(24),
  'Ben Okafor',
  aHire({ offeredOn: '2026-03-01', hiredOn: '2026-03-02' }),
  { signedAt: '2026-03-04T15:00:00.000Z' },
);

function answers(summary: FilingSummary | number, list: FilingList | number) {
  return vi.fn<typeof fetch>(async (input) => {
    const url = String(input);
    const body = url.startsWith('/api/filing/summary') ? summary : list;
    if (typeof body === 'number') {
      return json(body, { statusCode: body, code: 'SERVICE_UNAVAILABLE', message: 'Try later' });
    }
    return json(200, body);
  });
}

async function open(role: 'admin' | 'member', path = '/filing') {
  const pinia = testPinia();
  useSessionStore().me = {
    user: { id: 'u'.repeat(24), name: 'Ada', email: 'ada@example.com', role },
    organization: { id: 'o'.repeat(24), name: 'Lone Star Freight' },
  } as never;
  const router = await testRouter(path);
  const wrapper = mount(FilingView, { global: { plugins: [pinia, router] } });
  await flushPromises();
  return { wrapper, router };
}

describe('Filing screen', () => {
  let fetchMock: ReturnType<typeof answers>;
  afterEach(() => vi.unstubAllGlobals());
  beforeEach(() => {
    fetchMock = answers(aSummary(), { items: [soon, late], nextCursor: 'next-page' });
    vi.stubGlobal('fetch', fetchMock);
  });

  test('each bucket with its count; choosing one shows its hires (in the URL)', async () => {
    const { wrapper, router } = await open('admin');
    const buckets = wrapper.findAll('[data-bucket]').map((b) => b.text());
    expect(buckets).toEqual([
      '3 All hires',
      '1 Needs a start date',
      '2 Due within 7 days',
      '0 Overdue',
      '0 In progress',
      '0 Ready to file',
      '0 Filed',
    ]);
    expect(wrapper.find('[data-bucket="all"]').attributes('aria-pressed')).toBe('true');
    await wrapper.find('button[data-bucket="due_soon"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/filing?bucket=due_soon');
    expect(fetchMock).toHaveBeenLastCalledWith(
      '/api/filing?bucket=due_soon&limit=25',
      expect.anything(),
    );
    expect(wrapper.find('[data-bucket="due_soon"]').attributes('aria-pressed')).toBe('true');
  });

  test('rows: name linking to the applicant, dates, days left in words, what is missing linked', async () => {
    const { wrapper } = await open('admin');
    const first = wrapper.find(`tr[data-applicant-id="${soon.id}"]`);
    const cells = first.findAll('td').map((td) => td.text().replace(/\s+/g, ' '));
    // An admin's first column picks the hire (for signing or a packet).
    expect(cells.slice(1, 5)).toEqual([
      'Ana Díaz · Dock worker',
      'Mar 5, 2026',
      'Apr 2, 2026',
      '3 days left',
    ]);
    expect(first.find('a').attributes('href')).toBe(`/applicants/${soon.id}`);
    const missing = first.findAll('[data-missing] a');
    expect(missing.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Position, wage and state of Ana Díaz', `/applicants/${soon.id}#hire`],
      ["Employer's signature of Ana Díaz", `/applicants/${soon.id}#filing`],
    ]);
    const second = wrapper.find(`tr[data-applicant-id="${late.id}"]`);
    expect(second.text()).toContain('Not confirmed');
    expect(second.text()).toContain('No start date yet');
    expect(second.text()).toContain('Screened after the offer');
    expect(second.text()).toContain('Survey signed Mar 4, 2026, after the offer on Mar 1, 2026.');
    expect(wrapper.find('nav[aria-label="Pages"]').text()).toContain('Next page');
  });

  test('an incomplete employer profile: a notice with a link for admins, words for members', async () => {
    fetchMock = answers(
      aSummary({
        employer: {
          legalName: null,
          einMasked: null,
          timeZone: 'America/New_York',
          missing: ['legalName', 'ein'],
        },
      }),
      { items: [], nextCursor: null },
    );
    vi.stubGlobal('fetch', fetchMock);
    const admin = await open('admin');
    const notice = admin.wrapper.find('[data-testid="employer-notice"]');
    expect(notice.text()).toContain('Still missing: Legal name, EIN.');
    expect(notice.find('a').attributes('href')).toBe('/account/data-settings/employer');
    expect(admin.wrapper.text()).toContain('Import hires (CSV)');

    const member = await open('member');
    const words = member.wrapper.find('[data-testid="employer-notice"]');
    expect(words.find('a').exists()).toBe(false);
    expect(words.text()).toContain('An admin completes it');
    expect(member.wrapper.text()).not.toContain('Import hires (CSV)');
  });

  test('an empty bucket says what would appear there', async () => {
    fetchMock = answers(aSummary(), { items: [], nextCursor: null });
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper } = await open('member', '/filing?bucket=overdue');
    expect(wrapper.find('[role="status"]').text()).toBe(
      'Hires whose 28-day deadline passed before the forms were filed appear here. Nothing is overdue.',
    );
  });

  test('a failure is said, with a way to try again', async () => {
    fetchMock = answers(503, 503);
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper } = await open('admin');
    const alerts = wrapper.findAll('[role="alert"]').map((a) => a.text());
    expect(alerts).toEqual([
      'Could not load the counts: Try later',
      expect.stringContaining('Could not load the hires: Try later'),
    ]);
    fetchMock.mockImplementation(async (input) =>
      json(
        200,
        String(input).includes('summary') ? aSummary() : { items: [soon], nextCursor: null },
      ),
    );
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Try again')!
      .trigger('click');
    await flushPromises();
    expect(wrapper.findAll('tbody tr')).toHaveLength(1);
  });

  test('an admin picks hires, signs for the employer and downloads the packet of the ready ones', async () => {
    fetchMock = answers(aSummary(), { items: [soon, unsigned, ready], nextCursor: null });
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper } = await open('admin');
    // Only hires that lack nothing but the signature, or nothing at all, can be picked.
    expect(wrapper.findAll('[data-pick]').map((box) => box.attributes('data-pick'))).toEqual([
      unsigned.id,
      ready.id,
    ]);
    const button = (text: string) =>
      wrapper.findAll('button').find((b) => b.text().startsWith(text))!;
    expect(button('Sign and mark ready').attributes('disabled')).toBeDefined();
    await wrapper.find(`[data-pick="${unsigned.id}"]`).setValue(true);
    await wrapper.find(`[data-pick="${ready.id}"]`).setValue(true);
    expect(button('Sign and mark ready').text()).toBe('Sign and mark ready (1)');
    expect(button('Download packet').text()).toBe('Download packet (1)');

    await button('Sign and mark ready').trigger('click');
    const form = wrapper.find('[data-testid="sign-form"]');
    await form.trigger('submit');
    expect(form.text()).toContain('Enter your title');
    expect(form.text()).toContain('Check the box to sign.');
    expect(fetchMock.mock.calls.some(([url]) => String(url) === '/api/filing/sign')).toBe(false);
    await form.find('input[name="title"]').setValue('HR Manager');
    await form.find('input[name="agreed"]').setValue(true);
    fetchMock.mockImplementationOnce(async () =>
      json(200, {
        signedAt: '2026-03-30T17:00:00.000Z',
        signedBy: 'Ada',
        applicantIds: [unsigned.id],
      }),
    );
    await form.trigger('submit');
    await flushPromises();
    const signCall = fetchMock.mock.calls.find(([url]) => String(url) === '/api/filing/sign')!;
    expect(JSON.parse(String(signCall[1]!.body))).toEqual({
      applicantIds: [unsigned.id],
      fullName: 'Ada',
      title: 'HR Manager',
      consentVersion: 'employer-consent-2026-05',
      agreed: true,
    });
  });

  test('the packet is downloaded under the name the server gives; a refusal is said', async () => {
    fetchMock = answers(aSummary(), { items: [ready], nextCursor: null });
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper } = await open('admin');
    await wrapper.find(`[data-pick="${ready.id}"]`).setValue(true);
    const zip = new Response(new Blob(['PK']), {
      status: 200,
      headers: { 'content-disposition': 'attachment; filename="wotc-packet-TX-2026-03-30.zip"' },
    });
    fetchMock.mockImplementationOnce(async () => zip);
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL() {} }),
    );
    const download = wrapper.findAll('button').find((b) => b.text().startsWith('Download packet'))!;
    await download.trigger('click');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls.at(-1)!;
    expect(url).toBe('/api/filing/packets');
    expect(JSON.parse(String(init!.body))).toEqual({ applicantIds: [ready.id] });
    expect(wrapper.find('[data-testid="filing-notice"]').text()).toContain(
      'Downloaded wotc-packet-TX-2026-03-30.zip',
    );

    fetchMock.mockImplementationOnce(async () =>
      json(409, { statusCode: 409, code: 'EMPLOYER_SIGNATURE_MISSING', message: 'Sign first' }),
    );
    await download.trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toBe('Sign first');
  });

  test('"all ready in Texas": the bucket and state in the URL, then every hire shown picked', async () => {
    fetchMock = answers(aSummary(), { items: [soon, unsigned, ready], nextCursor: null });
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper, router } = await open('admin', '/filing?bucket=ready');
    await wrapper.find('select[name="state"]').setValue('TX');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/filing?bucket=ready&state=TX');
    expect(fetchMock).toHaveBeenLastCalledWith(
      '/api/filing?bucket=ready&state=TX&limit=25',
      expect.anything(),
    );
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Pick all shown')!
      .trigger('click');
    const labels = wrapper.findAll('button').map((b) => b.text());
    expect(labels).toContain('Sign and mark ready (1)');
    expect(labels).toContain('Download packet (1)');

    // Every ready hire in Texas, however many pages: the server selects them.
    fetchMock.mockImplementationOnce(
      async () =>
        new Response(new Blob(['PK']), {
          status: 200,
          headers: {
            'content-disposition': 'attachment; filename="wotc-packet-TX-2026-03-30.zip"',
          },
        }),
    );
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL() {} }),
    );
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Download all ready in Texas')!
      .trigger('click');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls.at(-1)!;
    expect(url).toBe('/api/filing/packets');
    expect(JSON.parse(String(init!.body))).toEqual({ allReadyIn: 'TX' });
    expect(wrapper.find('[data-testid="filing-notice"]').text()).toContain(
      'Downloaded wotc-packet-TX-2026-03-30.zip',
    );
  });

  test('"Download all ready in …" needs the Ready to file bucket and a state', async () => {
    const { wrapper } = await open('admin', '/filing?state=TX');
    expect(wrapper.findAll('button').some((b) => b.text().startsWith('Download all ready'))).toBe(
      false,
    );
  });
});
