import { mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import type { LeverIntegration } from '@eligo/shared/schemas/integrations';
import LeverSetupChecklist from './components/LeverSetupChecklist.vue';
import { leverIntegration as base } from './fixtures.ts';
import { leverProblem, leverSetupSteps, leverSummary, setupFinished } from './lever-setup.ts';

const receiving = base.webhooks.map((w) => ({ ...w, state: 'receiving' as const }));
const with_ = (overrides: Partial<LeverIntegration>) => ({ ...base, ...overrides });
const done = (i: LeverIntegration) => leverSetupSteps(i).map((s) => [s.id, s.done]);

describe('the Lever setup checklist', () => {
  test('connected and both webhooks set up, one still waiting: two of three steps done', () => {
    expect(done(base)).toEqual([
      ['connected', true],
      ['webhooks', true],
      ['first_event', false],
    ]);
    expect(setupFinished(base)).toBe(false);
  });

  test('something received through each webhook: finished', () => {
    expect(setupFinished(with_({ status: 'connected', webhooks: receiving }))).toBe(true);
  });

  test('a missing webhook or a disconnection undoes the steps after it', () => {
    const missing = with_({ webhooks: [receiving[0]!, { ...receiving[1]!, state: 'missing' }] });
    expect(done(missing)).toEqual([
      ['connected', true],
      ['webhooks', false],
      ['first_event', false],
    ]);
    expect(done(with_({ status: 'disconnected', webhooks: receiving })).every(([, d]) => !d)).toBe(
      true,
    );
  });

  test('unfinished it is open with the count; finished it says so, green, and folds away', () => {
    const open = mount(LeverSetupChecklist, { props: { integration: base } });
    expect(open.find('summary').text()).toBe('Lever setup: 2 of 3 steps done');
    expect(open.find('details').attributes('open')).toBeDefined();
    expect(open.find('[data-step="first_event"]').text()).toContain('(not yet)');

    const finished = mount(LeverSetupChecklist, {
      props: { integration: with_({ status: 'connected', webhooks: receiving }) },
    });
    expect(finished.find('summary').text()).toBe('Lever setup is finished ✓');
    expect(finished.find('details').attributes('open')).toBeUndefined();
    expect(finished.find('details').classes()).toContain('finished');
  });
});

describe('leverProblem (the banner on every admin page)', () => {
  test('none while Lever is receiving or waiting for a first event', () => {
    expect(leverProblem(base)).toBeNull();
  });

  test('disconnected: applications are held; the fix is to reconnect', () => {
    expect(leverProblem(with_({ status: 'disconnected' }))).toEqual({
      kind: 'disconnected',
      text: 'Lever is disconnected: new applications are held until you reconnect.',
      fix: 'Reconnect Lever',
    });
  });

  test('a missing webhook is named; the fix is to set it up', () => {
    const problem = leverProblem(
      with_({ webhooks: [base.webhooks[0]!, { ...base.webhooks[1]!, state: 'missing' }] }),
    );
    expect(problem).toMatchObject({ kind: 'webhook_missing', fix: 'Set up the webhook' });
    expect(problem!.text).toContain('(Candidate hired)');
    expect(leverProblem(with_({ status: 'webhook_missing' }))?.kind).toBe('webhook_missing');
  });
});

describe('leverSummary (the Data Settings card)', () => {
  test('not connected, disconnected, setup unfinished, finished', () => {
    expect(leverSummary([])).toBe('Lever is not connected.');
    expect(leverSummary([with_({ status: 'disconnected' })])).toBe(
      'Lever is disconnected: new applications are held until you reconnect.',
    );
    expect(leverSummary([base])).toBe('Lever is connected; its setup is not finished yet.');
    expect(leverSummary([with_({ status: 'connected', webhooks: receiving })])).toBe(
      'Lever is connected and sending events to Eligo.',
    );
  });
});
