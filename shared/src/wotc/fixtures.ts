import type { SubmittedAnswers } from './answers.ts';

/**
 * A complete, valid submission of a 45-year-old who answers "no" to everything: the neutral
 * starting point tests override one or two answers of.
 */
export function allNoAnswers(overrides: Partial<SubmittedAnswers> = {}): SubmittedAnswers {
  return {
    first_name: 'Ada',
    last_name: 'Lovelace',
    ssn: '123-45-6789',
    street: '1 Main St',
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
    county: '17167',
    email: 'ada@example.com',
    age_band: '40_plus',
    worked_here_before: 'no',
    q_cond_cert: 'no',
    q_veteran: 'no',
    q_tanf_9of18: 'no',
    q_tanf_long: [],
    q_vr: 'no',
    q_felony: 'no',
    q_ssi: 'no',
    q_ltur: 'no',
    ...overrides,
  };
}

/** Every screening question a 45-year-old sees (and the rehire question), answered "declined". */
export const ALL_DECLINED: Partial<SubmittedAnswers> = {
  worked_here_before: 'declined',
  q_cond_cert: 'declined',
  q_veteran: 'declined',
  q_tanf_9of18: 'declined',
  q_tanf_long: 'declined',
  q_vr: 'declined',
  q_felony: 'declined',
  q_ssi: 'declined',
  q_ltur: 'declined',
};
