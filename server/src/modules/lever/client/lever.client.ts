import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { LeverApiError, LeverDisconnectedError, parseRetryAfter } from './lever.errors.ts';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import { sendToLever } from './lever-http.ts';
import type {
  CreatedLeverWebhook,
  LeverArchiveReason,
  LeverOffer,
  LeverOpportunity,
  LeverPage,
  LeverPosting,
  LeverWebhook,
  NewLeverWebhook,
} from './lever.types.ts';
import type { RateBudget } from './rate-budget.ts';
import type { TokenStore } from './token-store.ts';

/** A list longer than this many pages is not read to its end (a loop, or not a list we know). */
const MAX_PAGES = 100;

/** Lever's Data API for one integration. Every method may throw LeverApiError or LeverDisconnectedError. */
export interface LeverAccountClient {
  getOpportunity(id: string, options?: { expandApplications?: boolean }): Promise<LeverOpportunity>;
  /** One page of `GET /opportunities` with Lever's filters (`archive_reason_id`, `archived_at_start`…). */
  listOpportunities(
    filters: Record<string, string | string[]>,
    offset?: string | null,
  ): Promise<LeverPage<LeverOpportunity>>;
  getOffers(opportunityId: string): Promise<LeverOffer[]>;
  listArchiveReasons(type?: 'hired' | 'non-hired'): Promise<LeverArchiveReason[]>;
  getPosting(id: string): Promise<LeverPosting>;
  addTags(opportunityId: string, tags: string[]): Promise<void>;
  removeTags(opportunityId: string, tags: string[]): Promise<void>;
  /** Every webhook Lever lists to us, all pages (lever-api.md §5.7). */
  listWebhooks(): Promise<LeverWebhook[]>;
  createWebhook(webhook: NewLeverWebhook): Promise<CreatedLeverWebhook>;
  deleteWebhook(id: string): Promise<void>;
}

/** `signal` aborts every request of the client (a job passes its own: shutdown stops it). */
export type LeverClientFactory = (
  integrationId: Types.ObjectId,
  options?: { signal?: AbortSignal },
) => LeverAccountClient;

type Query = Record<string, string | string[]>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Aborts the request early (e.g. a job's signal on shutdown); the 15 s timeout applies anyway. */
  signal?: AbortSignal;
}

/**
 * The one module that calls Lever's Data API, as `app.lever.client`. Usable without a request
 * (background jobs): `app.lever.client(id).getOpportunity(...)`. Each call (and each redirect hop,
 * lever-http.ts) waits for a slot of the account's shared budget (rate-budget.ts), sends the
 * integration's token (refreshed ahead of expiry), refreshes once on 401, and maps failures to
 * LeverApiError; a Disconnected integration throws LeverDisconnectedError before anything is sent.
 */
export function leverClient(
  app: FastifyInstance,
  tokens: TokenStore,
  budget: RateBudget,
): LeverClientFactory {
  const config = app.config.lever;

  function send(
    integration: LeverIntegrationDocument,
    token: string,
    method: string,
    path: string,
    options: RequestOptions,
  ) {
    const url = new URL(`${config!.apiUrl}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {}))
      for (const each of Array.isArray(value) ? value : [value]) url.searchParams.append(key, each);
    return sendToLever(
      { method, url, token, body: options.body, signal: options.signal },
      config!.apiHosts,
      () => budget.take(integration.leverAccountId),
    );
  }

  async function failure(response: Response, redirectedTo: string | null): Promise<LeverApiError> {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
    const message = typeof body.message === 'string' ? body.message : null;
    return new LeverApiError(
      response.status,
      typeof body.code === 'string' ? body.code : null,
      redirectedTo ? `${message ?? 'refused'} (after a redirect to ${redirectedTo})` : message,
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
    let sent = await send(
      integration,
      await tokens.accessToken(integration),
      method,
      path,
      options,
    );
    // A 401 from the host a redirect led to says nothing about our grant (the token may not have
    // been sent there): it is an error of this call, never a reason to disconnect.
    if (sent.response.status === 401 && sent.redirectedTo === null) {
      // Expired early or revoked: one refresh (shared with concurrent callers), one more try.
      await sent.response.body?.cancel();
      const token = await tokens.refreshAfterUnauthorized(integration);
      sent = await send(integration, token, method, path, options);
      if (sent.response.status === 401 && sent.redirectedTo === null) {
        await sent.response.body?.cancel();
        await tokens.markDisconnected(integrationId, 'unauthorized_after_refresh');
        throw new LeverDisconnectedError(integrationId);
      }
    }
    if (!sent.response.ok) throw await failure(sent.response, sent.redirectedTo);
    if (sent.response.status === 204) return undefined;
    return (await sent.response.json()) as T;
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
    /** `oneIsList`: a single object under `data` is read as a list of one. */
    const page = async <T>(
      path: string,
      query: Query,
      oneIsList = false,
    ): Promise<LeverPage<T>> => {
      const body = (await call<T[]>('GET', path, { query })) as
        { data?: unknown; hasNext?: unknown; next?: unknown } | undefined;
      const single = oneIsList && typeof body?.data === 'object' && body.data !== null;
      const data = single && !Array.isArray(body.data) ? [body.data] : body?.data;
      if (!Array.isArray(data)) throw new LeverApiError(200, null, 'Lever sent no list');
      const next = typeof body?.next === 'string' && body.next !== '' ? body.next : null;
      return { data: data as T[], hasNext: body?.hasNext === true && next !== null, next };
    };
    /** Follows `hasNext`/`next` (lever-api.md §2.3); a list without them is one page. */
    const all = async <T>(path: string, query: Query = {}, oneIsList = false): Promise<T[]> => {
      const items: T[] = [];
      let offset: string | null = null;
      for (let n = 0; n < MAX_PAGES; n += 1) {
        const at = offset ? { ...query, offset } : query;
        const got: LeverPage<T> = await page<T>(path, at, oneIsList);
        items.push(...got.data);
        if (!got.hasNext) return items;
        offset = got.next;
      }
      throw new LeverApiError(200, null, `Lever's ${path} list has more than ${MAX_PAGES} pages`);
    };
    return {
      getOpportunity: (opportunityId, options = {}) =>
        dataOf(
          call<LeverOpportunity>('GET', `/opportunities/${segment(opportunityId)}`, {
            query: options.expandApplications ? { expand: 'applications' } : {},
          }),
        ),
      listOpportunities: (filters, offset) =>
        page<LeverOpportunity>('/opportunities', offset ? { ...filters, offset } : filters),
      getOffers: (opportunityId) =>
        all<LeverOffer>(`/opportunities/${segment(opportunityId)}/offers`),
      // Lever's reference describes a list; its example for `?type=hired` shows one object
      // (docs/lever-api.md): both are read.
      listArchiveReasons: (type) =>
        all<LeverArchiveReason>('/archive_reasons', type ? { type } : {}, true),
      getPosting: (postingId) =>
        dataOf(call<LeverPosting>('GET', `/postings/${segment(postingId)}`)),
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
      listWebhooks: () => all<LeverWebhook>('/webhooks'),
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
