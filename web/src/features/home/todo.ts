import type { RouteLocationRaw } from 'vue-router';
import type { HomeTodo } from '@eligo/shared/schemas/home';
import type { LeverProblem } from '../integrations/lever-setup.ts';

/** One line of the home's to-do list: what to do, and where it is done. */
export interface TodoItem {
  id: string;
  text: string;
  to: RouteLocationRaw;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const ATS: RouteLocationRaw = { name: 'ats-integrations' };

/**
 * The to-do list (issue 24 item 1), most pressing first: Lever problems hold every new
 * application, then filings (deadlines), then the applicants'. Empty when there is nothing to do.
 */
export function todoItems(counts: HomeTodo | null, lever: readonly LeverProblem[]): TodoItem[] {
  const items: TodoItem[] = lever.map((problem) => ({
    id: `lever-${problem.kind}`,
    text: `${problem.text} ${problem.fix}.`,
    to: ATS,
  }));
  if (!counts) return items;
  const add = (n: number, id: string, text: string, to: RouteLocationRaw) => {
    if (n > 0) items.push({ id, text, to });
  };
  add(
    counts.filingsDue,
    'filings-due',
    `${plural(counts.filingsDue, 'filing is', 'filings are')} due within 7 days or overdue.`,
    { name: 'filing', query: { bucket: 'due_soon' } },
  );
  add(
    counts.hiresNeedingStartDate,
    'start-dates',
    `${plural(counts.hiresNeedingStartDate, 'hire needs', 'hires need')} a start date before the filing deadline can be counted.`,
    { name: 'filing', query: { bucket: 'needs_start_date' } },
  );
  add(
    counts.missingEmail,
    'missing-email',
    `${plural(counts.missingEmail, 'applicant has', 'applicants have')} no email address: the survey cannot be sent until you add one.`,
    { name: 'applicants', query: { surveyStatus: 'missing_email' } },
  );
  add(
    counts.surveysExpiringSoon,
    'expiring',
    `${plural(counts.surveysExpiringSoon, 'survey link stops', 'survey links stop')} working within ${counts.expiringWithinHours} hours.`,
    { name: 'applicants', query: { surveyStatus: 'sent' } },
  );
  add(
    counts.failedTags,
    'failed-tags',
    `${plural(counts.failedTags, 'Lever tag', 'Lever tags')} could not be written: retry from the applicant's page.`,
    { name: 'applicants' },
  );
  return items;
}
