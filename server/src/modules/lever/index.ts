/*
 * What other modules may use of Lever (everything else in this folder is private). Lever itself
 * is `app.lever` (lever.routes.ts): its client, tokens and status events; these are the types and
 * errors that come with it.
 */
export type { Lever } from './lever.routes.ts';
export type { LeverAccountClient } from './client/lever.client.ts';
export {
  LeverApiError,
  LeverDisconnectedError,
  LeverIntegrationGoneError,
} from './client/lever.errors.ts';
export type { LeverStatusChange, LeverStatusListener } from './client/status-events.ts';
