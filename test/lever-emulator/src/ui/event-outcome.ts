import type { EmulatorContext } from '../context.ts';
import { eventGroups } from '../state/store.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * One line under a notice: was the event sent to a webhook for this opportunity, and if not, why
 * not (the group is off until a Super Admin switches it on, as in Lever; or nobody listens).
 */
export function eventOutcome(ctx: EmulatorContext, event: string, opportunityId: string): SafeHtml {
  const label = eventGroups.find((g) => g.event === event)?.label ?? event;
  const sent = ctx.state.deliveries.filter(
    (d) =>
      d.kind === 'event' &&
      d.event === event &&
      (d.data.opportunityId ?? d.data.candidateId) === opportunityId,
  ).length;
  if (sent > 0)
    return html`${label} was sent to ${sent} webhook${sent === 1 ? '' : 's'} (<a
        href="/settings/integrations/webhooks"
        >delivery history</a
      >).`;
  if (!ctx.state.eventGroups.get(event))
    return html`No webhook was called: the ${label} event group is switched off. A Super Admin
      switches it on under
      <a href="/settings/integrations/webhooks">Settings › Integrations and API › Webhooks</a>.`;
  return html`No webhook listens for ${label}.`;
}
