import { targetGroup } from './groups.ts';
import type { EligibilityResult, FlagCode } from './result.ts';

/**
 * Answers that reveal facts about a person the law protects or that people keep to themselves
 * (issue 26, least privilege): the date of birth and age, the home address, and every answer
 * about conviction, public benefits, disability, veteran status or unemployment — the `q_*`
 * questions and the felony follow-ups (docs/wotc-rules.md §4 lists them). The applicant page leaves
 * them out; an admin (or a member, when the organization allows it) views them on purpose, and
 * each view is audited.
 */
const PERSONAL_FACTS = new Set(['dob', 'age_band', 'street', 'city', 'state', 'zip', 'county']);

export function isProtectedAnswer(id: string): boolean {
  return PERSONAL_FACTS.has(id) || id.startsWith('q_') || id.startsWith('felony_');
}

/** Splits answers into what the applicant page shows and what needs an audited view. */
export function splitProtectedAnswers<V>(answers: Record<string, V>): {
  shown: Record<string, V>;
  protectedAnswers: Record<string, V>;
} {
  const shown: Record<string, V> = {};
  const protectedAnswers: Record<string, V> = {};
  for (const [id, value] of Object.entries(answers)) {
    (isProtectedAnswer(id) ? protectedAnswers : shown)[id] = value;
  }
  return { shown, protectedAnswers };
}

/** Flag reasons that tell nothing about the person (their own reasons give ages and places). */
const GENERAL_FLAG_REASONS: Partial<Record<FlagCode, string>> = {
  dcr_possible: 'may live in a Rural Renewal County or an Empowerment Zone',
  summer_youth_possible: 'may qualify as a summer youth employee in an Empowerment Zone',
  summer_youth_recheck_at_hire:
    'may qualify as a summer youth employee: re-run at hire; only a hire from May 1 to Sep 15 counts',
  ez_designations_expired: 'the address is near an Empowerment Zone whose designation ended',
};

/**
 * The result as the applicant page shows it: each target group by its name, and no reason that
 * quotes a protected answer (a conviction date, an age, a benefit, a place); the reasons
 * themselves come with the audited view (`personalReasons`).
 */
export function withoutPersonalReasons<R extends EligibilityResult>(result: R): R {
  return {
    ...result,
    matches: result.matches.map((match) => ({ ...match, reason: targetGroup(match.code).name })),
    flags: result.flags.map((flag) => ({
      ...flag,
      reason: GENERAL_FLAG_REASONS[flag.code] ?? flag.reason,
    })),
  };
}

/** The reasons `withoutPersonalReasons` leaves out, for the audited view. */
export function personalReasons(result: EligibilityResult): { code: string; reason: string }[] {
  const shown = withoutPersonalReasons(result);
  return [...result.matches, ...result.flags]
    .filter((item, i) => item.reason !== [...shown.matches, ...shown.flags][i]!.reason)
    .map(({ code, reason }) => ({ code, reason }));
}
