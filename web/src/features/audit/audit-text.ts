import {
  APPLICANT_SORT_LABELS,
  SURVEY_STATUS_LABELS,
  WOTC_STATUS_LABELS,
  type ApplicantSort,
  type SurveyStatus,
  type WotcStatus,
} from '@eligo/shared/applicants';
import { isoToUsDate } from '@eligo/shared/wotc/dates';

/**
 * An export's search as the audit log says it: `q=jose&wotcStatus=pre_qualified&sort=name_asc` →
 * `“jose”, WOTC status Pre Qualified, sorted Name A–Z`. Unknown keys are left out.
 */
export function describeSearch(filters: string): string {
  const words: string[] = [];
  for (const [key, value] of new URLSearchParams(filters)) {
    switch (key) {
      case 'q':
        words.push(`“${value}”`);
        break;
      case 'surveyStatus':
        words.push(`survey ${SURVEY_STATUS_LABELS[value as SurveyStatus] ?? value}`);
        break;
      case 'wotcStatus':
        words.push(`WOTC status ${WOTC_STATUS_LABELS[value as WotcStatus] ?? value}`);
        break;
      case 'postingId':
        words.push('one posting');
        break;
      case 'from':
        words.push(`applied from ${isoToUsDate(value)}`);
        break;
      case 'to':
        words.push(`applied to ${isoToUsDate(value)}`);
        break;
      case 'sort':
        words.push(`sorted ${APPLICANT_SORT_LABELS[value as ApplicantSort] ?? value}`);
        break;
    }
  }
  return words.join(', ');
}
