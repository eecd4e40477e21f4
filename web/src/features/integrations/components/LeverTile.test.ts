import { mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import type { LeverIntegration } from '@eligo/shared/schemas/integrations';
import LeverTile from './LeverTile.vue';

const base: LeverIntegration = {
  id: '0123456789abcdef01234567',
  provider: 'lever',
  status: 'waiting',
  statusDetail: 'Nothing received from Lever yet.',
  leverAccountId: 'acct-1',
  connectedAt: '2030-01-01T10:00:00.000Z',
  connectedBy: 'Ada Admin',
  webhook: { url: 'https://eligo.example/api/webhooks/lever/abc', mode: 'api', createdAt: null },
  lastEventAt: null,
  lastPingAt: null,
  failedSignatures24h: 3,
  unreadApplications: { count: 0, lastReason: null },
  health: { checkedAt: null, lastCheckFailed: false },
  disconnectedAt: null,
  leverWebhooksPageUrl: 'https://hire.lever.co/settings/integrations?tab=webhooks',
  webhooks: [
    {
      event: 'applicationCreated',
      label: 'Application created',
      state: 'receiving',
      mode: 'api',
      createdAt: null,
      lastEventAt: '2030-01-02T10:00:00.000Z',
      lastPingAt: null,
      unusable: { count: 0, lastReason: null },
    },
    {
      event: 'candidateHired',
      label: 'Candidate hired',
      state: 'waiting',
      mode: 'manual',
      createdAt: null,
      lastEventAt: null,
      lastPingAt: null,
      unusable: { count: 1, lastReason: 'The opportunity was deleted in Lever' },
    },
  ],
  webhooksApi: 'available',
  grant: {
    grantedAt: '2030-01-01T10:00:00.000Z',
    expiresAt: '2031-01-01T10:00:00.000Z',
    daysLeft: 200,
    warn: false,
  },
  missingScopes: [],
  reconcile: {
    state: 'idle',
    lastRunAt: null,
    watermark: null,
    lastFound: 0,
    lastError: null,
    intervalHours: 6,
  },
};
const tile = (overrides: Partial<LeverIntegration> = {}) =>
  mount(LeverTile, { props: { integration: { ...base, ...overrides } } });

describe('LeverTile', () => {
  test('waiting: the "here" link opens Lever\'s Webhooks page in a new tab; no Reconnect', () => {
    const wrapper = tile();
    expect(wrapper.find('[data-testid="lever-status"]').text()).toBe('Waiting for the first event');
    const here = wrapper.findAll('a').find((a) => a.text() === 'here')!;
    expect(here.attributes()).toMatchObject({
      href: base.leverWebhooksPageUrl,
      target: '_blank',
      rel: 'noopener',
    });
    expect(wrapper.text()).not.toContain('Reconnect');
    expect(wrapper.text()).toContain('Failed signature checks (24 h)');
    expect(wrapper.text()).toContain('Created by Eligo');
    // Both events are to be switched on in Lever.
    expect(wrapper.find('.final-step').text().replace(/\s+/g, ' ')).toContain(
      'switch on both Application created and Candidate hired in Lever',
    );
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Lever would not show us');
  });

  test('each event has its own row and state: Application created receiving, Candidate hired waiting', () => {
    const rows = tile()
      .findAll('tbody tr')
      .map((row) => [row.attributes('data-event'), row.find('th').text(), row.text()]);
    expect(rows.map(([event, label]) => [event, label])).toEqual([
      ['applicationCreated', 'Application created'],
      ['candidateHired', 'Candidate hired'],
    ]);
    expect(rows[0]![2]).toContain('Receiving');
    expect(rows[0]![2]).toContain('Created by Eligo');
    expect(rows[1]![2]).toContain('Nothing received yet');
    expect(rows[1]![2]).toContain('Manual (created in Lever)');
    expect(rows[1]![2]!.replace(/\s+/g, ' ')).toContain(
      '1 unusable (latest: The opportunity was deleted in Lever)',
    );
  });

  test('the grant ends within 30 days: an alert with the date, and Reconnect is offered', () => {
    const wrapper = tile({
      status: 'connected',
      statusDetail: null,
      grant: { ...base.grant, daysLeft: 7, warn: true },
    });
    expect(wrapper.find('[role="alert"]').text()).toContain('(7 days left)');
    expect(wrapper.find('[role="alert"]').text()).toContain('Reconnect');
    const reconnect = wrapper.findAll('a').find((a) => a.text() === 'Reconnect')!;
    expect(reconnect.attributes('href')).toBe('/api/integrations/lever/connect');
  });

  test('a grant without an optional scope says what it costs; "Look for hires now" is emitted', async () => {
    const wrapper = tile({
      missingScopes: [{ scope: 'offers:read:admin', why: 'the offer dates' }],
    });
    expect(wrapper.find('[data-testid="missing-scopes"]').text()).toContain(
      'offers:read:admin (the offer dates)',
    );
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Look for hires now')!
      .trigger('click');
    expect(wrapper.emitted('reconcile')).toHaveLength(1);
    expect(wrapper.find('[data-testid="reconcile"]').text()).toContain(
      'every 6 hours; not run yet',
    );
  });

  test('without archive reasons the reconcile cannot run: said, and the button is disabled', () => {
    const wrapper = tile({ reconcile: { ...base.reconcile, state: 'unavailable' } });
    expect(wrapper.find('[data-testid="reconcile"]').text()).toContain(
      'archive_reasons:read:admin',
    );
    const button = wrapper.findAll('button').find((b) => b.text() === 'Look for hires now')!;
    expect(button.attributes('disabled')).toBeDefined();
  });

  test('applications Lever would not show us are counted, with the latest reason', () => {
    const wrapper = tile({
      status: 'connected',
      unreadApplications: { count: 2, lastReason: 'The opportunity was deleted in Lever' },
    });
    expect(wrapper.text()).toContain('Applications Lever would not show us');
    expect(wrapper.text().replace(/\s+/g, ' ')).toContain(
      '2 (latest: The opportunity was deleted in Lever)',
    );
  });

  test('disconnected: an alert and a Reconnect link that starts the OAuth flow again', () => {
    const wrapper = tile({ status: 'disconnected', statusDetail: 'Lever access was revoked.' });
    expect(wrapper.find('[data-testid="lever-status"]').text()).toBe(
      'Disconnected — access revoked',
    );
    expect(wrapper.find('[role="alert"]').text()).toBe('Lever access was revoked.');
    const reconnect = wrapper.findAll('a').find((a) => a.text() === 'Reconnect')!;
    expect(reconnect.attributes('href')).toBe('/api/integrations/lever/connect');
  });

  test('a failed latest check is said, and the actions are emitted', async () => {
    const wrapper = tile({
      status: 'webhook_missing',
      health: { checkedAt: '2030-01-01T10:00:00.000Z', lastCheckFailed: true },
    });
    expect(wrapper.text()).toContain('Lever did not answer the latest check');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Manage ATS Credentials')!
      .trigger('click');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Delete Integration')!
      .trigger('click');
    expect(Object.keys(wrapper.emitted())).toEqual(expect.arrayContaining(['manage', 'delete']));
  });
});
