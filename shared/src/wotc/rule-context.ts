import type { DraftAnswers } from './answers.ts';
import { ageOn, compareIsoDates, isIsoDate } from './dates.ts';
import type { DolCode } from './groups.ts';
import type { EligibilityExclusion, EligibilityInput, FlagCode } from './result.ts';

/**
 * What every rule of the table sees: the (pruned) answers, the evaluation input, the facts derived
 * once (age on `asOf`), and the three ways a rule speaks: match a group, raise a flag, exclude.
 */
export interface RuleContext {
  answers: DraftAnswers;
  input: EligibilityInput;
  asOf: string;
  /** Date of birth, when the applicant is under 40 and gave a valid one. */
  dob: string | undefined;
  /** Age on `asOf` from `dob`, else `null`. */
  age: number | null;
  match(code: DolCode, reason: string): void;
  flag(code: FlagCode, reason: string, group?: DolCode): void;
  exclude(exclusion: EligibilityExclusion): void;
  /** `date` is on or before `limit` (both `YYYY-MM-DD`). */
  notAfter(date: string, limit: string): boolean;
}

/** One rule of the table: the groups it can decide, where it is explained, and what it does. */
export interface Rule {
  /** Short name, for tests and reading (e.g. `veterans`). */
  name: string;
  /** Groups the rule can match or flag; empty for program-level rules. */
  groups: readonly DolCode[];
  apply(ctx: RuleContext): void;
}

export interface RuleSink {
  matched: Map<DolCode, string>;
  flags: { code: FlagCode; reason: string; group?: DolCode }[];
  exclusions: EligibilityExclusion[];
}

export function ruleContext(
  answers: DraftAnswers,
  input: EligibilityInput,
  sink: RuleSink,
): RuleContext {
  const dob = answers.age_band === 'under_40' && isIsoDate(answers.dob) ? answers.dob : undefined;
  return {
    answers,
    input,
    asOf: input.asOf,
    dob,
    age: dob ? ageOn(dob, input.asOf) : null,
    match: (code, reason) => sink.matched.set(code, reason),
    flag: (code, reason, group) =>
      sink.flags.push(group ? { code, group, reason } : { code, reason }),
    exclude: (exclusion) => sink.exclusions.push(exclusion),
    notAfter: (date, limit) => compareIsoDates(date, limit) <= 0,
  };
}
