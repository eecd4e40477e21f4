import { ANSWER_IDS, type DraftAnswers } from './answers.ts';
import {
  addDays,
  addYears,
  ageOn,
  compareIsoDates,
  endOfMonth,
  isIsoDate,
  parseIsoDate,
  parseIsoMonth,
} from './dates.ts';
import { TARGET_GROUPS, targetGroup, type DolCode } from './groups.ts';
import { SCREENING_QUESTION_IDS, pruneHiddenAnswers } from './questionnaire.ts';
import {
  EZ_TABLE,
  RRC_TABLE,
  empowermentZonesNear,
  lookupRuralRenewalCounty,
  type Lookup,
} from './residence.ts';
import {
  DEFAULT_PROGRAM_AUTHORIZED_THROUGH,
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
 * The WOTC pre-screening rules of wotc.md §3.2: pure, deterministic, no I/O. "declined" never
 * counts as "yes" or "no": it simply supports no match, and a declined rehire question is a caveat.
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

type EzStatus = 'yes' | 'no' | 'possible' | 'unknown' | 'expired';

function applyRules(a: DraftAnswers, input: EligibilityInput): RuleOutput {
  const { asOf } = input;
  const matched = new Map<DolCode, string>();
  const flags: EligibilityFlag[] = [];
  const exclusions: EligibilityExclusion[] = [];
  const match = (code: DolCode, reason: string) => matched.set(code, reason);
  const flag = (code: FlagCode, reason: string, group?: DolCode) =>
    flags.push(group ? { code, group, reason } : { code, reason });
  const notAfter = (date: string, limit: string) => compareIsoDates(date, limit) <= 0;

  // Program status and exclusions.
  const authorizedThrough = input.programAuthorizedThrough ?? DEFAULT_PROGRAM_AUTHORIZED_THROUGH;
  if (!notAfter(asOf, authorizedThrough)) {
    flag(
      'program_not_authorized',
      `WOTC is authorized for hires through ${authorizedThrough}; keep screening and filing (SWAs hold requests during a lapse)`,
    );
  }
  if (a.worked_here_before === 'yes') {
    exclusions.push({ code: 'rehire', reason: 'worked for this employer before (IRC §51(i)(2))' });
  } else if (a.worked_here_before !== 'no') {
    flag('rehire_unknown', 'did not say whether they worked for this employer before');
  }

  if (a.q_cond_cert === 'yes') {
    flag(
      'conditional_certification',
      'holds an ETA 9062 conditional certification; its group decides',
    );
  }

  // 1 / A and 9 / I: TANF.
  if (a.q_tanf_9of18 === 'yes')
    match('A', 'household received TANF for any 9 of the last 18 months');
  if (Array.isArray(a.q_tanf_long) && a.q_tanf_long.length > 0) {
    const which = [...new Set(a.q_tanf_long)].sort();
    match('I', `long-term TANF, option ${which.join(' and ')}`);
  }

  // 2 / B: veterans.
  if (a.q_veteran === 'yes') {
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
          `veteran with service-connected disability; discharged ${date}, within 1 year`,
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
  }

  // 3 / C: ex-felon, hired within 1 year of the later of conviction and release.
  if (a.q_felony === 'yes') {
    const dates = [a.felony_conviction_date, a.felony_release_date].filter(isIsoDate).sort();
    const latest = dates.at(-1);
    if (!latest) {
      match('C', 'felony conviction or release within the last year (dates not given)');
    } else if (notAfter(asOf, addYears(latest, 1))) {
      const what = latest === a.felony_release_date ? 'released' : 'convicted';
      match('C', `felony: ${what} ${latest}, within 1 year`);
    }
  }

  // 5 / E, 8 / H, 10 / J.
  if (a.q_vr === 'yes') {
    const source = a.q_vr_source && a.q_vr_source !== 'declined' ? ` (${a.q_vr_source})` : '';
    match('E', `referred by vocational rehabilitation, Ticket to Work or the VA${source}`);
  }
  if (a.q_ssi === 'yes') {
    const month = parseIsoMonth(a.q_ssi_last_month) ? a.q_ssi_last_month : undefined;
    if (!month) {
      match('H', 'received SSI for a month ending within the last 60 days');
    } else if (notAfter(addDays(asOf, -60), endOfMonth(month))) {
      match('H', `received SSI for ${month}, which ends within 60 days of ${asOf}`);
    }
  }
  if (a.q_ltur === 'yes') {
    match('J', 'unemployed 27+ consecutive weeks with unemployment compensation');
  }

  // Age-based groups: 4 / D, 6 / F, 7 / G.
  const dob = a.age_band === 'under_40' && isIsoDate(a.dob) ? a.dob : undefined;
  const age = dob ? ageOn(dob, asOf) : null;
  const mayBeUnder40 = a.age_band !== '40_plus';
  const snapYes = a.q_snap === '6_of_6' || a.q_snap === '3_of_5_lost';

  if (age === null && mayBeUnder40) {
    flag(
      'age_unverified',
      'under 40 but no valid date of birth: groups D, F and G cannot be decided',
    );
  }
  if (age !== null && age >= 18 && age < 40 && snapYes) {
    match(
      'G',
      `age ${age}; household SNAP ${a.q_snap === '6_of_6' ? 'for the last 6 months' : 'for 3 of the last 5 months, no longer eligible'}`,
    );
  }

  // DC's Empowerment Zone ended in 2011 and DC has no Rural Renewal County (wotc.md §1.2).
  if (dob && age !== null && a.state !== 'DC') {
    const residence = residenceOf(a, input);
    if (age >= 18 && age < 40) {
      const rrc = residence.rrc();
      const ez = residence.ez();
      if (rrc === 'yes' || ez === 'yes') {
        match(
          'D',
          `age ${age}; lives in ${rrc === 'yes' ? `a Rural Renewal County (${a.county}, ${a.state})` : 'an Empowerment Zone'}`,
        );
      } else if (rrc === 'unknown' || ez === 'possible' || ez === 'unknown') {
        flag('dcr_possible', `age ${age}; ${residence.describe(rrc, ez)}`, 'D');
      }
      if (ez === 'expired') residence.flagExpired(flag);
    }

    const year = parseIsoDate(asOf)!.year;
    const may1 = `${year}-05-01`;
    const sep15 = `${year}-09-15`;
    // Age on the hiring date, or on 1 May if that is later (IRC §51(d)(7)).
    const summerAge = ageOn(dob, compareIsoDates(asOf, may1) < 0 ? may1 : asOf);
    const summerAgeFits = summerAge !== null && summerAge >= 16 && summerAge < 18;
    const neverHere = a.worked_here_before === 'no';
    if (summerAgeFits && a.worked_here_before !== 'yes') {
      const ez = residence.ez();
      const preSeason = compareIsoDates(asOf, may1) < 0;
      const inSeason = !preSeason && notAfter(asOf, sep15);
      if (ez === 'expired') {
        if (preSeason || inSeason) residence.flagExpired(flag);
      } else if (ez !== 'no' && preSeason) {
        flag(
          'summer_youth_recheck_at_hire',
          `age ${summerAge} on ${may1}: re-run at hire; only a hire from May 1 to Sep 15 counts`,
          'F',
        );
      } else if (ez === 'yes' && inSeason && neverHere) {
        match(
          'F',
          `summer youth, age ${summerAge}; lives in an Empowerment Zone; never worked here`,
        );
      } else if (ez !== 'no' && inSeason) {
        const why = neverHere ? residence.describe('no', ez) : 'prior employment here not answered';
        flag('summer_youth_possible', `age ${summerAge}; ${why}`, 'F');
      }
    }
  }

  return {
    matches: TARGET_GROUPS.filter((g) => matched.has(g.code)).map((g) => ({
      group: g.group,
      code: g.code,
      reason: matched.get(g.code)!,
      maxCredit: targetGroup(g.code).maxCredit,
    })),
    flags: dedupeAndSort(flags),
    exclusions,
  };
}

function residenceOf(a: DraftAnswers, input: EligibilityInput) {
  const rrcTable = input.rrcTable ?? RRC_TABLE;
  const ezTable = input.ezTable ?? EZ_TABLE;
  const ezThrough = input.ezDesignatedThrough ?? ezTable.designatedThrough;
  const zones = empowermentZonesNear(ezTable, { state: a.state, county: a.county, city: a.city });
  const verified = input.verifiedResidence ?? {};

  const rrc = (): Lookup => {
    if (verified.ruralRenewalCounty !== undefined)
      return verified.ruralRenewalCounty ? 'yes' : 'no';
    return lookupRuralRenewalCounty(rrcTable, a.state, a.county);
  };
  const ez = (): EzStatus => {
    if (compareIsoDates(input.asOf, ezThrough) > 0) return 'expired';
    if (verified.empowermentZone !== undefined) return verified.empowermentZone ? 'yes' : 'no';
    if (zones.length > 0) return 'possible';
    return ezTable.complete ? 'no' : 'unknown';
  };
  const describe = (rrcLookup: Lookup, ezStatus: EzStatus): string => {
    const parts: string[] = [];
    if (rrcLookup === 'unknown') {
      parts.push(
        rrcTable.complete
          ? 'county missing, Rural Renewal County not checked'
          : `Rural Renewal County list not available: check ${a.county ?? '(no county)'}, ${a.state ?? '(no state)'}`,
      );
    }
    if (ezStatus === 'possible')
      parts.push(`may live in Empowerment Zone ${zones.join('; ')} (tract not verified)`);
    if (ezStatus === 'unknown')
      parts.push('Empowerment Zone list incomplete: check the address on the HUD EZ map');
    return parts.join('; ');
  };
  const flagExpired = (flag: (code: FlagCode, reason: string, group?: DolCode) => void) => {
    if (zones.length > 0) {
      flag(
        'ez_designations_expired',
        `address is near ${zones.join('; ')}, but EZ designations ended ${ezThrough}`,
      );
    }
  };
  return { rrc, ez, describe, flagExpired };
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
