import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEXT_MESSAGES } from '@eligo/shared/text';
import { createApplicantWithSurveyLink } from '../support/factories.ts';
import { apiClient } from '../support/http.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { allNoAnswers, signature, surveyPath } from '../support/survey.ts';

/**
 * Text that is text (issue 26 item 4): NUL, other control characters and lone surrogates are
 * refused in free-text fields with a message people can act on, and nothing is stored or mailed.
 */
let t: OrgTestApp;
beforeAll(async () => {
  t = await orgTestApp(import.meta.filename);
});
afterAll(() => t?.close());

/** Where and what: the field and the sentence a person reads (the rule's name aside). */
const detailsOf = (res: { json(): unknown }) =>
  (res.json() as { details: Array<{ path: string; message: string }> }).details.map(
    ({ path, message }) => ({ path, message }),
  );

describe('free text refuses control characters and lone surrogates', () => {
  test('a NUL in the profile name: 400 naming the field, and the name is unchanged', async () => {
    const before = (await t.admin.get('/api/auth/me')).json().user.name;
    const res = await t.admin.patch('/api/account/profile', { name: 'Paula\u0000Probe' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(detailsOf(res)).toEqual([
      { path: '/body/name', message: TEXT_MESSAGES.control_character },
    ]);
    expect((await t.admin.get('/api/auth/me')).json().user.name).toBe(before);
  });

  test('a lone surrogate or a line break in an invitation: 400, no user, no mail', async () => {
    for (const [name, message] of [
      ['Ada\ud83d', TEXT_MESSAGES.broken_character],
      ['Ada\nBcc: victim@example.com', TEXT_MESSAGES.line_break],
    ] as const) {
      const email = `text-${Math.random().toString(36).slice(2)}@example.com`;
      const res = await t.admin.post('/api/users', { name, email, role: 'member' });
      expect(res.statusCode).toBe(400);
      expect(detailsOf(res)).toEqual([{ path: '/body/name', message }]);
      expect(await t.db.collection('users').countDocuments({ emailNormalized: email })).toBe(0);
    }
    expect(t.smtp.received).toHaveLength(0);
  });

  test('an email address with a control character is refused', async () => {
    const res = await t.admin.post('/api/users', {
      name: 'Ada',
      email: 'ada\u0000@example.com',
      role: 'member',
    });
    expect(res.statusCode).toBe(400);
    expect(detailsOf(res).map((d) => d.path)).toEqual(['/body/email']);
  });

  test('several lines where a field allows them (an override reason), never a NUL', async () => {
    const res = await t.admin.post('/api/applicants/0123456789abcdef01234567/wotc-status', {
      status: 'not_qualified',
      reason: 'First line\nsecond\u0000line',
    });
    expect(res.statusCode).toBe(400);
    expect(detailsOf(res)).toEqual([
      { path: '/body/reason', message: TEXT_MESSAGES.control_character },
    ]);
    const multiline = await t.admin.post('/api/applicants/0123456789abcdef01234567/wotc-status', {
      status: 'not_qualified',
      reason: 'First line\nsecond line',
    });
    expect(multiline.statusCode).toBe(404); // valid text; no such applicant
  });

  test("an applicant's survey answer with an escape sequence is refused, and nothing is saved", async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, t.org.organizationId);
    const applicant = apiClient(t.app);
    const answers = allNoAnswers({ city: 'Springfield\u001b[2J' });
    const saved = await applicant.put(surveyPath(token, 'answers'), { step: 2, answers });
    expect(saved.statusCode).toBe(400);
    expect(detailsOf(saved)).toEqual([
      { path: '/body/answers/city', message: TEXT_MESSAGES.control_character },
    ]);
    const submitted = await applicant.post(surveyPath(token, 'submit'), { answers, signature });
    expect(submitted.statusCode).toBe(400);
    expect((await applicant.get(surveyPath(token))).json().draft).toBeNull();
  });

  test('an emoji is text', async () => {
    const res = await t.admin.patch('/api/account/profile', { name: 'Paula 😀 Probe' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.name).toBe('Paula 😀 Probe');
  });
});
