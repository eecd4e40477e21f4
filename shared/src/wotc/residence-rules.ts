import { ageOn, compareIsoDates, isoToUsDate, parseIsoDate } from './dates.ts';
import type { DolCode } from './groups.ts';
import type { FlagCode } from './result.ts';
import {
  EZ_TABLE,
  RRC_TABLE,
  empowermentZoneContaining,
  empowermentZonesNear,
  lookupRuralRenewalCounty,
  type RrcLookup,
} from './residence.ts';
import type { Rule, RuleContext } from './rule-context.ts';

/**
 * The two groups decided from where the applicant lives (docs/wotc-rules.md §6): designated
 * community residents (4 / D) and summer youth employees (6 / F). DC's Empowerment Zone ended in
 * 2011 and DC has no Rural Renewal County, so DC residents are neither. The verified facts of
 * `verifiedResidence` (a person looked at the address) override the table lookups.
 */

type EzStatus = 'yes' | 'no' | 'possible' | 'unknown' | 'expired';

function residenceOf({ answers: a, input }: RuleContext) {
  const rrcTable = input.rrcTable ?? RRC_TABLE;
  const ezTable = input.ezTable ?? EZ_TABLE;
  const ezThrough = input.ezDesignatedThrough ?? ezTable.designatedThrough;
  const home = { state: a.state, county: a.county, city: a.city };
  const zones = empowermentZonesNear(ezTable, home);
  const verified = input.verifiedResidence ?? {};

  const rrc = (): RrcLookup => {
    if (verified.ruralRenewalCounty !== undefined) {
      return verified.ruralRenewalCounty
        ? { result: 'yes', detail: 'verified' }
        : { result: 'no', detail: '' };
    }
    return lookupRuralRenewalCounty(rrcTable, a.state, a.county);
  };
  // Empowerment Zone residence counts only while a designation is in force on `asOf`.
  const ez = (): EzStatus => {
    if (compareIsoDates(input.asOf, ezThrough) > 0) return 'expired';
    if (verified.empowermentZone !== undefined) return verified.empowermentZone ? 'yes' : 'no';
    if (empowermentZoneContaining(ezTable, home)) return 'yes';
    if (zones.length > 0) return 'possible';
    return ezTable.complete ? 'no' : 'unknown';
  };
  const describe = (rrcLookup: RrcLookup, ezStatus: EzStatus): string => {
    const parts: string[] = [];
    if (rrcLookup.result === 'unknown') parts.push(rrcLookup.detail);
    if (ezStatus === 'possible')
      parts.push(`may live in Empowerment Zone ${zones.join('; ')} (tract not verified)`);
    if (ezStatus === 'unknown')
      parts.push('Empowerment Zone list incomplete: check the address against the zone tracts');
    return parts.join('; ');
  };
  const flagExpired = (flag: (code: FlagCode, reason: string, group?: DolCode) => void) => {
    if (zones.length > 0) {
      flag(
        'ez_designations_expired',
        `address is near ${zones.join('; ')}, but EZ designations ended ${isoToUsDate(ezThrough)}`,
      );
    }
  };
  return { rrc, ez, describe, flagExpired };
}

const residenceCounts = ({ dob, age, answers }: RuleContext) =>
  dob !== undefined && age !== null && answers.state !== 'DC';

/** 4 / D: aged 18–39 and living in a Rural Renewal County or an Empowerment Zone. */
export const designatedCommunityResident: Rule = {
  name: 'designated community resident',
  groups: ['D'],
  apply(ctx) {
    const { age, match, flag } = ctx;
    if (!residenceCounts(ctx) || age === null || age < 18 || age >= 40) return;
    const residence = residenceOf(ctx);
    const rrc = residence.rrc();
    const ez = residence.ez();
    if (rrc.result === 'yes' || ez === 'yes') {
      match(
        'D',
        `age ${age}; lives in ${rrc.result === 'yes' ? `a Rural Renewal County (${rrc.detail})` : 'an Empowerment Zone'}`,
      );
    } else if (rrc.result === 'unknown' || ez === 'possible' || ez === 'unknown') {
      flag('dcr_possible', `age ${age}; ${residence.describe(rrc, ez)}`, 'D');
    }
    if (ez === 'expired') residence.flagExpired(flag);
  },
};

/**
 * 6 / F: aged 16–17 on the hiring date (on 1 May for an earlier screening, IRC §51(d)(7)), hired
 * May 1–Sep 15, living in an Empowerment Zone, never employed here.
 */
export const summerYouth: Rule = {
  name: 'summer youth employee',
  groups: ['F'],
  apply(ctx) {
    const { dob, asOf, answers: a, match, flag, notAfter } = ctx;
    if (!residenceCounts(ctx) || dob === undefined) return;
    const year = parseIsoDate(asOf)!.year;
    const may1 = `${year}-05-01`;
    const sep15 = `${year}-09-15`;
    const summerAge = ageOn(dob, compareIsoDates(asOf, may1) < 0 ? may1 : asOf);
    const summerAgeFits = summerAge !== null && summerAge >= 16 && summerAge < 18;
    if (!summerAgeFits || a.worked_here_before === 'yes') return;

    const residence = residenceOf(ctx);
    const neverHere = a.worked_here_before === 'no';
    const ez = residence.ez();
    const preSeason = compareIsoDates(asOf, may1) < 0;
    const inSeason = !preSeason && notAfter(asOf, sep15);
    if (ez === 'expired') {
      if (preSeason || inSeason) residence.flagExpired(flag);
    } else if (ez !== 'no' && preSeason) {
      flag(
        'summer_youth_recheck_at_hire',
        `age ${summerAge} on ${isoToUsDate(may1)}: re-run at hire; only a hire from May 1 to Sep 15 counts`,
        'F',
      );
    } else if (ez === 'yes' && inSeason && neverHere) {
      match('F', `summer youth, age ${summerAge}; lives in an Empowerment Zone; never worked here`);
    } else if (ez !== 'no' && inSeason) {
      const why = neverHere
        ? residence.describe({ result: 'no', detail: '' }, ez)
        : 'prior employment here not answered';
      flag('summer_youth_possible', `age ${summerAge}; ${why}`, 'F');
    }
  },
};
