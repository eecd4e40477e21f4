import {
  isQualifiedVeteran,
  type ApplicantStatements,
  type TargetGroupDetails,
} from '../answer-facts.ts';

/**
 * Which target-group boxes (12–21) of ETA Form 9061 (Rev. May 2023) the answers check, and what
 * each box means in our own words (docs/forms.md). Groups 4 and 6 (boxes 15 and 17) are never
 * asked: they follow from age and home address on the hiring date.
 */

export type Eta9061GroupBox = 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21;

export const GROUP_BOXES: readonly Eta9061GroupBox[] = [12, 13, 14, 15, 16, 17, 18, 19, 20, 21];

export const GROUP_BOX_MEANINGS: Record<Eta9061GroupBox, string> = {
  12: 'Qualified IV-A recipient: the applicant’s family receives TANF (Temporary Assistance for Needy Families).',
  13: 'Qualified veteran: the applicant served in the U.S. Armed Forces and meets one of the veteran conditions.',
  14: 'Qualified ex-felon: hired within a year of a felony conviction or of release from prison for it.',
  15: 'Designated community resident: aged 18 to 39 on the hiring date and living in a Rural Renewal County or an Empowerment Zone.',
  16: 'Vocational rehabilitation referral: sent by a state-approved vocational rehabilitation agency, a Ticket to Work employment network or the Department of Veterans Affairs.',
  17: 'Qualified summer youth employee: aged 16 or 17, working between May 1 and September 15, never employed here before, living in an Empowerment Zone.',
  18: 'Qualified SNAP recipient: aged 18 to 39, in a family receiving SNAP (food stamp) benefits.',
  19: 'Qualified SSI recipient: receives, or recently received, Supplemental Security Income.',
  20: 'Qualified long-term family assistance recipient: the applicant’s family receives TANF over the long term.',
  21: 'Qualified long-term unemployment recipient: out of work 27 weeks or more in a row, with unemployment compensation.',
};

/** Boxes 12–21: which the answers check. */
export function eta9061GroupBoxes(
  s: ApplicantStatements,
  d: TargetGroupDetails,
): Record<Eta9061GroupBox, boolean> {
  return {
    12: s.tanfShortTerm,
    13: isQualifiedVeteran(s),
    14: s.exFelon,
    15: d.residence.group === 'D',
    16: s.vocationalRehabReferral,
    17: d.residence.group === 'F',
    18: s.snap,
    19: s.ssi,
    20: s.tanfLongTerm,
    21: s.longTermUnemployed,
  };
}
