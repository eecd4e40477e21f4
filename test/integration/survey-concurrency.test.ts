import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fieldCrypto } from '@eligo/server/plugins/crypto';
import { keyring } from '@eligo/server/lib/crypto/keyring';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import { createApplicantWithSurveyLink, createOrganization } from '../support/factories.ts';
import { allNoAnswers, signature, surveyPath } from '../support/survey.ts';

let t: TestApp;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApp(import.meta.filename, {
    env: { SURVEY_RATE_LIMIT_PER_MINUTE: '10000', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
  });
  ({ organizationId } = await createOrganization(t.app));
});
afterAll(() => t?.close());

describe('one submission per applicant, even under concurrency', () => {
  test('20 concurrent submits of one link: exactly one is accepted and stored', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, organizationId);
    // Each "browser" from its own address, as a retried or double-tapped submit would be.
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        apiClient(t.app, { ip: `10.0.0.${i + 1}` }).post(surveyPath(token, 'submit'), {
          answers: allNoAnswers(),
          signature,
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(19);
    for (const res of responses.filter((r) => r.statusCode === 404)) {
      expect(res.json().code).toBe('SURVEY_LINK_INVALID');
    }

    const _id = new Types.ObjectId(applicantId);
    expect(await t.db.collection('survey_submissions').countDocuments({ _id })).toBe(1);
    const applicant = await t.db.collection('applicants').findOne({ _id });
    expect(applicant?.survey.status).toBe('submitted');
    expect(applicant?.eligibility.status).toBe('not_qualified');
  });

  test('submits and declines racing each other: exactly one wins', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, organizationId);
    const client = apiClient(t.app);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? client.post(surveyPath(token, 'submit'), { answers: allNoAnswers(), signature })
          : client.post(surveyPath(token, 'decline')),
      ),
    );
    const wins = responses.filter((r) => r.statusCode < 300);
    expect(wins).toHaveLength(1);
    const rows = await t.db
      .collection('survey_submissions')
      .find({ _id: new Types.ObjectId(applicantId) })
      .toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.outcome).toBe(wins[0]!.json().outcome);
  });
});

describe('per-organization data keys', () => {
  test('concurrent first uses from several app instances create one key that all of them use', async () => {
    const kek = t.config.encryptionKey;
    const instances = Array.from({ length: 5 }, () => fieldCrypto(t.app.mongo, keyring(kek)));
    const orgId = new Types.ObjectId();
    const place = { collection: 'applicants', field: 'draft', documentId: new Types.ObjectId() };
    const ciphertexts = await Promise.all(
      instances.flatMap((crypto, i) =>
        [0, 1].map((j) => crypto.encrypt(orgId, place, `value ${i}-${j}`)),
      ),
    );
    const keys = await t.db.collection('data_keys').find({ organizationId: orgId }).toArray();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ version: 1, wrappedKey: expect.stringMatching(/^v1:1:/) });
    // Whoever lost the race re-read the winner's key: every instance decrypts every value.
    const reader = fieldCrypto(t.app.mongo, keyring(kek));
    for (const [n, ciphertext] of ciphertexts.entries()) {
      const [i, j] = [Math.floor(n / 2), n % 2];
      expect(await reader.decrypt(orgId, place, ciphertext)).toBe(`value ${i}-${j}`);
    }
  });

  test('another KEK cannot unwrap the stored data key', async () => {
    const orgId = new Types.ObjectId();
    const place = { collection: 'x', field: 'y', documentId: 'z' };
    const ciphertext = await fieldCrypto(t.app.mongo, keyring(t.config.encryptionKey)).encrypt(
      orgId,
      place,
      'secret',
    );
    await expect(
      fieldCrypto(t.app.mongo, keyring(randomBytes(32))).decrypt(orgId, place, ciphertext),
    ).rejects.toThrow(/cannot be decrypted/);
  });

  test('organizations get different data keys', async () => {
    const crypto = fieldCrypto(t.app.mongo, keyring(t.config.encryptionKey));
    const [a, b] = [new Types.ObjectId(), new Types.ObjectId()];
    const place = { collection: 'x', field: 'y', documentId: 'z' };
    await crypto.encrypt(a, place, 'x');
    await crypto.encrypt(b, place, 'x');
    const rows = await t.db
      .collection('data_keys')
      .find({ organizationId: { $in: [a, b] } })
      .toArray();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.wrappedKey).not.toBe(rows[1]!.wrappedKey);
  });
});
