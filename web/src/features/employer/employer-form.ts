import {
  EMPLOYER_PHONE_PATTERN,
  EMPLOYER_STATE_CODES,
  EMPLOYER_PROFILE_FIELDS,
  EMPTY_EMPLOYER_PROFILE,
  einProblem,
  type EmployerProfileField,
  type EmployerState,
  type UsTimeZone,
} from '@eligo/shared/filing';
import type { EmployerProfileDraft, EmployerProfileInput } from '@eligo/shared/schemas/employer';
import type { SelectOption } from '../../components/SelectField.vue';
import { stateName } from '@eligo/shared/wotc';

/**
 * The Employer form (docs/filing.md §1) as plain strings, and back to the profile the API takes:
 * blank fields become `null` (not known yet: an incomplete profile may be saved), the default time
 * zone and employment states are `null`. Checks say in words what is wrong with a field; the
 * server's answers are shown with the same words, never the schema's.
 */
export type EmployerForm = Record<EmployerProfileField, string> & {
  /** `''`: the default of the address's state. */
  timeZone: UsTimeZone | '';
  /** Empty: the address's state. */
  employmentStates: EmployerState[];
  /** `'1'` (January: calendar tax years) … `'12'`, as the select holds it. */
  taxYearStartMonth: string;
};

export type EmployerFormKey =
  EmployerProfileField | 'timeZone' | 'employmentStates' | 'taxYearStartMonth';

const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });

/** "Tax year starts in": January (calendar years, the default) … December. */
export const TAX_YEAR_START_OPTIONS: SelectOption[] = Array.from({ length: 12 }, (_, i) => {
  const name = monthName.format(new Date(Date.UTC(2000, i, 1)));
  return { value: String(i + 1), label: i === 0 ? `${name} (calendar year)` : name };
});

const PHONE = new RegExp(EMPLOYER_PHONE_PATTERN);
const ZIP = /^\d{5}(-\d{4})?$/;
// The employer profile's email pattern (`emailSchema`): something, @, something, a dot, something.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How long each field may be (the schema's limits, enforced by the inputs' `maxlength`). */
export const EMPLOYER_MAX_LENGTHS: Record<EmployerProfileField, number> = {
  legalName: 200,
  ein: 10,
  'address.street': 200,
  'address.city': 100,
  'address.state': 2,
  'address.zip': 10,
  phone: 40,
  'contact.name': 100,
  'contact.title': 100,
  'contact.phone': 40,
  'contact.email': 254,
};

const PHONE_PROBLEM =
  'Enter a US phone number with its area code, e.g. (312) 555-0100; an extension may follow (x12).';

/** What to do about a field the server refused (its message is a schema's, not for people). */
export const EMPLOYER_FIELD_PROBLEMS: Record<EmployerFormKey, string> = {
  legalName: 'Enter the legal name, at most 200 characters.',
  ein: 'Enter the EIN as NN-NNNNNNN (two digits, a dash, seven digits).',
  'address.street': 'Enter the street address, at most 200 characters.',
  'address.city': 'Enter the city, at most 100 characters.',
  'address.state': 'Choose the state from the list.',
  'address.zip': 'Enter a ZIP code of 5 digits, or ZIP+4 (60601-1234).',
  phone: PHONE_PROBLEM,
  'contact.name': 'Enter the contact person’s name, at most 100 characters.',
  'contact.title': 'Enter the contact person’s title, at most 100 characters.',
  'contact.phone': PHONE_PROBLEM,
  'contact.email': 'Enter an email address like name@example.com.',
  timeZone: 'Choose a time zone from the list.',
  employmentStates: 'Choose each state from the list, once.',
  taxYearStartMonth: 'Choose the month the tax year starts in from the list.',
};

function valueAt(draft: EmployerProfileDraft, field: EmployerProfileField): string | null {
  const [group, key] = field.split('.') as [string, string | undefined];
  if (key === undefined) return draft[group as 'legalName' | 'ein' | 'phone'];
  return (draft[group as 'address' | 'contact'] as Record<string, string | null>)[key] ?? null;
}

