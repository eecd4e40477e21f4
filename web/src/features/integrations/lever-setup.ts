import type { LeverIntegration } from '@eligo/shared/schemas/integrations';

/** One line of the Lever setup checklist. */
export interface SetupStep {
  id: 'connected' | 'webhooks' | 'first_event';
  label: string;
  done: boolean;
}

/**
 * The Lever setup checklist (issue 24 item 2): connected, each event's webhook in Lever, something
 * received through each. Every step done: setup is finished and the checklist folds away.
 */
export function leverSetupSteps(i: LeverIntegration): SetupStep[] {
  const connected = i.status !== 'disconnected';
  const labels = i.webhooks.map((w) => w.label).join(' and ');
  return [
    { id: 'connected', label: 'Connected to your Lever account', done: connected },
    {
      id: 'webhooks',
      label: `Webhooks set up in Lever (${labels})`,
      done: connected && i.webhooks.every((w) => w.state !== 'missing'),
    },
    {
      // An event or Lever's test ping through each webhook: a hire may be weeks away, and the
      // "Send test" button in Lever's Webhooks settings proves Candidate hired is switched on.
      id: 'first_event',
      label: `An event or test received through each webhook (${labels})`,
      done: connected && i.webhooks.every((w) => w.state === 'receiving'),
    },
  ];
}

export const setupFinished = (i: LeverIntegration) => leverSetupSteps(i).every((s) => s.done);

/** What stops applications from flowing in, with its fix; null when nothing does. */
export interface LeverProblem {
  kind: 'disconnected' | 'webhook_missing';
  text: string;
  fix: string;
}

export function leverProblem(i: LeverIntegration): LeverProblem | null {
  if (i.status === 'disconnected') {
    return {
      kind: 'disconnected',
      text: 'Lever is disconnected: new applications are held until you reconnect.',
      fix: 'Reconnect Lever',
    };
  }
  const missing = i.webhooks.filter((w) => w.state === 'missing').map((w) => w.label);
  if (i.status === 'webhook_missing' || missing.length > 0) {
    const which = missing.length > 0 ? ` (${missing.join(' and ')})` : '';
    return {
      kind: 'webhook_missing',
      text: `A Lever webhook is missing${which}: Lever is not sending those events to Eligo.`,
      fix: 'Set up the webhook',
    };
  }
  return null;
}

/** One sentence on Lever for the Data Settings card: connected or not, and what is left. */
export function leverSummary(items: readonly LeverIntegration[]): string {
  const i = items[0];
  if (!i) return 'Lever is not connected.';
  const problem = leverProblem(i);
  if (problem) return problem.text;
  if (setupFinished(i)) return 'Lever is connected and sending events to Eligo.';
  return 'Lever is connected; its setup is not finished yet.';
}
