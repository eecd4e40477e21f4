import type { ApplicantStatements, TargetGroupDetails } from '../answer-facts.ts';

/**
 * Which boxes of IRS Form 8850 (Rev. March 2016) the answers check, and the meaning of each in our
 * own words (docs/forms.md has the table). Page 1 lines 1 and 3–7 are one box each; line 2 is one
 * box for seven statements, checked when any of them applies.
 */

export type F8850Line = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Line 2's seven statements, in the form's order. */
export const LINE_2_STATEMENTS: readonly { fact: keyof ApplicantStatements; meaning: string }[] = [
  { fact: 'tanfShortTerm', meaning: 'Family got TANF assistance in any 9 of the past 18 months.' },
  {
    fact: 'veteranSnap',
    meaning: 'Veteran whose family got SNAP (food stamps) for 3 months or more within the past 15.',
  },
  {
    fact: 'vocationalRehabReferral',
    meaning:
      'Referred by a state-approved rehabilitation agency, a Ticket to Work employment network or the Department of Veterans Affairs.',
  },
  {
    fact: 'snap',
    meaning:
      'Aged 18 to 39, in a family that (a) got SNAP for each of the past 6 months, or (b) got SNAP for 3 or more of the past 5 months and is no longer eligible for it.',
  },
  {
    fact: 'exFelon',
    meaning: 'Convicted of a felony, or released from prison for one, within the past year.',
  },
  {
    fact: 'ssi',
    meaning:
      'Got Supplemental Security Income (SSI) for a month that ended within the past 60 days.',
  },
  {
    fact: 'veteranUnemployed4WeeksTo6Months',
    meaning:
      'Veteran out of work for 4 weeks or more, but under 6 months in all, in the past year.',
  },
];

/** The meaning of lines 1–7 as printed beside each box. */
export const LINE_MEANINGS: Record<F8850Line, string> = {
  1: 'Holds a conditional certification for the work opportunity credit (ETA Form 9062) from the state workforce agency (SWA) or a participating local agency.',
  2: 'One or more of these statements is true:',
  3: 'Veteran out of work for 6 months or more in all during the past year.',
  4: 'Veteran entitled to compensation for a service-connected disability, discharged or released from active duty within the past year.',
  5: 'Veteran entitled to compensation for a service-connected disability, out of work for 6 months or more in all during the past year.',
  6: 'Family got TANF for the whole past 18 months; or for any 18 months after August 5, 1997, the earliest such 18 months ending within the past 2 years; or stopped being eligible for TANF within the past 2 years because a federal or state time limit ran out.',
  7: 'Out of work for 27 weeks in a row or more, with state or federal unemployment compensation for some or all of that time.',
};

/** Page 1: which of lines 1–7 are checked. */
export function f8850Page1Boxes(s: ApplicantStatements): Record<F8850Line, boolean> {
  return {
    1: s.conditionalCertification,
    2: LINE_2_STATEMENTS.some(({ fact }) => s[fact]),
    3: s.veteranUnemployed6MonthsPlus,
    4: s.disabledVeteranDischargedWithinYear,
    5: s.disabledVeteranUnemployed6MonthsPlus,
    6: s.tanfLongTerm,
    7: s.longTermUnemployed,
  };
}

/** Page 2's group entry: `4` or `6` when age and home address alone put the applicant there. */
export function f8850ResidenceGroup(d: TargetGroupDetails): '4' | '6' | '' {
  if (d.residence.group === 'D') return '4';
  if (d.residence.group === 'F') return '6';
  return '';
}