export function toEmployerForm(draft: EmployerProfileDraft | null | undefined): EmployerForm {
  const profile = draft ?? EMPTY_EMPLOYER_PROFILE;
  const fields = Object.fromEntries(
    EMPLOYER_PROFILE_FIELDS.map((field) => [field, valueAt(profile, field) ?? '']),
  ) as Record<EmployerProfileField, string>;
  return {
    ...fields,
    timeZone: profile.timeZone ?? '',
    employmentStates: [...(profile.employmentStates ?? [])],
    taxYearStartMonth: String(profile.taxYearStartMonth),
  };
}

/** The whole profile for `PATCH /api/organization/settings` (it replaces the saved one). */
export function toEmployerInput(form: EmployerForm): EmployerProfileInput {
  const text = (field: EmployerProfileField) => form[field].trim() || null;
  return {
    legalName: text('legalName'),
    ein: text('ein'),
    address: {
      street: text('address.street'),
      city: text('address.city'),
      state: text('address.state') as EmployerState | null,
      zip: text('address.zip'),
    },
    phone: text('phone'),
    contact: {
      name: text('contact.name'),
      title: text('contact.title'),
      phone: text('contact.phone'),
      email: text('contact.email'),
    },
    timeZone: form.timeZone || null,
    employmentStates: form.employmentStates.length > 0 ? [...form.employmentStates] : null,
    taxYearStartMonth: Number(form.taxYearStartMonth) || 1,
  };
}

/** What is wrong with the filled fields, in words (blank fields are fine: "not known yet"). */
export function employerFormProblems(form: EmployerForm): Partial<Record<EmployerFormKey, string>> {
  const problems: Partial<Record<EmployerFormKey, string>> = {};
  const filled = (field: EmployerProfileField) => form[field].trim();
  const ein = filled('ein');
  const einIssue = ein ? einProblem(ein) : null;
  if (einIssue) problems.ein = einIssue;
  if (filled('address.zip') && !ZIP.test(filled('address.zip'))) {
    problems['address.zip'] = EMPLOYER_FIELD_PROBLEMS['address.zip'];
  }
  for (const field of ['phone', 'contact.phone'] as const) {
    if (filled(field) && !PHONE.test(filled(field))) problems[field] = PHONE_PROBLEM;
  }
  if (filled('contact.email') && !EMAIL.test(filled('contact.email'))) {
    problems['contact.email'] = EMPLOYER_FIELD_PROBLEMS['contact.email'];
  }
  return problems;
}

/** The form field an API error detail points at (`/body/employer/address/zip` → `address.zip`). */
export function employerFieldOfPath(path: string): EmployerFormKey | null {
  const match = /^\/body\/employer\/([^/]+)(?:\/([^/]+))?/.exec(path);
  if (!match) return null;
  const [, group, key] = match;
  if (group === 'timeZone' || group === 'employmentStates' || group === 'taxYearStartMonth') {
    return group;
  }
  const field =
    key !== undefined && (group === 'address' || group === 'contact') ? `${group}.${key}` : group;
  return (EMPLOYER_PROFILE_FIELDS as readonly string[]).includes(field!)
    ? (field as EmployerProfileField)
    : null;
}

/** Digits typed into the EIN field → `NN-NNNNNNN` (the dash added after the first two). */
export function formatEinInput(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 9);
  return digits.length > 2 ? `${digits.slice(0, 2)}-${digits.slice(2)}` : digits;
}

/** The id of a field's input, so the list of what is missing can link to it. */
export const employerInputId = (field: EmployerFormKey) => `employer-${field.replace('.', '-')}`;

/** The states an employer is in or employs people in, by name, after a first "none" choice. */
export function employerStateOptions(none: string): SelectOption<EmployerState>[] {
  return [
    { value: '', label: none },
    ...EMPLOYER_STATE_CODES.map((code) => ({ value: code, label: stateName(code) })),
  ];
}
