import {
  addDays,
  addYears,
  endOfMonth,
  isIsoDate,
  isoToUsDate,
  isoToUsMonth,
  parseIsoMonth,
} from './dates.ts';
import { programAuthorizedThrough, programNotAuthorizedReason } from './program-rules.ts';
import type { Rule } from './rule-context.ts';
import { designatedCommunityResident, summerYouth } from './residence-rules.ts';

/**
 * The rules of docs/wotc-rules.md §5, one entry per target group (or program-level check), in the
 * order they run. "declined" never counts as "yes" or "no": it simply supports no match.
 */

const programStatus: Rule = {
  name: 'program status',
  groups: [],
  apply({ asOf, input, flag, notAfter }) {
    const through = programAuthorizedThrough(input.programAuthorizedThrough);
    if (!notAfter(asOf, through)) {
      flag('program_not_authorized', programNotAuthorizedReason(through));
    }
  },
};

const rehire: Rule = {
  name: 'rehire',
  groups: [],
  apply({ answers, exclude, flag }) {
    if (answers.worked_here_before === 'yes') {
      exclude({ code: 'rehire', reason: 'worked for this employer before (IRC §51(i)(2))' });
    } else if (answers.worked_here_before !== 'no') {
      flag('rehire_unknown', 'did not say whether they worked for this employer before');
    }
  },
};

const conditionalCertification: Rule = {
  name: 'conditional certification',
  groups: [],
  apply({ answers, flag }) {
    if (answers.q_cond_cert === 'yes') {
      flag(
        'conditional_certification',
        'holds an ETA 9062 conditional certification; its group decides',
      );
    }
  },
};

/** The long-term TANF situations (`q_tanf_long`), in a reason's words. */
const LONG_TANF: Record<string, string> = {
  a: 'TANF for each of the last 18 months',
  b: 'TANF for 18 months or more since August 1997, the last within 2 years',
  c: 'TANF stopped within the last 2 years by a time limit',
};

/** Who referred a vocational rehabilitation applicant (`q_vr_source`), in a reason's words. */
const REFERRED_BY: Record<string, string> = {
  state_vr: 'a state vocational rehabilitation agency',
  ticket_to_work: 'a Ticket to Work Employment Network',
  va: 'the VA',
};

/** 1 / A and 9 / I. */
const tanf: Rule = {
  name: 'TANF',
  groups: ['A', 'I'],
  apply({ answers, match }) {
    if (answers.q_tanf_9of18 === 'yes') {
      match('A', 'household received TANF for any 9 of the last 18 months');
    }
    if (Array.isArray(answers.q_tanf_long) && answers.q_tanf_long.length > 0) {
      const which = [...new Set(answers.q_tanf_long)].sort().map((o) => LONG_TANF[o] ?? o);
      match('I', `long-term TANF: ${which.join('; ')}`);
    }
  },
};

/** 2 / B-a … B-e. */
const veterans: Rule = {
  name: 'veterans',
  groups: ['B-a', 'B-b', 'B-c', 'B-d', 'B-e'],
  apply({ answers: a, asOf, match, notAfter }) {
    if (a.q_veteran !== 'yes') return;
    if (a.q_vet_snap === 'yes') {
      match('B-a', 'veteran; household received SNAP for at least 3 of the last 15 months');
    }
    const disabled = a.q_vet_disability === 'yes';
    if (disabled && a.q_vet_discharged_1y === 'yes') {
      const date = isIsoDate(a.q_vet_discharge_date) ? a.q_vet_discharge_date : undefined;
      if (!date) {
        match('B-b', 'veteran with service-connected disability; discharged within the last year');
      } else if (notAfter(asOf, addYears(date, 1))) {
        match(
          'B-b',
          `veteran with service-connected disability; discharged ${isoToUsDate(date)}, within 1 year`,
        );
      }
    }
    if (disabled && a.q_vet_unemp === '6m_plus') {
      match(
        'B-c',
        'veteran with service-connected disability; unemployed 6+ months in the last year',
      );
    }
    if (a.q_vet_unemp === '4w_to_6m') {
      match('B-d', 'veteran; unemployed 4 weeks to under 6 months in the last year');
    }
    if (a.q_vet_unemp === '6m_plus') match('B-e', 'veteran; unemployed 6+ months in the last year');
  },
};

