import {
  RRC_TABLE,
  evaluateEligibility,
  lookupRuralRenewalCounty,
  pruneHiddenAnswers,
  type DraftAnswers,
  type SubmittedAnswers,
} from '@eligo/shared/wotc';

/**
 * What the signed answers say, named by meaning rather than by a box number, so that each form
 * revision (revisions/) decides which of its boxes a fact checks (docs/forms.md). A `declined`
 * answer is never a fact: its box stays unchecked and its field blank, and so does anything the
 * survey did not ask.
 */

/** The statements of Form 8850 page 1, each true only when the applicant answered "yes" to it. */
export interface ApplicantStatements {
  conditionalCertification: boolean;
  /** Family got TANF for any 9 of the last 18 months. */
  tanfShortTerm: boolean;
  veteran: boolean;
  /** Veteran whose family got SNAP for 3+ months of the last 15. */
  veteranSnap: boolean;
  vocationalRehabReferral: boolean;
  /** Aged 18–39 (as answered) and the family's SNAP: 6 of 6 months, or 3 of 5 and no longer eligible. */
  snap: boolean;
  /** Convicted of a felony, or released for one, within the last year. */
  exFelon: boolean;
  ssi: boolean;
  veteranUnemployed4WeeksTo6Months: boolean;
  veteranUnemployed6MonthsPlus: boolean;
  disabledVeteranDischargedWithinYear: boolean;
  disabledVeteranUnemployed6MonthsPlus: boolean;
  /** Any of long-term TANF's (a), (b), (c). */
  tanfLongTerm: boolean;
  longTermUnemployed: boolean;
}

/** Who received a family benefit and where (the SWA matches both against its records). */
export interface BenefitDetails {
  recipient: string | null;
  location: string | null;
}

/** The details the ETA 9061 asks next to its target-group boxes. */
export interface TargetGroupDetails {
  workedHereBefore: 'yes' | 'no' | null;
  lastWorkedHereOn: string | null;
  /** `YYYY-MM-DD`; only applicants under 40 give it. */
  dob: string | null;
  tanf: BenefitDetails;
  veteranSnap: BenefitDetails;
  snap: BenefitDetails;
  felony: {
    convictedOn: string | null;
    releasedOn: string | null;
    federal: boolean;
    state: boolean;
    /** USPS code of the convicting state. */
    stateCode: string | null;
  };
  vocationalRehabSource: 'state_vr' | 'ticket_to_work' | 'va' | null;
  /** Long-term unemployment: the states and the city where benefits were claimed. */
  unemployment: { states: string[]; city: string | null };
  /**
   * Group 4 (D) or 6 (F), which nobody is asked: the eligibility engine derives them from age and
   * home address on the hiring date (docs/wotc-rules.md §6). `area` says which kind of place.
   */
  residence: { group: 'D' | 'F' | null; area: 'rrc' | 'ez' | null };
}

const yes = (value: unknown) => value === 'yes';
const textOrNull = (value: string | undefined) => value ?? null;

/** Answers that were visible when the applicant signed (a hidden leftover never checks a box). */
function signedView(answers: SubmittedAnswers, signedOn: string): DraftAnswers {
  return pruneHiddenAnswers(answers, signedOn);
}

/** Form 8850 page-1 statements from the answers as signed on `signedOn` (`YYYY-MM-DD`). */
export function applicantStatements(
  answers: SubmittedAnswers,
  signedOn: string,
): ApplicantStatements {
  const a = signedView(answers, signedOn);
  const veteran = yes(a.q_veteran);
  const disabled = veteran && yes(a.q_vet_disability);
  const unemp = veteran ? a.q_vet_unemp : undefined;
  return {
    conditionalCertification: yes(a.q_cond_cert),
    tanfShortTerm: yes(a.q_tanf_9of18),
    veteran,
    veteranSnap: veteran && yes(a.q_vet_snap),
    vocationalRehabReferral: yes(a.q_vr),
    snap: a.q_snap === '6_of_6' || a.q_snap === '3_of_5_lost',
    exFelon: yes(a.q_felony),
    ssi: yes(a.q_ssi),
    veteranUnemployed4WeeksTo6Months: unemp === '4w_to_6m',
    veteranUnemployed6MonthsPlus: unemp === '6m_plus',
    disabledVeteranDischargedWithinYear: disabled && yes(a.q_vet_discharged_1y),
    disabledVeteranUnemployed6MonthsPlus: disabled && unemp === '6m_plus',
    tanfLongTerm: Array.isArray(a.q_tanf_long) && a.q_tanf_long.length > 0,
    longTermUnemployed: yes(a.q_ltur),
  };
}

/** True when the applicant is a veteran in at least one of the veteran groups (B-a … B-e). */
export function isQualifiedVeteran(s: ApplicantStatements): boolean {
  return (
    s.veteranSnap ||
    s.veteranUnemployed4WeeksTo6Months ||
    s.veteranUnemployed6MonthsPlus ||
    s.disabledVeteranDischargedWithinYear ||
    s.disabledVeteranUnemployed6MonthsPlus
  );
}

function residenceOf(a: DraftAnswers, hiringDate: string): TargetGroupDetails['residence'] {
  const { matches } = evaluateEligibility({ answers: a, asOf: hiringDate });
  const group = matches.find((m) => m.code === 'D' || m.code === 'F')?.code ?? null;
  if (group === null) return { group: null, area: null };
  // A summer youth (F) always lives in an Empowerment Zone; D is either kind of place.
  const inRrc = lookupRuralRenewalCounty(RRC_TABLE, a.state, a.county).result === 'yes';
  return { group: group as 'D' | 'F', area: group === 'D' && inRrc ? 'rrc' : 'ez' };
}

/**
 * The 9061 details. `hiringDate` is the start date once known (else the signing date): groups 4
 * and 6 depend on the age on it.
 */
export function targetGroupDetails(
  answers: SubmittedAnswers,
  dates: { signedOn: string; hiringDate: string },
): TargetGroupDetails {
  const a = signedView(answers, dates.signedOn);
  const worked = a.worked_here_before;
  const jurisdiction = a.felony_jurisdiction;
  const source = a.q_vr_source;
  return {
    workedHereBefore: worked === 'yes' || worked === 'no' ? worked : null,
    lastWorkedHereOn: textOrNull(a.worked_here_last_date),
    dob: textOrNull(a.dob),
    tanf: { recipient: textOrNull(a.q_tanf_recipient), location: textOrNull(a.q_tanf_location) },
    veteranSnap: {
      recipient: textOrNull(a.q_vet_snap_recipient),
      location: textOrNull(a.q_vet_snap_location),
    },
    snap: { recipient: textOrNull(a.q_snap_recipient), location: textOrNull(a.q_snap_location) },
    felony: {
      convictedOn: textOrNull(a.felony_conviction_date),
      releasedOn: textOrNull(a.felony_release_date),
      federal: jurisdiction === 'federal' || jurisdiction === 'both',
      state: jurisdiction === 'state' || jurisdiction === 'both',
      stateCode: textOrNull(a.felony_state),
    },
    vocationalRehabSource: source && source !== 'declined' ? source : null,
    unemployment: {
      states: a.q_ltur_states ? [...a.q_ltur_states] : [],
      city: textOrNull(a.q_ltur_city),
    },
    residence: residenceOf(a, dates.hiringDate),
  };
}
