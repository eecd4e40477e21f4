import { Type, type Static } from 'typebox';

const count = Type.Integer({ minimum: 0 });

/**
 * `GET /api/home/todo`: what the admin home lists as things to do (docs/applicants.md, "The
 * home's to-do list"). Each count links to the screen where it is done; all zero is "nothing to
 * do". Lever's own state comes from the integrations list, which only admins may read.
 */
export const homeTodoSchema = Type.Object({
  /** Applicants Lever gave no email address: the survey cannot be sent until one is set. */
  missingEmail: count,
  /** Open survey links that stop working within `expiringWithinHours`. */
  surveysExpiringSoon: count,
  expiringWithinHours: count,
  /** Applicants whose Lever tag could not be written (failed or given up). */
  failedTags: count,
  /** Hires with no confirmed start date: no filing deadline can be counted yet. */
  hiresNeedingStartDate: count,
  /** Hires whose filing is overdue or due within 7 days. */
  filingsDue: count,
});
export type HomeTodo = Static<typeof homeTodoSchema>;
