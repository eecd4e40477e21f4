import { ANSWER_IDS, type DraftAnswers } from './answers.ts';
import { isIsoDate } from './dates.ts';
import { RULES } from './eligibility-rules.ts';
import { TARGET_GROUPS, targetGroup } from './groups.ts';
import { SCREENING_QUESTION_IDS, pruneHiddenAnswers } from './questionnaire.ts';
import { ruleContext, type RuleSink } from './rule-context.ts';
import {
  FLAG_CODES,
  POSSIBLE_MATCH_FLAGS,
  RULES_VERSION,
  type EligibilityExclusion,
  type EligibilityFlag,
  type EligibilityInput,
  type EligibilityMatch,
  type EligibilityResult,
  type EligibilityStatus,
  type FlagCode,
} from './result.ts';

/**
 * The WOTC pre-screening of docs/wotc-rules.md §5: pure, deterministic, no I/O. The rules are a
 * table (`RULES` in eligibility-rules.ts); this file runs them and derives the status. "declined"
 * never counts as "yes" or "no": it simply supports no match, and a declined rehire question is a
 * caveat.
 */
export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const { asOf } = input;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got ${String(asOf)}`);
  const answers = pruneHiddenAnswers(input.answers, asOf);
  const declined = ANSWER_IDS.filter((id) => answers[id] === 'declined');
  const base = { declined, asOf, rulesVersion: RULES_VERSION };

  const screening = SCREENING_QUESTION_IDS.filter((id) => answers[id] !== undefined);
  const allDeclined = screening.length > 0 && screening.every((id) => answers[id] === 'declined');
  if (input.declinedSurvey === true || allDeclined) {
    return {
      status: 'opted_out',
      matches: [],
      flags: [],
      exclusions: [],
      maxPotentialCredit: 0,
      ...base,
    };
  }

  const { matches, flags, exclusions } = applyRules(answers, input);
  const maxPotentialCredit =
    exclusions.length > 0 ? 0 : Math.max(0, ...matches.map((m) => m.maxCredit));
  return {
    status: statusOf(matches, flags, exclusions, input.signed === false || screening.length === 0),
    matches,
    flags,
    exclusions,
    maxPotentialCredit,
    ...base,
  };
}

function statusOf(
  matches: EligibilityMatch[],
  flags: EligibilityFlag[],
  exclusions: EligibilityExclusion[],
  incomplete: boolean,
): EligibilityStatus {
  if (incomplete) return 'incomplete';
  if (exclusions.length > 0) return 'not_qualified';
  const codes = new Set(flags.map((f) => f.code));
  if (matches.length > 0) return codes.has('rehire_unknown') ? 'needs_review' : 'pre_qualified';
  const possible: readonly FlagCode[] = POSSIBLE_MATCH_FLAGS;
  return possible.some((code) => codes.has(code)) ? 'needs_review' : 'not_qualified';
}

interface RuleOutput {
  matches: EligibilityMatch[];
  flags: EligibilityFlag[];
  exclusions: EligibilityExclusion[];
}

/** Runs every rule of the table over the answers and collects what they found. */
function applyRules(answers: DraftAnswers, input: EligibilityInput): RuleOutput {
  const sink: RuleSink = { matched: new Map(), flags: [], exclusions: [] };
  const ctx = ruleContext(answers, input, sink);
  for (const rule of RULES) rule.apply(ctx);
  return {
    matches: TARGET_GROUPS.filter((g) => sink.matched.has(g.code)).map((g) => ({
      group: g.group,
      code: g.code,
      reason: sink.matched.get(g.code)!,
      maxCredit: targetGroup(g.code).maxCredit,
    })),
    flags: dedupeAndSort(sink.flags),
    exclusions: sink.exclusions,
  };
}

const FLAG_ORDER: readonly FlagCode[] = FLAG_CODES;

function dedupeAndSort(flags: EligibilityFlag[]): EligibilityFlag[] {
  const seen = new Set<string>();
  return flags
    .filter((f) => {
      const key = `${f.code}|${f.group ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((x, y) => FLAG_ORDER.indexOf(x.code) - FLAG_ORDER.indexOf(y.code));
}
