import { defineRoute } from '../route-table.ts';
import { homeTodoSchema } from '../schemas/home.ts';
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
};
