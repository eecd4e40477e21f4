import type { EmulatorContext } from '../context.ts';
import type { ApiRequestRecord, CallCounter } from '../state/store.ts';
import type { Credential } from './credentials.ts';

/**
 * Token bucket per credential (Lever: 10 requests/s steady, bursts to 20). Returns false when the
 * call must be refused with 429.
 */
export function takeToken(ctx: EmulatorContext, tokenId: string): boolean {
  const { perSecond, burst } = ctx.options.rateLimit;
  const now = ctx.clock.now();
  const bucket = ctx.state.buckets.get(tokenId) ?? { tokens: burst, updatedAt: now };
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
  bucket.updatedAt = now;
  ctx.state.buckets.set(tokenId, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

const RECENT_LIMIT = 200;

/** Records one /v1 call and its status for `/_emulator/counters`. */
export function countCall(
  ctx: EmulatorContext,
  credential: Credential | { tokenId: string; kind: 'invalid' },
  status: number,
): void {
  const now = ctx.clock.now();
  const counter: CallCounter = ctx.state.counters.get(credential.tokenId) ?? {
    tokenId: credential.tokenId,
    kind: credential.kind,
    clientId: 'clientId' in credential ? credential.clientId : null,
    grantId: 'grantId' in credential ? credential.grantId : null,
    calls: 0,
    rateLimited: 0,
    byStatus: {},
    firstAt: now,
    lastAt: now,
    peakPerSecond: 0,
    recent: [],
  };
  counter.calls += 1;
  if (status === 429) counter.rateLimited += 1;
  counter.byStatus[status] = (counter.byStatus[status] ?? 0) + 1;
  counter.lastAt = now;
  counter.recent.push(now);
  if (counter.recent.length > RECENT_LIMIT) counter.recent.shift();
  const inLastSecond = counter.recent.filter((t) => t > now - 1000).length;
  counter.peakPerSecond = Math.max(counter.peakPerSecond, inLastSecond);
  ctx.state.counters.set(credential.tokenId, counter);
}

const REQUEST_LOG_LIMIT = 5000;

/** Appends one /v1 call to the request log of `/_emulator/requests` (oldest dropped first). */
export function logRequest(ctx: EmulatorContext, entry: Omit<ApiRequestRecord, 'at'>): void {
  ctx.state.requests.push({ at: ctx.clock.now(), ...entry });
  if (ctx.state.requests.length > REQUEST_LOG_LIMIT) ctx.state.requests.shift();
}
