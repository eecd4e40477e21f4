import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  APPLICANT_CONSENT,
  FALLBACK_TIME_ZONE,
  applicantConsentText,
  todayIn,
} from '@eligo/shared/filing';
import { addDays } from '@eligo/shared/wotc';
import { pdfTextLines } from '@eligo/server/modules/filing/forms/pdf-text';
import { surveySubmissionModel } from '@eligo/server/modules/applicants/index';
import { createOrganization, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { usDate } from '../support/dates.ts';
import { allNoAnswers, canary, surveyPath } from '../support/survey.ts';
import {
  filingTestApp,
  type FilingTestApp,
  employerSignature,
  employerToday,
  hiredToday,
  putHire,
  readyHire,
  saveEmployerProfile,
  screenedApplicant,
} from '../support/filing.ts';

/**
 * Issue 20 items 1–3 over HTTP: the applicant's signature kept as evidence at submit, the
 * employer's signature, and Forms 8850 / ETA 9061 as PDFs read back with pdf.js — their 409s,
 * their audit records, no-store, admins only.
 */
let t: FilingTestApp;
let admin: ApiClient;
let member: ApiClient;

beforeAll(async () => {
  t = await filingTestApp(import.meta.filename, 'Lone Star Freight');
  admin = t.admin;
  member = t.member;
});
afterAll(() => t?.close());

const orgId = () => t.org.organizationId;
const formUrl = (id: string, form: '8850' | '9061') => `/api/applicants/${id}/forms/${form}.pdf`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const auditOf = (action: string, applicantId: string) =>
  t.db
    .collection('audit_records')
    .find({ organizationId: new Types.ObjectId(orgId()), action, 'target.id': applicantId })
    .sort({ at: 1 })
    .toArray();

describe("the applicant's signature", () => {
  test('is stored at submit with the consent wording, the answers hash, time, IP and user agent', async () => {
    const id = await screenedApplicant(t.app, orgId());
    const stored = await t.db
      .collection('survey_submissions')
      .findOne({ _id: new Types.ObjectId(id) });
    expect(stored?.signature).toMatchObject({
      fullName: 'Ada Lovelace',
      agreed: true,
      consentVersion: APPLICANT_CONSENT.version,
      consentSha256: sha256(applicantConsentText('en', 'Lone Star Freight')),
      answersSha256: expect.stringMatching(/^[a-f0-9]{64}$/),
      ip: '127.0.0.1',
    });
    expect(stored?.signature.signedAt).toBeInstanceOf(Date);
  });

  test('the answers it covers can never change: not by a second submit, not through the model', async () => {
    const id = await screenedApplicant(t.app, orgId());
    // No new survey link for an answered survey: a correction is a new survey.
    const { issueSurveyLink } = await import('@eligo/server/modules/survey/survey-link.service');
    await expect(
      issueSurveyLink(t.app, new Types.ObjectId(orgId()), new Types.ObjectId(id)),
    ).rejects.toThrow(/already answered/);
    const Submissions = surveySubmissionModel(t.app.mongo);
    const filter = { _id: new Types.ObjectId(id), organizationId: new Types.ObjectId(orgId()) };
    const before = await t.db.collection('survey_submissions').findOne(filter);
    await expect(Submissions.updateOne(filter, { $set: { language: 'es' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(Submissions.deleteOne(filter)).rejects.toThrow(/append-only/);
    const loaded = await Submissions.findOne(filter);
    loaded!.language = 'es';
    await expect(loaded!.save()).rejects.toThrow(/append-only/);
    expect(await t.db.collection('survey_submissions').findOne(filter)).toEqual(before);
  });

  test('a page that showed another consent wording is refused', async () => {
    const { issueSurveyLink } = await import('@eligo/server/modules/survey/survey-link.service');
    const { registerTestApplicant } = await import('../support/factories.ts');
    const { applicant } = await registerTestApplicant(t.app, orgId());
    const { token } = await issueSurveyLink(t.app, new Types.ObjectId(orgId()), applicant._id);
    const res = await t.app.inject({
      method: 'POST',
      url: surveyPath(token, 'submit'),
      headers: { host: 'localhost', 'x-requested-with': 'eligo' },
      payload: {
        answers: allNoAnswers(),
        signature: { fullName: 'Ada Lovelace', agreed: true, consentVersion: 'old-wording' },
      },
    });
    expect(res.statusCode).toBe(409);
    expect(await t.db.collection('survey_submissions').countDocuments({ _id: applicant._id })).toBe(
      0,
    );
  });
});

describe('Forms 8850 and 9061', () => {
  test('each 409 says what is missing, in the order it must be done', async () => {
    // An organization of its own: its employer profile is not saved yet.
    const other = await createOrganization(t.app, { name: 'Profile Pending Co' });
    const admin = await signedIn(t.app, other.admin);
    const late = await screenedApplicant(t.app, other.organizationId);
    const id = await screenedApplicant(t.app, other.organizationId);
    const code = async (applicantId: string, form: '8850' | '9061' = '8850') =>
      (await admin.get(formUrl(applicantId, form))).json().code;

    // Without a profile the organization counts days in the fallback zone (New York), which is a
    // day ahead of Chicago between midnight and 1 a.m. Eastern: offered on the later of the two
    // days, the survey (signed just now) comes before the offer in either zone.
    const offered = [todayIn(FALLBACK_TIME_ZONE, new Date()), employerToday()].sort().at(-1)!;
    await putHire(
      admin,
      id,
      hiredToday({ offeredOn: offered, hiredOn: offered, startedOn: offered }),
    );
    expect(await code(id)).toBe('EMPLOYER_PROFILE_INCOMPLETE');
    await saveEmployerProfile(admin);
    expect(await code(id)).toBe('EMPLOYER_SIGNATURE_MISSING');
    await putHire(
      admin,
      id,
      hiredToday({ offeredOn: null, hiredOn: null, startedOn: null }),
      'Entered the wrong person',
    );
    expect(await code(id)).toBe('HIRE_DATES_MISSING');
    expect(await code(id, '9061')).toBe('HIRE_DATES_MISSING');

    // Offered the day before the survey was signed: the information came too late.
    const yesterday = addDays(employerToday(), -1);
    await putHire(admin, late, hiredToday({ offeredOn: yesterday, hiredOn: yesterday }));
    expect(await code(late)).toBe('SCREENED_AFTER_OFFER');
    const sign = await admin.post('/api/filing/sign', {
      ...employerSignature,
      applicantIds: [late],
    });
    expect(sign.statusCode).toBe(409);
    expect(sign.json().code).toBe('SCREENED_AFTER_OFFER');
    const audits = t.db.collection('audit_records');
    expect(
      await audits.countDocuments({
        organizationId: new Types.ObjectId(other.organizationId),
        action: 'form_downloaded',
      }),
    ).toBe(0);
  });

  test('hold the name, SSN, four dates, EIN and the boxes the answers check; audited, no-store', async () => {
    const id = await readyHire(t.app, orgId(), admin);
    const day = usDate(employerToday());

    const f8850 = await admin.get(formUrl(id, '8850'));
    expect(f8850.statusCode).toBe(200);
    expect(f8850.headers['content-type']).toBe('application/pdf');
    expect(f8850.headers['cache-control']).toBe('no-store');
    expect(f8850.headers['content-disposition']).toBe(
      `attachment; filename="8850-Lovelace-${id}.pdf"`,
    );
    const [page1, page2, record] = await pdfTextLines(f8850.rawPayload);
    expect(page1).toContain('OMB No. 1545-1500');
    expect(page1).toContain(`Ada Lovelace ${canary.ssn}`);
    const checked = page1!.filter((line) => /^\d \u2612 /.test(line)).map((line) => line[0]);
    // A veteran in a SNAP family, a SNAP family and a felony: line 2 only (its statements).
    expect(checked).toEqual(['2']);
    expect(page2!.join('\n')).toContain('74-2051183');
    expect(page2!.join('\n')).toContain(`${day} ${day} ${day} ${day}`);
    expect(record).toContain('Electronic signature record');
    expect(record!.join('\n')).toContain('Sam Ortiz');

    const f9061 = await admin.get(formUrl(id, '9061'));
    expect(f9061.statusCode).toBe(200);
    expect(f9061.headers['cache-control']).toBe('no-store');
    const text = (await pdfTextLines(f9061.rawPayload)).flat().join('\n');
    expect(text).toContain('9061');
    expect(text).toContain(canary.ssn);
    expect(text).toContain('74-2051183');
    expect(text).toContain(canary.recipient);
    expect(text).toContain(usDate(canary.felonyDate));
    expect(text).toContain('Electronic signature record');

    const audits = await auditOf('form_downloaded', id);
    expect(audits.map((a) => [a.actor.email, a.detail.form])).toEqual([
      [t.org.admin.email, 'IRS Form 8850'],
      [t.org.admin.email, 'ETA Form 9061'],
    ]);
  });

  test('the same input gives the same text', async () => {
    const id = await readyHire(t.app, orgId(), admin);
    const once = await pdfTextLines((await admin.get(formUrl(id, '9061'))).rawPayload);
    const twice = await pdfTextLines((await admin.get(formUrl(id, '9061'))).rawPayload);
    expect(twice).toEqual(once);
  });

  test('members and strangers get no form; a signature needs consent', async () => {
    const id = await readyHire(t.app, orgId(), admin);
    expect((await member.get(formUrl(id, '8850'))).statusCode).toBe(403);
    expect((await admin.get(formUrl(new Types.ObjectId().toHexString(), '8850'))).statusCode).toBe(
      404,
    );
    const unsigned = await screenedApplicant(t.app, orgId());
    await putHire(admin, unsigned, hiredToday());
    const noConsent = await admin.post('/api/filing/sign', {
      ...employerSignature,
      agreed: false,
      applicantIds: [unsigned],
    });
    expect(noConsent.statusCode).toBe(400);
    expect((await admin.get(formUrl(unsigned, '8850'))).json().code).toBe(
      'EMPLOYER_SIGNATURE_MISSING',
    );
    expect(
      (await member.post('/api/filing/sign', { ...employerSignature, applicantIds: [unsigned] }))
        .statusCode,
    ).toBe(403);
  });

  test('the employer signature is an append-only record and a timeline entry; a changed hire needs a new one', async () => {
    const id = await readyHire(t.app, orgId(), admin);
    const records = await t.db
      .collection('employer_signatures')
      .find({ applicantId: new Types.ObjectId(id) })
      .toArray();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      typedName: 'Sam Ortiz',
      title: 'People Operations Lead',
      answersSha256: expect.stringMatching(/^[a-f0-9]{64}$/),
      consentSha256: expect.stringMatching(/^[a-f0-9]{64}$/),
    });
    const page = (await admin.get(`/api/applicants/${id}`)).json();
    expect(page.timeline.map((e: { type: string }) => e.type)).toContain('employer_signed');
    expect(page.filing.missing).toEqual([]);

    await putHire(admin, id, hiredToday({ position: 'Forklift operator' }), 'Promoted on day one');
    expect((await admin.get(formUrl(id, '8850'))).json().code).toBe('EMPLOYER_SIGNATURE_MISSING');
  });
});
