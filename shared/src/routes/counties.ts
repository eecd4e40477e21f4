import { defineRoute } from '../route-table.ts';
import { countyListQuerySchema, countyListSchema } from '../schemas/counties.ts';
import { countyEndpoints } from './survey-endpoints.ts';

export const countyRoutes = {
  list: defineRoute({
    ...countyEndpoints.list,
    summary: "A state's counties with their FIPS codes, for the survey's county picker",
    access: 'public',
    tags: ['survey'],
    query: countyListQuerySchema,
    response: countyListSchema,
  }),
};
