import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { verifyDelivery } from '../src/index.ts';
import { HIRED_ARCHIVE_REASON_ID } from '../src/state/seed.ts';
import { startEmulator } from './helpers/emulator.ts';
import { startReceiver } from './helpers/receiver.ts';
import { waitFor } from './helpers/wait.ts';

// A fixed emulator clock: every date below is independent of the day the test runs.
const NOW = Date.UTC(2025, 5, 2, 15, 0, 0);
const DAY = 86_400_000;
const SENT = NOW - 5 * DAY;
const START = Date.UTC(2025, 5, 16);
const HIRED = NOW - DAY;

let env: Awaited<ReturnType<typeof startEmulator>>;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
let token: string;

beforeAll(async () => {
  env = await startEmulator({ clockStart: NOW });
});
beforeEach(async () => {
  env.emulator.reset();
  token = await env.token(
    'webhooks:write:admin opportunities:read:admin offers:read:admin archive_reasons:read:admin',
  );
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});
afterAll(() => env.close());

/** The control call; without `body` it is a bare POST (no body at all), hiring with the defaults. */
const hire = (id: string, body?: Record<string, unknown>) =>
  env.call('POST', `/_emulator/opportunities/${id}/hire`, undefined, body);

async function listenForHires(respond?: (index: number) => number) {
  receiver = await startReceiver(respond);
  const created = await env.call('POST', '/v1/webhooks', token, {
    url: receiver.url,
    event: 'candidateHired',
  });
  return created.body.data.configuration.signatureToken as string;
}
const enableHired = () =>
  env.call('PUT', '/_emulator/event-groups/candidateHired', undefined, { enabled: true });

