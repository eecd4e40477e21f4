import {
  COUNTY_NOT_LISTED,
  isoToUsDate,
  isoToUsMonth,
  stateName,
  type QuestionDef,
} from '@eligo/shared/wotc';
import { en } from '../survey/i18n/en.ts';

/** A county's name once its state's list is here (`useCounties` of the survey). */
export type CountyNameOf = (state: string, fips: string) => string | undefined;

/**
 * A signed answer as the applicant page reads it back, in the words the applicant saw (the
 * survey's English wording): options by label, dates and months as typed (03/17/1998, 12/2026),
 * states by name, the county by name with its state ("Sangamon County, IL"), an empty choice
 * list as "None of these". The SSN arrives masked.
 */
export function answerText(
  def: QuestionDef,
  value: string | string[],
  home: { state: string | undefined; countyName: CountyNameOf },
): string {
  if (value === 'declined') return en.ui.preferNot;
  const option = (v: string) => en.questions[def.id].options?.[v] ?? v;
  switch (def.kind) {
    case 'multi':
      return Array.isArray(value) && value.length > 0 ? value.map(option).join(', ') : en.ui.none;
    case 'yes_no':
    case 'enum':
      return option(String(value));
    case 'date':
      return isoToUsDate(value);
    case 'month':
      return isoToUsMonth(value);
    case 'state':
      return stateName(value);
    case 'state_list':
      return (Array.isArray(value) ? value : [value]).map(stateName).join(', ');
    case 'county': {
      if (value === COUNTY_NOT_LISTED) return en.ui.countyNotListed;
      const name = home.state ? home.countyName(home.state, String(value)) : undefined;
      return name ? `${name}, ${home.state}` : '…';
    }
    default:
      return Array.isArray(value) ? value.join(', ') : value;
  }
}