/** 3 / C: hired within 1 year of the later of conviction and release. */
const exFelon: Rule = {
  name: 'ex-felon',
  groups: ['C'],
  apply({ answers: a, asOf, match, notAfter }) {
    if (a.q_felony !== 'yes') return;
    const dates = [a.felony_conviction_date, a.felony_release_date].filter(isIsoDate).sort();
    const latest = dates.at(-1);
    if (!latest) {
      match('C', 'felony conviction or release within the last year (dates not given)');
    } else if (notAfter(asOf, addYears(latest, 1))) {
      const what = latest === a.felony_release_date ? 'released' : 'convicted';
      match('C', `felony: ${what} ${isoToUsDate(latest)}, within 1 year`);
    }
  },
};

/** 5 / E. */
const vocationalRehabilitation: Rule = {
  name: 'vocational rehabilitation',
  groups: ['E'],
  apply({ answers: a, match }) {
    if (a.q_vr !== 'yes') return;
    const by = a.q_vr_source ? REFERRED_BY[a.q_vr_source] : undefined;
    match(
      'E',
      by ? `referred by ${by}` : 'referred by vocational rehabilitation, Ticket to Work or the VA',
    );
  },
};

/** 8 / H: SSI for a month ending within the 60 days before `asOf`. */
const ssi: Rule = {
  name: 'SSI',
  groups: ['H'],
  apply({ answers: a, asOf, match, notAfter }) {
    if (a.q_ssi !== 'yes') return;
    const month = parseIsoMonth(a.q_ssi_last_month) ? a.q_ssi_last_month : undefined;
    if (!month) {
      match('H', 'received SSI for a month ending within the last 60 days');
    } else if (notAfter(addDays(asOf, -60), endOfMonth(month))) {
      match(
        'H',
        `received SSI for ${isoToUsMonth(month)}, which ends within 60 days of ${isoToUsDate(asOf)}`,
      );
    }
  },
};

/** 10 / J. */
const longTermUnemployed: Rule = {
  name: 'long-term unemployed',
  groups: ['J'],
  apply({ answers: a, match }) {
    if (a.q_ltur === 'yes') {
      match('J', 'unemployed 27+ consecutive weeks with unemployment compensation');
    }
  },
};

/** D, F and G need an age: under 40 without a usable date of birth, a person must check. */
const ageUnverified: Rule = {
  name: 'age unverified',
  groups: ['D', 'F', 'G'],
  apply({ answers, age, flag }) {
    if (age === null && answers.age_band !== '40_plus') {
      flag(
        'age_unverified',
        'under 40 but no valid date of birth: groups D, F and G cannot be decided',
      );
    }
  },
};

/** 7 / G: aged 18–39 in a SNAP household. */
const snapYouth: Rule = {
  name: 'SNAP recipient aged 18-39',
  groups: ['G'],
  apply({ answers: a, age, match }) {
    const snapYes = a.q_snap === '6_of_6' || a.q_snap === '3_of_5_lost';
    if (age === null || age < 18 || age >= 40 || !snapYes) return;
    match(
      'G',
      `age ${age}; household SNAP ${a.q_snap === '6_of_6' ? 'for the last 6 months' : 'for 3 of the last 5 months, no longer eligible'}`,
    );
  },
};

/** Every rule, in the order it runs (matches are reported in target-group order regardless). */
export const RULES: readonly Rule[] = [
  programStatus,
  rehire,
  conditionalCertification,
  tanf,
  veterans,
  exFelon,
  vocationalRehabilitation,
  ssi,
  longTermUnemployed,
  ageUnverified,
  snapYouth,
  designatedCommunityResident,
  summerYouth,
];
