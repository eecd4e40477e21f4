import type { LeverConfig } from '../../../plugins/config.ts';

/**
 * Lever's Settings › Integrations and API › Webhooks page, where a Super Admin switches event
 * groups on and adds webhooks by hand: the tile's **here** link and the emails link to it.
 * The one place its address is made. `/settings/integrations?tab=<tab>` is the form Lever's own
 * Postings API README gives for the API credentials tab (`?tab=api`) and integrators document for
 * this one (`?tab=webhooks`); the sandbox is the same app on `hire.sandbox.lever.co`
 * (`LEVER_WEB_URL`). Sources: docs/lever-api.md §5.8.
 */
export function leverWebhooksPageUrl(config: Pick<LeverConfig, 'webUrl'>): string {
  return `${config.webUrl}/settings/integrations?tab=webhooks`;
}
