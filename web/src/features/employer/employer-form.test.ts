import { describe, expect, test } from 'vitest';
import { EMPTY_EMPLOYER_PROFILE } from '@eligo/shared/filing';
import { EMPLOYER } from '../filing/fixtures.ts';
import {
  employerFieldOfPath,
  employerFormProblems,
  formatEinInput,
  TAX_YEAR_START_OPTIONS,
  toEmployerForm,
  toEmployerInput,
} from './employer-form.ts';

describe('employer form', () => {
  test('a saved profile round-trips; blanks become null, defaults stay null', () => {
    expect(toEmployerInput(toEmployerForm(EMPLOYER))).toEqual(EMPLOYER);
    const form = toEmployerForm(null);
    expect(form.legalName).toBe('');
    expect(toEmployerInput({ ...form, legalName: '   ' })).toEqual(EMPTY_EMPLOYER_PROFILE);
    const chosen = toEmployerInput({
      ...form,
      timeZone: 'America/Denver',
      employmentStates: ['TX', 'OK'],
      taxYearStartMonth: '7',
    });
    expect(chosen).toMatchObject({
      timeZone: 'America/Denver',
      employmentStates: ['TX', 'OK'],
      taxYearStartMonth: 7,
    });
    expect(toEmployerForm({ ...EMPLOYER, taxYearStartMonth: 10 }).taxYearStartMonth).toBe('10');
  });

  test.each([
    ['ein', '123456789', 'Enter the EIN as NN-NNNNNNN (two digits, a dash, seven digits).'],
    ['ein', '07-1234567', 'No EIN starts with 07: check the first two digits.'],
    ['address.zip', '7870', 'Enter a ZIP code of 5 digits, or ZIP+4 (60601-1234).'],
    ['phone', '555-0100', expect.stringContaining('Enter a US phone number with its area code')],
    ['contact.phone', '(112) 555-0100', expect.stringContaining('Enter a US phone number')],
    ['contact.email', 'people at lonestar', 'Enter an email address like name@example.com.'],
  ] as const)('%s "%s" is refused in words', (field, value, message) => {
    expect(employerFormProblems({ ...toEmployerForm(EMPLOYER), [field]: value })).toEqual({
      [field]: message,
    });
  });

  test('a complete, well-formed profile and a blank one have no problem', () => {
    expect(employerFormProblems(toEmployerForm(EMPLOYER))).toEqual({});
    expect(employerFormProblems(toEmployerForm(null))).toEqual({});
    expect(
      employerFormProblems({ ...toEmployerForm(EMPLOYER), phone: '+1 512.555.0170 ext. 12' }),
    ).toEqual({});
  });

  test.each([
    ['/body/employer/ein', 'ein'],
    ['/body/employer/address/zip', 'address.zip'],
    ['/body/employer/contact/email', 'contact.email'],
    ['/body/employer/employmentStates/1', 'employmentStates'],
    ['/body/employer/timeZone', 'timeZone'],
    ['/body/employer/taxYearStartMonth', 'taxYearStartMonth'],
    ['/body/employer/address', null],
    ['/body/tagPrefix', null],
  ])('the API path %s is the field %s', (path, field) => {
    expect(employerFieldOfPath(path)).toBe(field);
  });

  test.each([
    ['74', '74'],
    ['742', '74-2'],
    ['742051183', '74-2051183'],
    ['74-2051183', '74-2051183'],
    ['74 2051 1839 9', '74-2051183'],
  ])('the EIN typed as "%s" shows as "%s"', (typed, shown) => {
    expect(formatEinInput(typed)).toBe(shown);
  });
});

test('"Tax year starts in": the twelve months, January being the calendar year', () => {
  expect(TAX_YEAR_START_OPTIONS.map((o) => `${o.value} ${o.label}`)).toEqual([
    '1 January (calendar year)',
    ...['February', 'March', 'April', 'May', 'June', 'July'].map((m, i) => `${i + 2} ${m}`),
    ...['August', 'September', 'October', 'November', 'December'].map((m, i) => `${i + 8} ${m}`),
  ]);
});
