import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ApiClient } from '../support/http.ts';
import { signedDelivery, startLeverTestbed, type LeverTestbed } from '../support/lever.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Issue 22, the findings about webhooks (2 deliveries naming the opportunity differently or not at
 * all, 4 regenerating when Lever refuses duplicate URLs), over real HTTP against the emulator
 * with their switches, both ways.
 */
let bed: LeverTestbed;
let admin: ApiClient;
let organizationId: string;
let tile: Awaited<ReturnType<LeverTestbed['tile']>>;

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename);
});
afterAll(() => bed.close());
beforeEach(async () => {
  ({ admin, organizationId } = await bed.startOver({ connect: true }));
  tile = await bed.tile(admin);
});

/** Our webhook of `event` as the emulator holds it (with its token and its own URL). */
const ours = async (event: string) =>
  (await bed.control('GET', '/webhooks')).body.data.find(
    (w: { event: string; createdVia: string }) => w.event === event && w.createdVia === 'api',
  );
const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const inbox = () =>
  bed.t.db
    .collection('leverinboxitems')
    .find({ organizationId: new Types.ObjectId(organizationId) })
    .toArray();

describe('finding 2: what a delivery names', () => {
  test.each(['candidateIdOnly', 'opportunityId'] as const)(
    'applicationCreatedData %s → the applicant is registered from the opportunity it names',
    async (applicationCreatedData) => {
      await bed.control('PATCH', '/switches', { applicationCreatedData });
      const opportunityId = await bed.apply({ name: 'Cid Older', email: 'cid@example.net' });
      const applicant = await waitFor('the applicant', () =>
        bed.t.db.collection('applicants').findOne({ 'lever.opportunityId': opportunityId }),
      );
      expect(applicant.email).toBe('cid@example.net');
      // Its inbox row names the opportunity, and is settled once the job has registered it.
      await waitFor('the row to be processed', async () =>
        (await inbox()).some((r) => r.opportunityId === opportunityId && r.status === 'processed'),
      );
    },
  );

  test('a delivery naming no opportunity is not a silent 200: a failed row, counted on the tile', async () => {
    const application = await ours('applicationCreated');
    const delivery = signedDelivery(application.signatureToken, {
      data: { applicationId: 'app-only' },
    });
    const response = await post(application.url, delivery);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'unusable' });
    const hire = await ours('candidateHired');
    const hired = await post(
      hire.url,
      signedDelivery(hire.signatureToken, { event: 'candidateHired', data: { contactId: 'c-1' } }),
    );
    expect(await hired.json()).toEqual({ outcome: 'unusable' });

    const rows = await inbox();
    expect(rows.map((r) => [r.event, r.status, r.opportunityId])).toEqual(
      expect.arrayContaining([
        ['applicationCreated', 'failed', null],
        ['candidateHired', 'failed', null],
      ]),
    );
    const shown = await bed.tile(admin);
    const why =
      "Lever's delivery named no opportunity (neither data.opportunityId nor data.candidateId)";
    expect(shown.unreadApplications).toEqual({ count: 1, lastReason: why });
    expect(shown.webhooks.map((w) => w.unusable)).toEqual([
      { count: 1, lastReason: why },
      { count: 1, lastReason: why },
    ]);
    // Lever's retry of the same delivery is the same row, not a second one.
    expect(await (await post(application.url, delivery)).json()).toEqual({ outcome: 'duplicate' });
    expect((await bed.tile(admin)).unreadApplications.count).toBe(1);
  });
});

describe('finding 4: regenerate while Lever refuses a second webhook with the same URL', () => {
  test.each(['reject', 'allow'] as const)(
    'duplicateWebhookUrls %s → the new webhook (its own URL) replaces the old one; no moment without one',
    async (duplicateWebhookUrls) => {
      await bed.control('PATCH', '/switches', { duplicateWebhookUrls });
      const old = await ours('applicationCreated');
      // What Lever does with a same-URL duplicate under this switch.
      const duplicate = await bed.control('POST', '/webhooks', {
        url: old.url,
        event: 'applicationCreated',
      });
      expect(duplicate.status).toBe(duplicateWebhookUrls === 'reject' ? 409 : 201);
      if (duplicate.status === 201)
        await bed.control('DELETE', `/webhooks/${duplicate.body.data.id}`);

      await bed.control('DELETE', '/counters');
      const response = await admin.post(`/api/integrations/${tile.id}/webhook/regenerate`);
      expect(response.statusCode).toBe(200);
      const renewed = await ours('applicationCreated');
      expect(renewed.id).not.toBe(old.id);
      expect(renewed.url).not.toBe(old.url);
      // Created before the old one was deleted: Lever always had one to deliver to.
      const calls = (await bed.control('GET', '/requests?pathPrefix=/webhooks')).body.data;
      expect(calls.map((c: { method: string; status: number }) => [c.method, c.status])).toEqual([
        ['POST', 201],
        ['DELETE', 204],
      ]);
      expect(
        (await post(renewed.url, signedDelivery(renewed.signatureToken, { data: {} }))).status,
      ).toBe(200);
      expect((await post(old.url, signedDelivery(old.signatureToken, { data: {} }))).status).toBe(
        404,
      );
    },
  );
});
