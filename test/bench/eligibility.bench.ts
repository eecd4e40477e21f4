import { bench, describe } from 'vitest';
import { evaluateEligibility, validateSubmission, type DraftAnswers } from '@eligo/shared/wotc';

/**
 * The eligibility engine runs on every survey submission and again at hire; it must stay cheap.
 * Run: pnpm --filter @eligo/tests bench
 */
const veteran: DraftAnswers = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  ssn: '123-45-6789',
  street: '1 Main St',
  city: 'Columbus',
  state: 'OH',
  zip: '43004',
  county: '39049',
  email: 'ada@example.com',
  age_band: 'under_40',
  dob: '1995-03-02',
  worked_here_before: 'no',
  q_cond_cert: 'no',
  q_veteran: 'yes',
  q_vet_snap: 'yes',
  q_vet_disability: 'yes',
  q_vet_discharged_1y: 'no',
  q_vet_unemp: '6m_plus',
  q_tanf_9of18: 'no',
  q_tanf_long: [],
  q_snap: '6_of_6',
  q_vr: 'no',
  q_felony: 'no',
  q_ssi: 'no',
  q_ltur: 'yes',
};

describe('eligibility engine', () => {
  bench('evaluateEligibility (veteran with several matches)', () => {
    evaluateEligibility({ answers: veteran, asOf: '2026-06-01', signed: true });
  });
  bench('validateSubmission (full answers)', () => {
    validateSubmission(veteran, '2026-06-01');
  });
});
