import { defineRoute } from '../route-table.ts';
import { homeCreditSchema, homeTodoSchema } from '../schemas/home.ts';
import { homeEndpoints } from './home-endpoints.ts';

/** The home signed-in people open first: what needs doing. */
export const homeRoutes = {
  todo: defineRoute({
    ...homeEndpoints.todo,
    summary:
      'Counts of what needs doing: missing emails, surveys about to expire, failed tags, hires without a start date, filings due',
    access: 'user',
    tags: ['home'],
    response: homeTodoSchema,
  }),
  credit: defineRoute({
    ...homeEndpoints.credit,
    summary:
      'The potential credit of the screened applicants (this month, this year, by posting), what awaits certification, and the tax year credit so far',
    access: 'admin',
    tags: ['home'],
    response: homeCreditSchema,
  }),
};
