import { defineRoute } from '../route-table.ts';
import { countyListQuerySchema, countyListSchema } from '../schemas/counties.ts';

export const countyRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/counties',
    summary: "A state's counties with their FIPS codes, for the survey's county picker",
    access: 'public',
    tags: ['survey'],
    query: countyListQuerySchema,
    response: countyListSchema,
  }),
};
