import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CreditLedger, PayrollImportResult } from '@eligo/shared/schemas/credits';
import { json, testPinia, testRouter } from '../filing/fixtures.ts';
import CreditsView from './CreditsView.vue';

/** A July–June tax year for 2027, calendar years otherwise. */
function ledgerOf(taxYear: number, credit: number): CreditLedger {
  const fiscal = taxYear === 2027;
  const firstMonth = fiscal ? 7 : 1;
  return {
    taxYear,
    from: fiscal ? '2027-07-01' : `${taxYear}-01-01`,
    through: fiscal ? '2028-06-30' : `${taxYear}-12-31`,
    authorizedThrough: '2025-12-31',
    lines: [
      {
        applicantId: 'a'.repeat(24),
        name: 'Ana Díaz',
        targetGroup: 'A',
        startedOn: '2025-10-01',
        terminatedOn: null,
        status: 'credited',
        hours: 960,
        wages: 3600,
        rate: 0.4,
        qualifiedWages: 3600,
        secondYearQualifiedWages: 0,
        creditToDate: credit,
        projectedCredit: 2400,
      },
    ],
    totals: {
      wagesAt40: 3600,
      wagesAt25: 0,
      secondYearWagesAt50: 0,
      credit,
      projectedCredit: 2400,
    },
    // All of the year's credit in its third month.
    byMonth: Array.from({ length: 12 }, (_, i) => {
      const m = firstMonth - 1 + i;
      const month = `${taxYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      return { month, credit: i === 2 ? credit : 0 };
    }),
    byTargetGroup: [
      { targetGroup: 'A', name: 'Qualified IV-A recipient (short-term TANF)', hires: 1, credit },
    ],
  };
}

const payroll = (dryRun: boolean): PayrollImportResult => ({
  dryRun,
  rows: 12,
  created: 12,
  updated: 0,
  unchanged: 0,
  notCertified: 0,
  notCertifiedEmployees: [],
});

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/payroll/import') {
      return json(200, payroll(url.searchParams.get('dryRun') === 'true'));
    }
    if (url.pathname.endsWith('/termination')) {
      const body = JSON.parse(String(init!.body)) as { terminatedOn: string | null };
      return json(200, { applicantId: 'a'.repeat(24), terminatedOn: body.terminatedOn });
    }
    if (url.pathname === '/api/credits/form-5884') {
      return new Response('"tax_year","line"\r\n', {
        status: 200,
        headers: {
          'content-type': 'text/csv',
          'content-disposition': 'attachment; filename="form-5884-2025.csv"',
        },
      });
    }
    const year = Number(url.searchParams.get('taxYear') ?? 2026);
    if (year === 2027) return json(200, ledgerOf(2027, 960));
    return year === 2015
      ? json(400, { statusCode: 400, code: 'TAX_YEAR_OUT_OF_RANGE', message: 'No credit for 2015' })
      : json(200, ledgerOf(year, year === 2025 ? 1440 : 960));
  });
  vi.stubGlobal('fetch', fetchMock);
  // jsdom has no object URLs; the download only needs one to exist (each test file is isolated).
  Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined });
});
afterEach(() => vi.unstubAllGlobals());

async function open() {
  const wrapper = mount(CreditsView, {
    global: { plugins: [testPinia(), await testRouter('/credits')] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

describe('Credits screen', () => {
  test("the current tax year's totals and lines; another year on demand", async () => {
    const wrapper = await open();
    expect(wrapper.find('h2').text()).toBe('Tax year 2026: Jan 1, 2026 – Dec 31, 2026');
    expect(wrapper.find('[data-line="1b"]').text()).toContain('$3,600.00');
    expect(wrapper.find('[data-line="credit"]').text()).toContain('$960.00');
    const row = wrapper.find(`[data-applicant="${'a'.repeat(24)}"]`).text();
    expect(row).toContain('Ana Díaz');
    expect(row).toContain('40 %');
    expect(row).toContain('$2,400.00');
    await wrapper.findAll('.years button')[0]!.trigger('click');
    await flushPromises();
    expect(String(fetchMock.mock.calls.at(-1)![0])).toContain('taxYear=2025');
    expect(wrapper.find('h2').text()).toBe('Tax year 2025: Jan 1, 2025 – Dec 31, 2025');
    expect(wrapper.find('[data-line="credit"]').text()).toContain('$1,440.00');
    wrapper.unmount();
  });

  test('a fiscal year: its window, and the charts with their figures in words', async () => {
    const wrapper = await open();
    const store = (await import('./credits.store.ts')).useCreditsStore();
    await store.load(2027);
    await flushPromises();
    expect(wrapper.find('h2').text()).toBe('Tax year 2027: Jul 1, 2027 – Jun 30, 2028');
    const months = wrapper.find('[data-testid="chart-months-table"]');
    expect(months.findAll('tbody tr').map((tr) => tr.text())).toEqual([
      'Jul 2027$0.00',
      'Aug 2027$0.00',
      'Sep 2027$960.00',
      ...['Oct 2027', 'Nov 2027', 'Dec 2027'].map((m) => `${m}$0.00`),
      ...['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'].map((m) => `${m} 2028$0.00`),
    ]);
    const canvases = wrapper.findAll('canvas');
    expect(canvases.map((c) => c.attributes('aria-label'))).toEqual([
      'Credit by month, tax year 2027: Sep 2027 $960.00; $960.00 in all.',
      'Credit by target group, tax year 2027: A $960.00; $960.00 in all.',
    ]);
    expect(wrapper.find('[data-testid="chart-groups-table"] tbody').text()).toBe(
      'A: Qualified IV-A recipient (short-term TANF)1$960.00',
    );
    wrapper.unmount();
  });

  test('uploading payroll: a dry run first, then the import reloads the ledger', async () => {
    const wrapper = await open();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Upload payroll (CSV)')!
      .trigger('click');
    await flushPromises();
    const input = document.body.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['employee,period_start,period_end,hours,wages\n'], 'payroll.csv', {
      type: 'text/csv',
    });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await flushPromises();
    expect(document.body.textContent).toContain('12 pay periods would be added');
    const importButton = [...document.body.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Import',
    )!;
    const loadsBefore = fetchMock.mock.calls.filter(([u]) =>
      String(u).startsWith('/api/credits?'),
    ).length;
    importButton.click();
    await flushPromises();
    expect(document.body.textContent).toContain('The pay periods were imported.');
    const uploads = fetchMock.mock.calls.filter(([u]) =>
      String(u).startsWith('/api/payroll/import'),
    );
    expect(uploads.map(([u]) => String(u))).toEqual([
      '/api/payroll/import?dryRun=true',
      '/api/payroll/import?dryRun=false',
    ]);
    expect(fetchMock.mock.calls.filter(([u]) => String(u).startsWith('/api/credits?')).length).toBe(
      loadsBefore + 1,
    );
    wrapper.unmount();
  });

  test('the Form 5884 totals download for the year shown; a refused year is said', async () => {
    const wrapper = await open();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Download the Form 5884 totals (CSV)')!
      .trigger('click');
    await flushPromises();
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain(
      '/api/credits/form-5884?taxYear=2026',
    );
    const store = (await import('./credits.store.ts')).useCreditsStore();
    await store.load(2015);
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('No credit for 2015');
    wrapper.unmount();
  });

  test("an admin records a hire's last day; the ledger is read again", async () => {
    const wrapper = await open();
    await wrapper
      .find('button[aria-label="Set the last day of work of Ana Díaz"]')
      .trigger('click');
    await flushPromises();
    const input = document.body.querySelector('input[type="date"]') as HTMLInputElement;
    expect(input.min).toBe('2025-10-01');
    input.value = '2026-03-31';
    input.dispatchEvent(new Event('input'));
    const save = [...document.body.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Save',
    )!;
    save.click();
    await flushPromises();
    const put = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/termination'))!;
    expect(String(put[0])).toBe(`/api/credits/hires/${'a'.repeat(24)}/termination`);
    expect(put[1]!.method).toBe('PUT');
    expect(JSON.parse(String(put[1]!.body))).toEqual({ terminatedOn: '2026-03-31' });
    expect(String(fetchMock.mock.calls.at(-1)![0])).toBe('/api/credits?taxYear=2026');
    wrapper.unmount();
  });
});
