import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  FELONY_JURISDICTION_OPTIONS,
  SNAP_OPTIONS,
  VET_UNEMP_OPTIONS,
  VR_SOURCE_OPTIONS,
  YES_NO_OPTIONS,
  type AnswerId,
  type DraftAnswers,
} from './answers.ts';
import { formatIsoDate } from './dates.ts';
import { evaluateEligibility } from './eligibility.ts';
import { questionDef } from './questionnaire.ts';
import type { EligibilityInput } from './result.ts';

const isoDate = (minYear: number, maxYear: number) =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(formatIsoDate);

const yesNo = fc.constantFrom(...YES_NO_OPTIONS);

/** Answers that exercise every rule: ages around all cut-offs, EZ cities, dates near windows. */
const answersArb: fc.Arbitrary<DraftAnswers> = fc.record(
  {
    state: fc.constantFrom('IL', 'DC', 'CA', 'GA', 'KS'),
    county: fc.constantFrom('17031', '13093', '06037', '17167', '20009', 'not_listed'),
    city: fc.constantFrom('Chicago', 'Springfield', 'Los Angeles', 'Vienna'),
    age_band: fc.constantFrom('under_40', '40_plus'),
    dob: isoDate(1984, 2012),
    worked_here_before: yesNo,
    worked_here_last_date: isoDate(2020, 2025),
    q_cond_cert: yesNo,
    q_veteran: yesNo,
    q_vet_snap: yesNo,
    q_vet_disability: yesNo,
    q_vet_discharged_1y: yesNo,
    q_vet_discharge_date: isoDate(2024, 2026),
    q_vet_unemp: fc.constantFrom(...VET_UNEMP_OPTIONS),
    q_tanf_9of18: yesNo,
    q_tanf_long: fc.oneof(
      fc.constant('declined' as const),
      fc.uniqueArray(fc.constantFrom('a' as const, 'b' as const, 'c' as const), { maxLength: 3 }),
    ),
    q_snap: fc.constantFrom(...SNAP_OPTIONS),
    q_vr: yesNo,
    q_vr_source: fc.constantFrom(...VR_SOURCE_OPTIONS),
    q_felony: yesNo,
    felony_conviction_date: isoDate(2024, 2026),
    felony_release_date: isoDate(2024, 2026),
    felony_jurisdiction: fc.constantFrom(...FELONY_JURISDICTION_OPTIONS),
    q_ssi: yesNo,
    q_ssi_last_month: fc.constantFrom('2026-01', '2026-03', '2026-04', '2026-06'),
    q_ltur: yesNo,
  },
  { requiredKeys: [] },
);

const inputArb: fc.Arbitrary<EligibilityInput> = fc.record(
  {
    answers: answersArb,
    asOf: isoDate(2025, 2026),
    programAuthorizedThrough: isoDate(2025, 2027),
    ezDesignatedThrough: isoDate(2025, 2027),
    signed: fc.boolean(),
    verifiedResidence: fc.record(
      { empowermentZone: fc.boolean(), ruralRenewalCounty: fc.boolean() },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['answers', 'asOf'] },
);

/** The same answers, rebuilt with the keys in `order` and the q_tanf_long items permuted. */
function reordered(answers: DraftAnswers, order: number[], tanfOrder: number[]): DraftAnswers {
  const entries = Object.entries(answers);
  const shuffled = order.map((i) => entries[i]!);
  const out: Record<string, unknown> = {};
  for (const [key, value] of shuffled) {
    out[key] =
      key === 'q_tanf_long' && Array.isArray(value)
        ? tanfOrder.map((i) => value[i]).filter(Boolean)
        : value;
  }
  return out as DraftAnswers;
}

const permutation = (n: number) =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: n, maxLength: n },
  );

describe('evaluateEligibility properties', () => {
  test('the result never depends on the order of answers or of q_tanf_long items', () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            permutation(Object.keys(input.answers).length),
            permutation(3),
          ),
        ),
        ([input, order, tanfOrder]) => {
          const original = evaluateEligibility(input);
          const shuffled = evaluateEligibility({
            ...input,
            answers: reordered(input.answers, order, tanfOrder),
          });
          expect(JSON.stringify(shuffled)).toBe(JSON.stringify(original));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a declined answer never yields a match that "yes" and "no" would not both allow', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom<AnswerId>(
          'worked_here_before',
          'q_cond_cert',
          'q_veteran',
          'q_vet_snap',
          'q_vet_disability',
          'q_vet_discharged_1y',
          'q_tanf_9of18',
          'q_vr',
          'q_felony',
          'q_ssi',
          'q_ltur',
        ),
        (input, id) => {
          expect(questionDef(id).kind).toBe('yes_no');
          const codesWith = (value: string) =>
            evaluateEligibility({
              ...input,
              answers: { ...input.answers, [id]: value },
            }).matches.map((m) => m.code);
          const declined = codesWith('declined');
          const yes = codesWith('yes');
          const no = codesWith('no');
          for (const code of declined) {
            expect(yes).toContain(code);
            expect(no).toContain(code);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
