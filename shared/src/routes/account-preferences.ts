import { defineRoute } from '../route-table.ts';
import {
  accountPreferencesSchema,
  updateAccountPreferencesBodySchema,
} from '../schemas/account.ts';
import { accountPreferenceEndpoints } from './filing-endpoints.ts';

/** My Account › Profile: the signed-in user's own notification choices. */
export const accountPreferenceRoutes = {
  get: defineRoute({
    ...accountPreferenceEndpoints.get,
    summary: 'Your notification choices (the daily filing digest)',
    access: 'user',
    tags: ['account'],
    response: accountPreferencesSchema,
  }),
  update: defineRoute({
    ...accountPreferenceEndpoints.update,
    summary: 'Turn the daily filing digest on or off for yourself',
    access: 'user',
    tags: ['account'],
    body: updateAccountPreferencesBodySchema,
    response: accountPreferencesSchema,
  }),
};
