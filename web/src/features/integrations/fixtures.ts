import type { LeverIntegration } from '@eligo/shared/schemas/integrations';

/**
 * A Lever integration as the API sends it, for the web tests: waiting, with Application created
 * receiving and Candidate hired waiting (a manual webhook with one unusable delivery).
 */
export const leverIntegration: LeverIntegration = {
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
