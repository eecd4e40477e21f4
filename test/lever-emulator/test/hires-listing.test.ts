import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { HIRED_ARCHIVE_REASON_ID, seedArchiveReasons } from '../src/state/seed.ts';
import { startEmulator } from './helpers/emulator.ts';

const NOW = Date.UTC(2025, 5, 2, 15, 0, 0);
const DAY = 86_400_000;
const UNDERQUALIFIED = seedArchiveReasons.find((r) => r.text === 'Underqualified')!.id;

let env: Awaited<ReturnType<typeof startEmulator>>;
let token: string;

beforeAll(async () => {
  env = await startEmulator({ clockStart: NOW });
});
beforeEach(async () => {
  env.emulator.reset();
  token = await env.token('opportunities:read:admin archive_reasons:read:admin');
});
afterAll(() => env.close());

describe('archive reasons', () => {
  test('list all, filter by type, read one; each is {id, text, status, type}', async () => {
    const all = await env.call('GET', '/v1/archive_reasons', token);
    expect(all.status).toBe(200);
    expect(all.body.hasNext).toBe(false);
    expect(all.body.data).toHaveLength(7);
    expect(all.body.data).toContainEqual({
      id: HIRED_ARCHIVE_REASON_ID,
      text: 'Hired',
      status: 'active',
      type: 'hired',
    });
    expect(all.body.data).toContainEqual(
      expect.objectContaining({ text: 'Position filled', status: 'inactive', type: 'non-hired' }),
    );
    const hired = await env.call('GET', '/v1/archive_reasons?type=hired', token);
    expect(hired.body.data.map((r: { text: string }) => r.text)).toEqual(['Hired']);
    const nonHired = await env.call('GET', '/v1/archive_reasons?type=non-hired', token);
    expect(nonHired.body.data).toHaveLength(6);
    expect(nonHired.body.data.every((r: { type: string }) => r.type === 'non-hired')).toBe(true);
    const one = await env.call('GET', `/v1/archive_reasons/${UNDERQUALIFIED}`, token);
    expect(one.body.data).toEqual({
      id: UNDERQUALIFIED,
      text: 'Underqualified',
      status: 'active',
      type: 'non-hired',
    });
  });

  test('a bad type is 400, an unknown id 404, and the scope is archive_reasons:read:admin', async () => {
    const bad = await env.call('GET', '/v1/archive_reasons?type=fired', token);
    expect(bad).toMatchObject({ status: 400, body: { code: 'BadRequest' } });
    const unknown = await env.call('GET', '/v1/archive_reasons/nope', token);
    expect(unknown).toMatchObject({
      status: 404,
      body: { code: 'ResourceNotFound', message: 'archive_reasons nope was not found' },
    });
    const other = await env.token('opportunities:read:admin');
    const refused = await env.call('GET', '/v1/archive_reasons', other);
    expect(refused).toMatchObject({ status: 403, body: { code: 'Forbidden' } });
  });
});

describe('listing hires', () => {
  /** Five candidates: three hired 3, 2 and 1 days ago, one archived as Underqualified, one active. */
  async function fiveCandidates() {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await env.newOpportunity({ email: `c${i}@example.net` })).data.id);
    }
    for (const [i, id] of ids.slice(0, 3).entries()) {
      const hired = await env.call('POST', `/_emulator/opportunities/${id}/hire`, undefined, {
        hiredAt: NOW - (3 - i) * DAY,
      });
      expect(hired.status).toBe(200);
    }
    // Lever's non-hired archive has no control call; set it in the state as a recruiter would.
    env.emulator.state.opportunities.get(ids[3]!)!.archived = {
      archivedAt: NOW - 2 * DAY,
      reason: UNDERQUALIFIED,
    };
    return ids;
  }
  const list = async (query: string) => {
    const response = await env.call('GET', `/v1/opportunities?${query}`, token);
    expect(response.status).toBe(200);
    return response.body as { data: { id: string }[]; hasNext: boolean; next?: string };
  };

  test('archive_reason_id and archived_at_start/_end (inclusive) pick the hires', async () => {
    const ids = await fiveCandidates();
    const hired = await list(`archive_reason_id=${HIRED_ARCHIVE_REASON_ID}`);
    expect(hired.data.map((o) => o.id)).toEqual(ids.slice(0, 3));
    const since = await list(
      `archive_reason_id=${HIRED_ARCHIVE_REASON_ID}&archived_at_start=${NOW - 2 * DAY}`,
    );
    expect(since.data.map((o) => o.id)).toEqual([ids[1], ids[2]]);
    const window = await list(
      `archived_at_start=${NOW - 2 * DAY}&archived_at_end=${NOW - 2 * DAY}`,
    );
    expect(window.data.map((o) => o.id)).toEqual([ids[1], ids[3]]);
    const either = await list(
      `archive_reason_id=${HIRED_ARCHIVE_REASON_ID}&archive_reason_id=${UNDERQUALIFIED}`,
    );
    expect(either.data).toHaveLength(4);
    const active = await list('archived=false');
    expect(active.data.map((o) => o.id)).toEqual([ids[4]]);
    const bad = await env.call('GET', '/v1/opportunities?archived_at_start=yesterday', token);
    expect(bad).toMatchObject({ status: 400, body: { code: 'BadRequest' } });
  });

  test('pages with limit, the offset token and hasNext/next', async () => {
    const ids = await fiveCandidates();
    const query = `archive_reason_id=${HIRED_ARCHIVE_REASON_ID}&limit=2`;
    const first = await list(query);
    expect(first.data.map((o) => o.id)).toEqual(ids.slice(0, 2));
    expect(first.hasNext).toBe(true);
    const second = await list(`${query}&offset=${encodeURIComponent(first.next!)}`);
    expect(second.data.map((o) => o.id)).toEqual([ids[2]]);
    expect(second.hasNext).toBe(false);
    expect(second).not.toHaveProperty('next');
  });
});
