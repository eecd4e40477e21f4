import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, test, vi } from 'vitest';
import type { HiresImportResult } from '@eligo/shared/schemas/hires';
import { ApiError } from '../../../api/client.ts';
import HiresImportDialog from './HiresImportDialog.vue';

const outcome = (dryRun: boolean): HiresImportResult => ({
  dryRun,
  rows: 2,
  created: 1,
  updated: 0,
  unchanged: 0,
  unknown: 1,
  unknownEmployees: [{ line: 3, employee: 'nobody@example.com', reason: 'not_found' }],
});

function dialog(importHires: (file: Blob, dryRun: boolean) => Promise<HiresImportResult>) {
  return mount(HiresImportDialog, { props: { open: true, importHires }, attachTo: document.body });
}

async function choose(wrapper: ReturnType<typeof dialog>, file: File) {
  const input = wrapper.find('input[type="file"]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await flushPromises();
}

const csv = new File(
  ['employee,offered_on,hired_on,started_on,position,starting_wage,state\n'],
  'hires.csv',
  {
    type: 'text/csv',
  },
);

describe('Import hires (CSV)', () => {
  test('choosing a file runs a dry run; Import then writes it', async () => {
    const importHires = vi.fn(async (_file: Blob, dryRun: boolean) => outcome(dryRun));
    const wrapper = dialog(importHires);
    expect(wrapper.find('label').text()).toBe('CSV file of hires');
    await choose(wrapper, csv);
    expect(importHires).toHaveBeenCalledWith(csv, true);
    const text = wrapper.text();
    expect(text).toContain('The file is valid. Nothing is written yet.');
    expect(text).toContain('1 hire would be recorded');
    expect(text).toContain(
      'Line 3: nobody@example.com — no applicant with this Lever opportunity id or email',
    );
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Import')!
      .trigger('click');
    await flushPromises();
    expect(importHires).toHaveBeenLastCalledWith(csv, false);
    expect(wrapper.find('[role="status"]').text()).toContain('The hires were imported.');
    expect(wrapper.text()).toContain('1 hire was recorded, 0 hires were updated');
    expect(wrapper.findAll('button').some((b) => b.text() === 'Import')).toBe(false);
    wrapper.unmount();
  });

  test('a refused file lists every error by line and column, and how many more there are', async () => {
    const importHires = vi.fn(async () => {
      throw new ApiError(
        400,
        'CSV_INVALID',
        '2 rows have errors; nothing was imported',
        [
          {
            path: '/body/2/started_on',
            line: 2,
            column: 'started_on',
            message: '2026-02-30 is not a real date',
          },
          { path: '/body/3', line: 3, message: 'This line has 6 cells; the header has 7' },
        ],
        502,
      );
    });
    const wrapper = dialog(importHires);
    await choose(wrapper, csv);
    expect(wrapper.find('[role="alert"]').text()).toBe('2 rows have errors; nothing was imported');
    const rows = wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([
      ['2', 'started_on', '2026-02-30 is not a real date'],
      ['3', 'the whole line', 'This line has 6 cells; the header has 7'],
    ]);
    expect(wrapper.text()).toContain('500 more errors are not listed');
    expect(wrapper.findAll('button').some((b) => b.text() === 'Import')).toBe(false);
    wrapper.unmount();
  });
});
