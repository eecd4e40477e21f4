import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createEmulator } from '../src/index.ts';
import { HIRED_ARCHIVE_REASON_ID } from '../src/state/seed.ts';
import { uiClient } from './helpers/ui.ts';

// A fixed emulator clock, so the dates typed below are in the past whatever day the test runs.
const NOW = Date.UTC(2025, 5, 2, 15, 0, 0);
const emulator = createEmulator({ clockStart: NOW });
const app = emulator.app;

const { loginAs, form: post, get } = uiClient(app);
const control = (method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) =>
  app.inject({ method, url: `/_emulator${url}`, payload });

let terry: string;
let opportunityId: string;
beforeAll(() => app.ready());
beforeEach(async () => {
  emulator.reset();
  terry = await loginAs('terry.team@acme.example');
  const created = await control('POST', '/opportunities', {
    name: 'Dana Rivera',
    email: 'dana.rivera@example.net',
    postingId: 'c4d5e6f7-0a1b-4c2d-9e3f-405162738495',
  });
  opportunityId = created.json().data.id;
});
afterAll(() => emulator.close());

describe('the Hire action', () => {
  test('the list offers Hire for an active candidate; the form has labelled date fields', async () => {
    const list = (await get(terry, '/candidates')).body;
    expect(list).toContain(
      `href="/candidates/${opportunityId}/hire" aria-label="Hire Dana Rivera"`,
    );
    const form = (await get(terry, `/candidates/${opportunityId}/hire`)).body;
    expect(form).toContain('<h1>Hire Dana Rivera</h1>');
    expect(form).toMatch(/<label for="offerSentOn">Offer sent on \(optional\)<\/label>/);
    expect(form).toMatch(/<input\s+id="offerSentOn"\s+name="offerSentOn"\s+type="date"/);
    expect(form).toMatch(/<label for="anticipatedStartOn">Anticipated start date \(optional\)/);
    expect(form).toContain('aria-describedby="anticipatedStartOn-hint"');
    expect(form).toContain('<button type="submit">Archive as hired</button>');
  });

  test('hiring records the offer’s dates, archives as hired, and says the event group is off', async () => {
    const hired = await post(terry, `/candidates/${opportunityId}/hire`, {
      offerSentOn: '2025-05-28',
      anticipatedStartOn: '2025-06-16',
    });
    expect(hired.statusCode).toBe(303);
    expect(hired.headers.location).toBe(`/candidates?hired=${opportunityId}`);
    const opportunity = emulator.state.opportunities.get(opportunityId)!;
    expect(opportunity.archived).toEqual({
      archivedAt: expect.any(Number),
      reason: HIRED_ARCHIVE_REASON_ID,
    });
    expect(opportunity.archived!.archivedAt).toBeGreaterThanOrEqual(NOW);
    const [offer] = [...emulator.state.offers.values()];
    expect(offer).toMatchObject({
      opportunityId,
      sentAt: Date.UTC(2025, 4, 28, 12), // noon UTC of the day entered
      anticipatedStartDate: Date.UTC(2025, 5, 16),
      creatorId: '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
    });
    const list = (await get(terry, hired.headers.location as string)).body;
    expect(list).toMatch(/Dana Rivera was hired \(offer recorded\)\./);
    expect(list).toContain(
      'No webhook was called: the Candidate hired event group is switched off',
    );
    expect(list).toContain('Archived: Hired on 2025-06-02');
    expect(list).not.toContain(`/candidates/${opportunityId}/hire`);
  });

  test('with the group on and a webhook, the notice says Candidate hired was sent', async () => {
    await control('PUT', '/event-groups/candidateHired', { enabled: true });
    await control('POST', '/webhooks', { url: 'http://127.0.0.1:9/hook', event: 'candidateHired' });
    const hired = await post(terry, `/candidates/${opportunityId}/hire`, {});
    const list = (await get(terry, hired.headers.location as string)).body;
    expect(list).toMatch(
      /Dana Rivera was hired, without an offer\.\s+Candidate hired was sent to 1 webhook\b/,
    );
    expect(emulator.state.offers.size).toBe(0);
  });

  test.each([
    [{ offerSentOn: '2025-02-30' }, 'Offer sent on: enter a real date as YYYY-MM-DD'],
    [{ anticipatedStartOn: '16/06/2025' }, 'Anticipated start date: enter a real date'],
    [{ offerSentOn: '2025-06-03' }, 'the offer cannot be sent after the hire'],
  ])(
    '%o → 400, the form again with the error and what was typed, nothing hired',
    async (fields, error) => {
      const response = await post(terry, `/candidates/${opportunityId}/hire`, fields);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('role="alert"');
      expect(response.body).toContain(error);
      expect(response.body).toContain('aria-invalid="true"');
      for (const value of Object.values(fields))
        expect(response.body).toContain(`value="${value}"`);
      expect(emulator.state.opportunities.get(opportunityId)!.archived).toBeNull();
      expect(emulator.state.offers.size).toBe(0);
    },
  );

  test('a second hire is 409, an unknown candidate 404, and without a login the login page', async () => {
    expect((await post(terry, `/candidates/${opportunityId}/hire`, {})).statusCode).toBe(303);
    const again = await post(terry, `/candidates/${opportunityId}/hire`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This candidate is already archived.');
    expect((await get(terry, '/candidates/nope/hire')).statusCode).toBe(404);
    expect((await post(terry, '/candidates/nope/hire', {})).statusCode).toBe(404);
    const anonymous = await app.inject({ method: 'GET', url: `/candidates/${opportunityId}/hire` });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
  });
});
