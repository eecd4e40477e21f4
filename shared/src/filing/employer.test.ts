import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import {
  einSchema,
  employerPhoneSchema,
  employerProfileDraftSchema,
  employerProfileInputSchema,
  employerProfileSchema,
  type EmployerProfileDraft,
} from '../schemas/employer.ts';
import {
  completeEmployerProfile,
  defaultEmployedInState,
  effectiveEmploymentStates,
  effectiveTimeZone,
  einProblem,
  EMPTY_EMPLOYER_PROFILE,
  employerProfileMissing,
  EMPLOYER_PROFILE_FIELDS,
  maskEin,
} from './employer.ts';
import { SAMPLE_EMPLOYER } from './filing-fixtures.ts';

/** The prefixes the IRS never issues ("How EINs are assigned and valid EIN prefixes"). */
const UNISSUED = [
  '00',
  '07',
  '08',
  '09',
  '17',
  '18',
  '19',
  '28',
  '29',
  '49',
  '69',
  '70',
  '78',
  '79',
  '89',
  '96',
  '97',
];

const PROFILE = SAMPLE_EMPLOYER;

describe('EIN', () => {
  test.each(Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0')))(
    'prefix %s: the schema and einProblem agree with the IRS list',
    (prefix) => {
      const ein = `${prefix}-1234567`;
      const issued = !UNISSUED.includes(prefix);
      expect(Value.Check(einSchema, ein)).toBe(issued);
      expect(einProblem(ein) === null).toBe(issued);
    },
  );

  test.each([
    ['123456789', /NN-NNNNNNN/],
    ['12-345678', /NN-NNNNNNN/],
    ['12-34567890', /NN-NNNNNNN/],
    ['1-23456789', /NN-NNNNNNN/],
    [' 12-3456789', /NN-NNNNNNN/],
    ['00-1234567', /No EIN starts with 00/],
  ])('%j is refused: %s', (ein, message) => {
    expect(Value.Check(einSchema, ein)).toBe(false);
    expect(einProblem(ein)).toMatch(message);
  });

  test('members see the last four digits only', () => {
    expect(maskEin('12-3456789')).toBe('**-***6789');
  });
});

describe('employer phone', () => {
  test.each([
    ['620-555-0100', true],
    ['(620) 555-0100', true],
    ['+1 620 555 0100', true],
    ['6205550100', true],
    ['620.555.0100 x204', true],
    ['620-555-0100 ext. 12', true],
    ['620-555-0100 Ext 12', true],
    ['120-555-0100', false], // area codes start with 2–9
    ['620-155-0100', false], // so do exchanges
    ['555-0100', false],
    ['620-555-0100 x', false],
    ['620-555-01000', false],
    ['', false],
  ])('%j → %s', (phone, ok) => {
    expect(Value.Check(employerPhoneSchema, phone)).toBe(ok);
  });
});

describe('employerProfileMissing', () => {
  test('a complete profile misses nothing; no profile misses every field, in form order', () => {
    expect(employerProfileMissing(PROFILE)).toEqual([]);
    expect(employerProfileMissing(null)).toEqual([...EMPLOYER_PROFILE_FIELDS]);
    expect(employerProfileMissing(EMPTY_EMPLOYER_PROFILE)).toEqual([...EMPLOYER_PROFILE_FIELDS]);
  });

  test.each([
    [{ ...PROFILE, ein: null }, ['ein']],
    [{ ...PROFILE, address: { ...PROFILE.address, zip: null } }, ['address.zip']],
    [
      { ...PROFILE, contact: { ...PROFILE.contact, title: null, email: null } },
      ['contact.title', 'contact.email'],
    ],
    [{ ...PROFILE, legalName: '   ' }, ['legalName']],
  ])('%# → %j', (profile, missing) => {
    expect(employerProfileMissing(profile)).toEqual(missing);
  });

  test('time zone and employment states are never missing: they default from the address', () => {
    expect(effectiveTimeZone(PROFILE)).toBe('America/Chicago');
    expect(effectiveEmploymentStates(PROFILE)).toEqual(['TX']);
    const chosen: EmployerProfileDraft = {
      ...PROFILE,
      timeZone: 'America/Denver',
      employmentStates: ['KS', 'CO'],
    };
    expect(effectiveTimeZone(chosen)).toBe('America/Denver');
    expect(effectiveEmploymentStates(chosen)).toEqual(['KS', 'CO']);
    expect(effectiveTimeZone(null)).toBe('America/New_York');
    expect(effectiveEmploymentStates(EMPTY_EMPLOYER_PROFILE)).toEqual([]);
    expect(defaultEmployedInState(PROFILE)).toBe('TX');
    expect(defaultEmployedInState(chosen)).toBeNull(); // two states: someone must say which
    expect(defaultEmployedInState(null)).toBeNull();
  });

  test('completeEmployerProfile gives what the forms take, or null while anything is missing', () => {
    const complete = completeEmployerProfile(PROFILE);
    expect(complete).toMatchObject({
      ein: '74-2051183',
      timeZone: 'America/Chicago',
      employmentStates: ['TX'],
    });
    expect(Value.Check(employerProfileSchema, complete)).toBe(true);
    expect(completeEmployerProfile({ ...PROFILE, phone: null })).toBeNull();
  });
});

describe('employer profile schemas', () => {
  test('the saved profile and the empty one are valid drafts', () => {
    expect(Value.Check(employerProfileDraftSchema, PROFILE)).toBe(true);
    expect(Value.Check(employerProfileDraftSchema, EMPTY_EMPLOYER_PROFILE)).toBe(true);
  });

  const withoutDefaults: Record<string, unknown> = { ...PROFILE };
  delete withoutDefaults.timeZone;
  delete withoutDefaults.employmentStates;
  test.each([
    ['the whole profile', PROFILE, true],
    ['time zone and states left out (defaults)', withoutDefaults, true],
    [
      'a chosen zone and states',
      { ...PROFILE, timeZone: 'America/Denver', employmentStates: ['CO', 'KS'] },
      true,
    ],
    ['a zone outside the US', { ...PROFILE, timeZone: 'Europe/Paris' }, false],
    ['a repeated employment state', { ...PROFILE, employmentStates: ['KS', 'KS'] }, false],
    ['no employment state at all (use null)', { ...PROFILE, employmentStates: [] }, false],
    ['a military state', { ...PROFILE, address: { ...PROFILE.address, state: 'AE' } }, false],
    ['a ZIP+4', { ...PROFILE, address: { ...PROFILE.address, zip: '67530-1234' } }, true],
    ['a 4-digit ZIP', { ...PROFILE, address: { ...PROFILE.address, zip: '6753' } }, false],
    ['a key left out (send null)', { ...withoutDefaults, ein: undefined }, false],
    ['an unknown key', { ...PROFILE, fax: '620-555-0199' }, false],
    ['a blank legal name', { ...PROFILE, legalName: '  ' }, false],
    [
      'a malformed contact email',
      { ...PROFILE, contact: { ...PROFILE.contact, email: 'hr@' } },
      false,
    ],
  ])('PATCH employer: %s → %s', (_what, body, ok) => {
    expect(Value.Check(employerProfileInputSchema, JSON.parse(JSON.stringify(body)))).toBe(ok);
  });
});
