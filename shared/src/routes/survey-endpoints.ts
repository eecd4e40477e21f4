import { routeRefs } from '../route-table.ts';
import type { countyRoutes } from './counties.ts';
import type { surveyRoutes } from './survey.ts';

/**
 * Method and path of the routes the public survey calls, with no schema: the route table
 * (`survey.ts`, `counties.ts`) is built from these, and the survey's bundle calls them through the
 * refs below, so it carries no TypeBox (its first download on a phone must stay small).
 */
export const surveyEndpoints = {
  get: { method: 'GET', path: '/api/survey/:token' },
  saveAnswers: { method: 'PUT', path: '/api/survey/:token/answers' },
  submit: { method: 'POST', path: '/api/survey/:token/submit' },
  decline: { method: 'POST', path: '/api/survey/:token/decline' },
} as const;

export const countyEndpoints = {
  list: { method: 'GET', path: '/api/counties' },
} as const;

export const surveyRefs = routeRefs<typeof surveyRoutes>(surveyEndpoints);
export const countyRefs = routeRefs<typeof countyRoutes>(countyEndpoints);
