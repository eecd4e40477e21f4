import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { applicantFromAnswers, type FormInput } from './form-input.ts';

/**
 * Sample inputs for the renderer tests, the preview script (render-previews.ts) and benchmarks:
 * made-up people and an example.com employer. `sampleFormInput()` checks nearly every box, so a
 * preview shows every field filled.
 */

const SIGNED_AT = '2026-03-02T15:04:05.000Z';
const SHA = (seed: string) => seed.repeat(64 / seed.length);

export const SAMPLE_ANSWERS: SubmittedAnswers = {
  first_name: 'María',
  middle_initial: 'J',
  last_name: 'Núñez-Ortega',
  ssn: '123-45-6789',
  street: '1208 Broadway Ave Apt 3',
  city: 'Great Bend',
  state: 'KS',
  zip: '67530',
  county: '20009',
  phone: '620-555-0142',
  email: 'maria@example.com',
  age_band: 'under_40',
  dob: '1997-04-12',
  worked_here_before: 'no',
  q_cond_cert: 'yes',
  q_cond_cert_agency: 'Kansas Vocational Rehabilitation',
  q_veteran: 'yes',
  q_vet_snap: 'yes',
  q_vet_snap_recipient: 'Rosa Núñez',
  q_vet_snap_location: 'Great Bend, KS',
  q_vet_disability: 'yes',
  q_vet_discharged_1y: 'yes',
  q_vet_discharge_date: '2025-06-30',
  q_vet_unemp: '6m_plus',
  q_tanf_9of18: 'yes',
  q_tanf_long: ['a'],
  q_tanf_recipient: 'Rosa Núñez',
  q_tanf_location: 'Great Bend, KS',
  q_snap: '6_of_6',
  q_snap_recipient: 'Rosa Núñez',
  q_snap_location: 'Great Bend, KS',
  q_vr: 'yes',
  q_vr_source: 'state_vr',
  q_felony: 'yes',
  felony_conviction_date: '2025-05-20',
  felony_release_date: '2025-11-30',
  felony_jurisdiction: 'both',
  felony_state: 'KS',
  q_ssi: 'yes',
  q_ssi_last_month: '2026-02',
  q_ltur: 'yes',
  q_ltur_states: ['KS', 'MO'],
  q_ltur_city: 'Wichita',
};

/** Answer overrides for table tests: a 29-year-old (on 2026-03-09) who gave a date of birth. */
export const UNDER_40 = { age_band: 'under_40', dob: '1996-05-01' } as const;

/** Answer overrides for table tests: a veteran in no veteran group, plus `extra`. */
export function veteranAnswers(extra: Partial<SubmittedAnswers> = {}): Partial<SubmittedAnswers> {
  return {
    q_veteran: 'yes',
    q_vet_snap: 'no',
    q_vet_disability: 'no',
    q_vet_unemp: 'none',
    ...extra,
  };
}

export function sampleFormInput(overrides: Partial<FormInput> = {}): FormInput {
  const answers = overrides.answers ?? SAMPLE_ANSWERS;
  return {
    applicant: applicantFromAnswers(answers),
    answers,
    employer: {
      legalName: 'Prairie Logistics LLC',
      ein: '12-3456789',
      address: { street: '400 Main St', city: 'Great Bend', state: 'KS', zip: '67530' },
      phone: '620-555-0100',
      contact: {
        name: 'Jordan Lee',
        title: 'HR Manager',
        phone: '620-555-0101',
        email: 'hr@prairie.example',
      },
    },
    hire: {
      offeredOn: '2026-03-03',
      hiredOn: '2026-03-05',
      startedOn: '2026-03-09',
      position: 'Warehouse associate',
      startingWage: 17.25,
      employedInState: 'KS',
    },
    signatures: {
      applicant: {
        typedName: `${answers.first_name} ${answers.last_name}`,
        consentVersion: 'applicant-consent-2026-01',
        consentSha256: SHA('a1'),
        answersSha256: SHA('5e'),
        signedAt: SIGNED_AT,
        ip: '203.0.113.24',
        userAgent:
          'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      },
      employer: {
        typedName: 'Jordan Lee',
        title: 'HR Manager',
        signedBy: 'jordan.lee@prairie.example',
        consentVersion: 'employer-consent-2026-01',
        consentSha256: SHA('e7'),
        answersSha256: SHA('5e'),
        signedAt: '2026-03-10T16:20:00.000Z',
        ip: '198.51.100.7',
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0',
      },
    },
    timeZone: 'America/Chicago',
    ...overrides,
  };
}
