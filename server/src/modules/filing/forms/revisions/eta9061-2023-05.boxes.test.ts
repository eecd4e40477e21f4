import { allNoAnswers } from '@eligo/shared/wotc/fixtures';
import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { describe, expect, test } from 'vitest';
import { applicantStatements, targetGroupDetails } from '../answer-facts.ts';
import { UNDER_40, veteranAnswers } from '../form-samples.ts';
import { GROUP_BOXES, eta9061GroupBoxes, type Eta9061GroupBox } from './eta9061-2023-05.boxes.ts';

function checkedBoxes(
  overrides: Partial<SubmittedAnswers>,
  hiringDate = '2026-03-09',
): Eta9061GroupBox[] {
  const answers = allNoAnswers(overrides);
  const signedOn = hiringDate;
  const boxes = eta9061GroupBoxes(
    applicantStatements(answers, signedOn),
    targetGroupDetails(answers, { signedOn, hiringDate }),
  );
  return GROUP_BOXES.filter((box) => boxes[box]);
}

describe('ETA 9061 boxes 12–21: answers → checked boxes', () => {
  test.each<[string, Partial<SubmittedAnswers>, Eta9061GroupBox[]]>([
    ['every answer "no"', {}, []],
    ['TANF 9 of 18 months → 12 (IV-A)', { q_tanf_9of18: 'yes' }, [12]],
    ['veteran whose family got SNAP → 13', veteranAnswers({ q_vet_snap: 'yes' }), [13]],
    [
      'disabled veteran discharged within a year → 13',
      veteranAnswers({ q_vet_disability: 'yes', q_vet_discharged_1y: 'yes' }),
      [13],
    ],
    ['unemployed veteran → 13', veteranAnswers({ q_vet_unemp: '4w_to_6m' }), [13]],
    ['a veteran in no veteran group → nothing', veteranAnswers({}), []],
    ['felony → 14', { q_felony: 'yes', felony_conviction_date: '2025-09-01' }, [14]],
    ['aged 29 in a Rural Renewal County → 15', { ...UNDER_40, state: 'KS', county: '20009' }, [15]],
    ['vocational rehabilitation → 16', { q_vr: 'yes', q_vr_source: 'ticket_to_work' }, [16]],
    ['SNAP aged 18–39 → 18', { ...UNDER_40, q_snap: '6_of_6' }, [18]],
    ['SSI → 19', { q_ssi: 'yes' }, [19]],
    ['long-term TANF → 20', { q_tanf_long: ['a', 'c'] }, [20]],
    ['long-term unemployment → 21', { q_ltur: 'yes', q_ltur_states: ['TX', 'OK'] }, [21]],
    [
      'TANF both short and long term → 12 and 20',
      { q_tanf_9of18: 'yes', q_tanf_long: ['a'] },
      [12, 20],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(checkedBoxes(overrides)).toEqual(expected);
  });

  test('a 16-year-old hired in June in an Empowerment Zone → 17 (summer youth)', () => {
    const youth = {
      age_band: 'under_40',
      dob: '2009-01-10',
      state: 'ND',
      county: '38091',
      city: 'Finley',
    } as const;
    expect(checkedBoxes(youth, '2025-06-16')).toEqual([17]);
    // The same person hired in October is no summer youth.
    expect(checkedBoxes(youth, '2025-10-01')).toEqual([]);
  });
});

describe('ETA 9061 details', () => {
  const details = (overrides: Partial<SubmittedAnswers>, hiringDate = '2026-03-09') =>
    targetGroupDetails(allNoAnswers(overrides), { signedOn: '2026-03-02', hiringDate });

  test('SNAP primary recipient and benefit place are carried as answered', () => {
    const d = details({
      ...UNDER_40,
      q_snap: '3_of_5_lost',
      q_snap_recipient: 'Rosa Núñez',
      q_snap_location: 'Great Bend, KS',
    });
    expect(d.snap).toEqual({ recipient: 'Rosa Núñez', location: 'Great Bend, KS' });
  });

  test.each([
    ['federal', { federal: true, state: false }],
    ['state', { federal: false, state: true }],
    ['both', { federal: true, state: true }],
    ['declined', { federal: false, state: false }],
  ] as const)('felony jurisdiction %s', (jurisdiction, expected) => {
    const d = details({
      q_felony: 'yes',
      felony_conviction_date: '2025-05-20',
      felony_release_date: '2025-11-30',
      felony_jurisdiction: jurisdiction,
      ...(jurisdiction === 'state' || jurisdiction === 'both' ? { felony_state: 'KS' } : {}),
    });
    expect(d.felony).toMatchObject({
      convictedOn: '2025-05-20',
      releasedOn: '2025-11-30',
      ...expected,
    });
  });

  test('long-term unemployment: the states and, when given, the city of the claim', () => {
    const ltur: Partial<SubmittedAnswers> = { q_ltur: 'yes', q_ltur_states: ['TX', 'OK'] };
    expect(details(ltur).unemployment).toEqual({ states: ['TX', 'OK'], city: null });
    expect(details({ ...ltur, q_ltur_city: 'Tulsa' }).unemployment).toEqual({
      states: ['TX', 'OK'],
      city: 'Tulsa',
    });
  });

  test('what the survey did not collect stays blank, never invented', () => {
    const d = details({ q_felony: 'yes', q_tanf_9of18: 'yes', worked_here_before: 'declined' });
    expect(d.felony).toEqual({
      convictedOn: null,
      releasedOn: null,
      federal: false,
      state: false,
      stateCode: null,
    });
    expect(d.tanf).toEqual({ recipient: null, location: null });
    expect(d.workedHereBefore).toBeNull();
    expect(d.dob).toBeNull();
  });

  test('group 4 names the kind of place: Rural Renewal County or Empowerment Zone', () => {
    expect(details({ ...UNDER_40, state: 'KS', county: '20009' }).residence).toEqual({
      group: 'D',
      area: 'rrc',
    });
    // Dooly County, GA lies wholly in an Empowerment Zone, designated through 2025.
    expect(details({ ...UNDER_40, state: 'GA', county: '13093' }, '2025-06-16').residence).toEqual({
      group: 'D',
      area: 'ez',
    });
  });
});
