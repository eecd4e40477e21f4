import { describe, expect, test } from 'vitest';
import { NOT_SUBMITTED } from '@eligo/shared/filing';
import type { FilingStatus } from '@eligo/shared/schemas/filing-status';
import {
  emptyFilingStatusForm,
  nextStatuses,
  showsField,
  toFilingStatusBody,
  type FilingStatusFormValues,
} from './filing-status-form.ts';

const SUBMITTED: FilingStatus = {
  state: 'submitted',
  submission: { on: '2026-03-20', method: 'portal', reference: null, late: false },
  determination: null,
};
const form = (values: Partial<FilingStatusFormValues>, current = SUBMITTED) => ({
  ...emptyFilingStatusForm(current),
  ...values,
});

describe('the filing status form', () => {
  test('offers only the moves allowed from the current status', () => {
    expect(nextStatuses(NOT_SUBMITTED)).toEqual(['submitted']);
    expect(emptyFilingStatusForm(NOT_SUBMITTED).status).toBe('submitted');
    expect(nextStatuses(SUBMITTED)).toEqual(['submitted', 'certified', 'denied', 'held']);
    expect(emptyFilingStatusForm(SUBMITTED).status).toBe('');
    expect(nextStatuses({ ...SUBMITTED, state: 'certified' })).toEqual([]);
  });

  test('shows the fields of the chosen status only', () => {
    expect(showsField('submitted', 'method')).toBe(true);
    expect(showsField('submitted', 'reason')).toBe(false);
    expect(showsField('certified', 'certificationNumber')).toBe(true);
    expect(showsField('denied', 'certificationNumber')).toBe(false);
    expect(showsField('', 'method')).toBe(false);
  });

  test('a submission: the US date becomes ISO, empty optional fields are left out', () => {
    const check = toFilingStatusBody(
      form(
        { status: 'submitted', on: '03/21/2026', method: 'mail', reference: ' ' },
        NOT_SUBMITTED,
      ),
      NOT_SUBMITTED,
      '2026-03-09',
    );
    expect(check).toEqual({
      ok: true,
      body: { status: 'submitted', on: '2026-03-21', method: 'mail' },
    });
  });

  test('a denial never sends a certification number typed before switching status', () => {
    const check = toFilingStatusBody(
      form({
        status: 'denied',
        on: '03/25/2026',
        reason: 'No SNAP proof',
        certificationNumber: 'C-1',
      }),
      SUBMITTED,
      '2026-03-09',
    );
    expect(check).toEqual({
      ok: true,
      body: { status: 'denied', on: '2026-03-25', reason: 'No SNAP proof' },
    });
  });

  test('what the API would refuse is said first, by field', () => {
    expect(toFilingStatusBody(form({}), SUBMITTED, '2026-03-09')).toEqual({
      ok: false,
      problems: { status: 'Choose what happened.' },
    });
    const missing = toFilingStatusBody(
      form({ status: 'certified', on: '3/25/2026' }),
      SUBMITTED,
      '2026-03-09',
    );
    expect(missing.ok || Object.keys(missing.problems)).toEqual(['targetGroup']);
    const early = toFilingStatusBody(
      form({ status: 'certified', on: '03/19/2026', targetGroup: 'G' }),
      SUBMITTED,
      '2026-03-09',
    );
    expect(early).toEqual({
      ok: false,
      problems: { on: 'The date is before the submission date (03/20/2026).' },
    });
    const never = toFilingStatusBody(
      form({ status: 'certified', on: '03/25/2026', targetGroup: 'G' }, NOT_SUBMITTED),
      NOT_SUBMITTED,
      '2026-03-09',
    );
    expect(never.ok || never.problems.status).toMatch(/Nothing was submitted yet/);
    expect(toFilingStatusBody(form({ status: 'held', on: 'tomorrow' }), SUBMITTED, null)).toEqual({
      ok: false,
      problems: { on: expect.stringContaining('MM/DD/YYYY') },
    });
  });
});
