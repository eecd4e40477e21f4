import { ALL_DECLINED, allNoAnswers } from '@eligo/shared/wotc/fixtures';
import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { describe, expect, test } from 'vitest';
import { applicantStatements, targetGroupDetails } from '../answer-facts.ts';
import { UNDER_40, veteranAnswers } from '../form-samples.ts';
import { f8850Page1Boxes, f8850ResidenceGroup, type F8850Line } from './f8850-2016-03.boxes.ts';

const SIGNED_ON = '2026-03-02';

function checkedLines(overrides: Partial<SubmittedAnswers>): F8850Line[] {
  const boxes = f8850Page1Boxes(applicantStatements(allNoAnswers(overrides), SIGNED_ON));
  return ([1, 2, 3, 4, 5, 6, 7] as const).filter((line) => boxes[line]);
}

describe('Form 8850 page 1: answers → checked lines', () => {
  test.each<[string, Partial<SubmittedAnswers>, F8850Line[]]>([
    ['every answer "no"', {}, []],
    ['conditional certification', { q_cond_cert: 'yes' }, [1]],
    ['TANF 9 of 18 months', { q_tanf_9of18: 'yes' }, [2]],
    ['veteran whose family got SNAP', veteranAnswers({ q_vet_snap: 'yes' }), [2]],
    ['vocational rehabilitation referral', { q_vr: 'yes', q_vr_source: 'va' }, [2]],
    ['SNAP 6 of 6 months, aged 29', { ...UNDER_40, q_snap: '6_of_6' }, [2]],
    ['SNAP 3 of 5 months and lost, aged 29', { ...UNDER_40, q_snap: '3_of_5_lost' }, [2]],
    ['felony within the year', { q_felony: 'yes', felony_conviction_date: '2025-09-01' }, [2]],
    ['SSI this month', { q_ssi: 'yes', q_ssi_last_month: '2026-03' }, [2]],
    ['veteran unemployed 4 weeks to 6 months', veteranAnswers({ q_vet_unemp: '4w_to_6m' }), [2]],
    ['veteran unemployed 6 months or more', veteranAnswers({ q_vet_unemp: '6m_plus' }), [3]],
    [
      'disabled veteran discharged within a year',
      veteranAnswers({ q_vet_disability: 'yes', q_vet_discharged_1y: 'yes' }),
      [4],
    ],
    [
      'disabled veteran unemployed 6 months or more',
      veteranAnswers({
        q_vet_disability: 'yes',
        q_vet_discharged_1y: 'no',
        q_vet_unemp: '6m_plus',
      }),
      [3, 5],
    ],
    ['long-term TANF (b)', { q_tanf_long: ['b'] }, [6]],
    ['27 weeks unemployed with benefits', { q_ltur: 'yes', q_ltur_states: ['TX'] }, [7]],
    ['"prefer not to answer" everywhere checks nothing', ALL_DECLINED, []],
    [
      'veteran follow-ups left over after "not a veteran" check nothing',
      { q_veteran: 'no', q_vet_unemp: '6m_plus', q_vet_disability: 'yes' },
      [],
    ],
    ['SNAP left over from an applicant aged 40+ checks nothing', { q_snap: '6_of_6' }, []],
    [
      'a declined veteran follow-up is not a "yes"',
      veteranAnswers({ q_vet_disability: 'declined', q_vet_unemp: 'declined' }),
      [],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(checkedLines(overrides)).toEqual(expected);
  });
});

describe('Form 8850 page 2: group 4 or 6 from age and home address', () => {
  const group = (overrides: Partial<SubmittedAnswers>, hiringDate: string) =>
    f8850ResidenceGroup(
      targetGroupDetails(allNoAnswers(overrides), { signedOn: hiringDate, hiringDate }),
    );

  test.each<[string, Partial<SubmittedAnswers>, string, string]>([
    [
      'aged 29 in a Rural Renewal County',
      { ...UNDER_40, state: 'KS', county: '20009' },
      '2026-03-09',
      '4',
    ],
    [
      'aged 16 in an Empowerment Zone, hired in June',
      { age_band: 'under_40', dob: '2009-01-10', state: 'ND', county: '38091', city: 'Finley' },
      '2025-06-16',
      '6',
    ],
    ['aged 45 in a Rural Renewal County', { state: 'KS', county: '20009' }, '2026-03-09', ''],
    ['aged 29 elsewhere', { ...UNDER_40 }, '2026-03-09', ''],
  ])('%s → "%s"', (_name, overrides, hiringDate, expected) => {
    expect(group(overrides, hiringDate)).toBe(expected);
  });
});
