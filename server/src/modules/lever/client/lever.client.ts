import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { LeverApiError, LeverDisconnectedError, parseRetryAfter } from './lever.errors.ts';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import { jobGroupOf, LEVER_JOBS } from '../lever.jobs.ts';
import type {
  CreatedLeverWebhook,
  LeverContact,
  LeverOpportunity,
  LeverPosting,
  LeverWebhook,
  NewLeverWebhook,
} from './lever.types.ts';
import type { RateBudget } from './rate-budget.ts';
import type { TokenStore } from './token-store.ts';

const REQUEST_TIMEOUT_MS = 15_000;

/** Lever's Data API for one integration. Every method may throw LeverApiError or LeverDisconnectedError. */
export interface LeverAccountClient {
  getOpportunity(id: string, options?: { expandApplications?: boolean }): Promise<LeverOpportunity>;
  getPosting(id: string): Promise<LeverPosting>;
  getContact(id: string): Promise<LeverContact>;
  addTags(opportunityId: string, tags: string[]): Promise<void>;
  removeTags(opportunityId: string, tags: string[]): Promise<void>;
  listWebhooks(): Promise<LeverWebhook[]>;
  createWebhook(webhook: NewLeverWebhook): Promise<CreatedLeverWebhook>;
  deleteWebhook(id: string): Promise<void>;
}

/** `signal` aborts every request of the client (a job passes its own: shutdown stops it). */
export type LeverClientFactory = (
  integrationId: Types.ObjectId,
  options?: { signal?: AbortSignal },
) => LeverAccountClient;

interface RequestOptions {
  query?: Record<string, string>;
  body?: unknown;
  /** Aborts the request early (e.g. a job's signal on shutdown); the 15 s timeout applies anyway. */
  signal?: AbortSignal;
}

/**
 * The one module that calls Lever's Data API, as `app.lever.client`. Usable without a request
 * (background jobs): `app.lever.client(id).getOpportunity(...)`. Each call waits for a slot of the
 * account's shared budget (rate-budget.ts), sends the integration's token (refreshed ahead of
 * expiry), refreshes once on 401, and maps failures to LeverApiError; a Disconnected integration
 * throws LeverDisconnectedError before anything is sent.
 */
export function leverClient(
  app: FastifyInstance,
  tokens: TokenStore,
  budget: RateBudget,
): LeverClientFactory {
  const config = app.config.lever;

  async function send(
    integration: LeverIntegrationDocument,
    token: string,
    method: string,
    path: string,
    options: RequestOptions,
  ): Promise<Response> {
    await budget.take(integration.leverAccountId);
    const url = new URL(`${config!.apiUrl}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {}))
      url.searchParams.append(key, value);
    try {
      return await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal
          ? AbortSignal.any([options.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)])
          : AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new LeverApiError(null, null, error instanceof Error ? error.message : String(error));
    }
  }

  async function failure(response: Response): Promise<LeverApiError> {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
    return new LeverApiError(
      response.status,
      typeof body.code === 'string' ? body.code : null,
      typeof body.message === 'string' ? body.message : null,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }

  async function request<T>(
    integrationId: Types.ObjectId,
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<T | undefined> {
    if (!config) throw new Error('Lever is not configured (LEVER_* settings)');
    const integration = await tokens.load(integrationId);
    if (integration.status === 'disconnected') throw new LeverDisconnectedError(integrationId);
    let response = await send(
      integration,
      await tokens.accessToken(integration),
      method,
      path,
      options,
    );
    if (response.status === 401) {
      // Expired early or revoked: one refresh (shared with concurrent callers), one more try.
      await response.body?.cancel();
      const token = await tokens.refreshAfterUnauthorized(integration);
      response = await send(integration, token, method, path, options);
      if (response.status === 401) {
        await response.body?.cancel();
        await tokens.markDisconnected(integrationId, 'unauthorized_after_refresh');
        throw new LeverDisconnectedError(integrationId);
      }
    }
    if (!response.ok) throw await failure(response);
    revive(integrationId);
    if (response.status === 204) return undefined;
    return (await response.json()) as T;
  }

  /**
   * Lever answers this integration again: its jobs that died waiting (LEVER_RETRY_HOURS) come back
   * (docs/jobs.md; throttled by app.jobs to one revival per integration and 10 s).
   */
  function revive(integrationId: Types.ObjectId): void {
    app.jobs
      .revive({ types: [LEVER_JOBS.application, LEVER_JOBS.tag], group: jobGroupOf(integrationId) })
      .catch((error: unknown) => app.log.warn({ err: error }, 'reviving dead Lever jobs failed'));
  }

  const dataOf = async <T>(promise: Promise<{ data: T } | undefined>): Promise<T> => {
    const body = await promise;
    if (!body || body.data === undefined) throw new LeverApiError(200, null, 'Lever sent no data');
    return body.data;
  };
  const segment = encodeURIComponent;

  return (integrationId, { signal } = {}) => {
    const call = <T>(method: string, path: string, options: RequestOptions = {}) =>
      request<{ data: T }>(integrationId, method, path, { ...options, signal });
    return {
      getOpportunity: (opportunityId, options = {}) =>
        dataOf(
          call<LeverOpportunity>('GET', `/opportunities/${segment(opportunityId)}`, {
            query: options.expandApplications ? { expand: 'applications' } : {},
          }),
        ),
      getPosting: (postingId) =>
        dataOf(call<LeverPosting>('GET', `/postings/${segment(postingId)}`)),
      getContact: (contactId) =>
        dataOf(call<LeverContact>('GET', `/contacts/${segment(contactId)}`)),
      async addTags(opportunityId, tags) {
        await call('POST', `/opportunities/${segment(opportunityId)}/addTags`, {
          body: { tags },
        });
      },
      async removeTags(opportunityId, tags) {
        await call('POST', `/opportunities/${segment(opportunityId)}/removeTags`, {
          body: { tags },
        });
      },
      listWebhooks: () => dataOf(call<LeverWebhook[]>('GET', '/webhooks')),
      async createWebhook(webhook) {
        const data = await dataOf(
          call<Record<string, unknown>>('POST', '/webhooks', {
            body: {
              url: webhook.url,
              event: webhook.event,
              ...(webhook.origins
                ? { configuration: { conditions: { origins: webhook.origins } } }
                : {}),
            },
          }),
        );
        // Lever's docs show `{data:{data:{…}}}`; real integrations read one level (§5.7).
        const created = (
          data.data && typeof data.data === 'object' ? data.data : data
        ) as LeverWebhook & { configuration?: { signatureToken?: string } };
        const signatureToken = created.configuration?.signatureToken;
        if (typeof created.id !== 'string' || typeof signatureToken !== 'string') {
          throw new LeverApiError(201, null, 'Lever created a webhook but sent no id or token');
        }
        return { id: created.id, url: created.url, event: created.event, signatureToken };
      },
      async deleteWebhook(webhookId) {
        await call('DELETE', `/webhooks/${segment(webhookId)}`);
      },
    };
  };
}
