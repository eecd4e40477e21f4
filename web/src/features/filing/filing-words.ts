import type { RouteLocationRaw } from 'vue-router';
import {
  FILING_BUCKET_LABELS,
  FILING_MISSING_LABELS,
  FILING_STATE_LABELS,
  type FilingBucket,
  type FilingMissing,
} from '@eligo/shared/filing';
import type { ApplicantFiling } from '@eligo/shared/schemas/filing-status';
import type { Tone } from '../../components/ToneBadge.vue';

/**
 * The Filing screen in words (docs/filing.md §4): days left as people say them, where each missing
 * item is fixed, what each bucket's empty list means. Labels come from `@eligo/shared/filing`.
 */

export { FILING_BUCKET_LABELS, FILING_MISSING_LABELS, FILING_STATE_LABELS };

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** `3 days left`, `1 day left`, `due today`, `2 days overdue`. */
export function daysLeftWords(daysLeft: number): string {
  if (daysLeft === 0) return 'due today';
  return daysLeft > 0 ? `${days(daysLeft)} left` : `${days(-daysLeft)} overdue`;
}

/** The colour of the days left: overdue is bad, the last week a warning. */
export function daysLeftTone(daysLeft: number): Tone {
  if (daysLeft < 0) return 'bad';
  return daysLeft <= 7 ? 'warn' : 'neutral';
}

export const BUCKET_TONES: Record<FilingBucket, Tone> = {
  needs_start_date: 'info',
  due_soon: 'warn',
  overdue: 'bad',
  in_progress: 'neutral',
  ready: 'good',
  filed: 'muted',
};

/**
 * Where the deadline stands in words: the state's status once something was recorded, else the
 * days left (marked as an estimate while counted from Lever's anticipated start), else nothing.
 */
export function deadlineWords(filing: ApplicantFiling): string {
  const { status } = filing;
  if (status.state !== 'not_submitted') {
    const late = status.submission?.late ? ' (late)' : '';
    return `${FILING_STATE_LABELS[status.state]}${late}`;
  }
  if (filing.daysLeft === null) return 'No start date yet';
  const words = daysLeftWords(filing.daysLeft);
  return filing.dueOnBasis === 'anticipated_start' ? `${words} (estimated)` : words;
}

/** What each bucket's list holds, said when it is empty. */
export const BUCKET_EMPTY: Record<FilingBucket | 'all', string> = {
  all: 'No hires yet. When a candidate is hired in Lever, or an admin records a hire on an applicant’s page or imports a CSV of hires, they appear here with their filing deadline.',
  needs_start_date:
    'Hires whose first day of work has not been confirmed appear here. Nobody is waiting for a start date.',
  due_soon:
    'Hires whose forms are due within 7 days and still miss something appear here. Nothing is due this week.',
  overdue:
    'Hires whose 28-day deadline passed before the forms were filed appear here. Nothing is overdue.',
  in_progress:
    'Hires with more than 7 days left that still miss something appear here. There are none.',
  ready:
    'Hires with everything the forms need, still within their deadline, appear here. None is ready yet.',
  filed:
    'Hires whose forms were submitted to the state appear here, with what the state decided. Nothing was filed yet.',
};

/** The part of the applicant page where each missing item is fixed (see ApplicantView). */
const MISSING_SECTIONS: Record<Exclude<FilingMissing, 'employer_profile'>, string> = {
  start_date: '#hire',
  hire_dates: '#hire',
  hire_details: '#hire',
  screened_after_offer: '#hire',
  applicant_signature: '#survey',
  employer_signature: '#filing',
};

export interface MissingLink {
  item: FilingMissing;
  label: string;
  /** Where it is fixed; `null` when this person cannot go there (a member and the profile). */
  to: RouteLocationRaw | null;
}

/**
 * Each missing item with the place it is fixed: the employer profile (admins only: members are told
 * an admin completes it), or the part of the applicant's page.
 */
export function missingLinks(
  applicantId: string,
  missing: readonly FilingMissing[],
  isAdmin: boolean,
): MissingLink[] {
  return missing.map((item) => {
    const label = FILING_MISSING_LABELS[item];
    if (item === 'employer_profile') {
      return { item, label, to: isAdmin ? { name: 'employer-profile' } : null };
    }
    return {
      item,
      label,
      to: { name: 'applicant', params: { applicantId }, hash: MISSING_SECTIONS[item] },
    };
  });
}