describe('the hire control call', () => {
  test('archives as hired with an offer and delivers a signed candidateHired', async () => {
    const signatureToken = await listenForHires();
    await enableHired();
    const opp = await env.newOpportunity();
    const hired = await hire(opp.data.id, {
      offerSentAt: SENT,
      anticipatedStartDate: START,
      hiredAt: HIRED,
    });
    expect(hired.status).toBe(200);
    expect(hired.body).toMatchObject({
      data: { id: opp.data.id, stage: { id: 'offer' } },
      offer: { status: 'signed', sentAt: SENT },
      candidateHiredDeliveries: 1,
    });

    const read = await env.call(
      'GET',
      `/v1/opportunities/${opp.data.id}?expand=applications`,
      token,
    );
    expect(read.body.data.archived).toEqual({ archivedAt: HIRED, reason: HIRED_ARCHIVE_REASON_ID });
    expect(read.body.data.stage).toBe('offer');
    expect(read.body.data.applications[0].archived).toEqual(read.body.data.archived);
    const reasons = await env.call('GET', '/v1/archive_reasons?type=hired', token);
    expect(reasons.body.data.map((r: { id: string }) => r.id)).toEqual([
      read.body.data.archived.reason,
    ]);

    const [delivery] = await receiver!.waitForCount(1);
    expect(delivery!.body.event).toBe('candidateHired');
    expect(Object.keys(delivery!.body)).toEqual([
      'triggeredAt',
      'event',
      'data',
      'signature',
      'token',
    ]);
    expect(delivery!.body.data).toEqual({
      opportunityId: opp.data.id,
      candidateId: opp.data.id,
      contactId: opp.contactId,
    });
    expect(delivery!.body.triggeredAt).toBeGreaterThanOrEqual(NOW);
    expect(verifyDelivery(signatureToken, delivery!.body)).toBe(true);
  });

  test('the offer reads back in Lever’s shape, and only with offers:read:admin', async () => {
    const opp = await env.newOpportunity();
    await hire(opp.data.id, {
      offerSentAt: SENT,
      anticipatedStartDate: START,
      hiredAt: HIRED,
      salaryAmount: 18.5,
      salaryInterval: 'per-hour-wage',
    });
    const offers = await env.call('GET', `/v1/opportunities/${opp.data.id}/offers`, token);
    expect(offers.status).toBe(200);
    expect(offers.body.hasNext).toBe(false);
    const [offer] = offers.body.data;
    expect(offer).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: SENT,
      status: 'signed',
      creator: expect.any(String),
      approvedAt: SENT,
      sentAt: SENT,
      signatures: {
        candidate: {
          role: 'candidate',
          signed: true,
          signedAt: HIRED,
          email: 'dana.rivera@example.net',
        },
      },
      sentDocument: { fileName: 'offer-letter.pdf', uploadedAt: SENT },
      signedDocument: { uploadedAt: HIRED },
    });
    const fields = Object.fromEntries(
      offer.fields.map((f: { identifier: string; value: unknown }) => [f.identifier, f.value]),
    );
    expect(fields).toMatchObject({
      job_posting: 'c4d5e6f7-0a1b-4c2d-9e3f-405162738495',
      job_title: 'Warehouse Associate',
      candidate_name: 'Dana Rivera',
      salary_amount: 18.5,
      compensation_currency: 'USD',
      salary_interval: 'per-hour-wage',
      anticipated_start_date: START,
    });
    expect(offer.fields[0]).toEqual({
      text: 'Job posting',
      identifier: 'job_posting',
      value: expect.any(String),
    });

    const expanded = await env.call(
      'GET',
      `/v1/opportunities/${opp.data.id}/offers?expand=creator`,
      token,
    );
    expect(expanded.body.data[0].creator).toMatchObject({
      id: offer.creator,
      accessRole: expect.any(String),
    });

    const noOffers = await env.token('opportunities:read:admin');
    const refused = await env.call('GET', `/v1/opportunities/${opp.data.id}/offers`, noOffers);
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'Forbidden', message: expect.stringContaining('offers:read:admin') },
    });
    const unknown = await env.call(
      'GET',
      '/v1/opportunities/00000000-0000-4000-8000-000000000000/offers',
      token,
    );
    expect(unknown).toMatchObject({ status: 404, body: { code: 'ResourceNotFound' } });
  });

  test('an offer handed over outside Lever has no sent date; no dates at all means no offer', async () => {
    const manual = await env.newOpportunity({ email: 'manual@example.net' });
    await hire(manual.data.id, { anticipatedStartDate: START });
    const [offer] = (await env.call('GET', `/v1/opportunities/${manual.data.id}/offers`, token))
      .body.data;
    expect(offer).toMatchObject({
      status: 'sent-manually',
      sentAt: null,
      sentDocument: null,
      signedDocument: null,
    });
    expect(offer.signatures.candidate).toMatchObject({ signed: false, signedAt: null });

    const bare = await env.newOpportunity({ email: 'bare@example.net' });
    const hired = await hire(bare.data.id);
    expect(hired.body.offer).toBeNull();
    expect(
      (await env.call('GET', `/v1/opportunities/${bare.data.id}/offers`, token)).body.data,
    ).toEqual([]);
    const read = await env.call('GET', `/v1/opportunities/${bare.data.id}`, token);
    expect(read.body.data.archived.archivedAt).toBeGreaterThanOrEqual(NOW);
  });

  test('with Candidate hired off (the default) nothing is delivered; switched on, the next hire is', async () => {
    await listenForHires();
    const quiet = await env.newOpportunity({ email: 'quiet@example.net' });
    expect((await hire(quiet.data.id)).body.candidateHiredDeliveries).toBe(0);
    expect((await env.call('GET', '/_emulator/deliveries?event=candidateHired')).body.data).toEqual(
      [],
    );
    await enableHired();
    const heard = await env.newOpportunity({ email: 'heard@example.net' });
    await hire(heard.data.id);
    const [delivery] = await receiver!.waitForCount(1);
    expect(delivery!.body.data.opportunityId).toBe(heard.data.id);
    const log = (await env.call('GET', '/_emulator/deliveries?event=candidateHired')).body.data;
    expect(log.map((d: { data: { opportunityId: string } }) => d.data.opportunityId)).toEqual([
      heard.data.id,
    ]);
  });

  test('a failed candidateHired delivery is retried with the same token, like the others', async () => {
    const signatureToken = await listenForHires((i) => (i < 2 ? 503 : 200));
    await enableHired();
    const opp = await env.newOpportunity();
    await hire(opp.data.id);
    const received = await receiver!.waitForCount(3);
    expect(new Set(received.map((r) => r.body.token)).size).toBe(1);
    expect(received.every((r) => verifyDelivery(signatureToken, r.body))).toBe(true);
    await waitFor(
      () => env.call('GET', '/_emulator/deliveries?event=candidateHired'),
      (r) => r.body.data[0]?.outcome === 'succeeded',
      { what: 'the retried delivery to succeed' },
    );
  });

  test.each([
    [{ offerSentAt: HIRED + 1, hiredAt: HIRED }, 400, 'offerSentAt is after hiredAt'],
    [{ hiredAt: NOW + DAY }, 400, 'hiredAt is in the future'],
    [{ offerSentDate: SENT }, 400, 'Unknown fields: offerSentDate'],
    [{ offerSentAt: '2025-05-28' }, 400, 'offerSentAt'],
    [{ anticipatedStartDate: -1 }, 400, 'anticipatedStartDate'],
  ])('%j → %i, nothing archived, no offer', async (body, status, message) => {
    const opp = await env.newOpportunity();
    const refused = await hire(opp.data.id, body);
    expect(refused.status).toBe(status);
    expect(refused.body.message).toContain(message);
    const read = await env.call('GET', `/v1/opportunities/${opp.data.id}/offers`, token);
    expect(read.body.data).toEqual([]);
    expect(
      (await env.call('GET', `/v1/opportunities/${opp.data.id}`, token)).body.data.archived,
    ).toBeNull();
  });

  test('an unknown or deleted opportunity is 404, a second hire 409; every call is in the request log', async () => {
    const opp = await env.newOpportunity();
    expect((await hire('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await hire(opp.data.id, { hiredAt: HIRED })).status).toBe(200);
    const again = await hire(opp.data.id);
    expect(again).toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('already archived') },
    });
    const gone = await env.newOpportunity({ email: 'gone@example.net' });
    await env.call('DELETE', `/_emulator/opportunities/${gone.data.id}`);
    expect((await hire(gone.data.id)).status).toBe(404);

    const log = (await env.call('GET', '/_emulator/requests?method=POST&pathPrefix=/_emulator/'))
      .body.data;
    expect(
      log.map((r: { path: string; status: number }) => [r.path.split('/')[3], r.status]),
    ).toEqual([
      ['00000000-0000-4000-8000-000000000000', 404],
      [opp.data.id, 200],
      [opp.data.id, 409],
      [gone.data.id, 404],
    ]);
    expect(log[1]).toMatchObject({
      method: 'POST',
      path: `/_emulator/opportunities/${opp.data.id}/hire`,
      tokenId: 'control',
      body: { hiredAt: HIRED },
      at: expect.any(Number),
    });
    // The /v1 filter most tests use does not see control calls.
    await env.call('GET', `/v1/opportunities/${opp.data.id}`, token);
    const apiOnly = (await env.call('GET', '/_emulator/requests?pathPrefix=/opportunities/')).body
      .data;
    expect(apiOnly.map((r: { method: string; path: string }) => `${r.method} ${r.path}`)).toEqual([
      `GET /opportunities/${opp.data.id}`,
    ]);
  });
});
