import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EMPTY_EMPLOYER_PROFILE } from '@eligo/shared/filing';
import { createOrganization, createUser, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { employerProfile } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/** My Account › Data Settings › Employer: the profile Form 8850 and the deadlines need. */
let t: OrgTestApp;
let admin: ApiClient;
let member: ApiClient;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename);
  admin = t.admin;
  member = await signedIn(t.app, await createUser(t.app, t.org.organizationId, { role: 'member' }));
});
afterAll(() => t?.close());

const settings = async () => (await admin.get('/api/organization/settings')).json();

describe('the employer profile', () => {
  test('is empty until an admin saves one; the Filing summary then says what is missing', async () => {
    const fresh = await createOrganization(t.app);
    const freshAdmin = await signedIn(t.app, fresh.admin);
    const freshMember = await signedIn(
      t.app,
      await createUser(t.app, fresh.organizationId, { role: 'member' }),
    );
    expect((await freshAdmin.get('/api/organization/settings')).json().employer).toEqual(
      EMPTY_EMPLOYER_PROFILE,
    );
    const summary = (await freshMember.get('/api/filing/summary')).json();
    expect(summary.employer).toEqual({
      legalName: null,
      einMasked: null,
      timeZone: 'America/New_York',
      missing: expect.arrayContaining(['legalName', 'ein', 'address.state', 'contact.email']),
    });
  });

  test('a complete profile is saved whole; the zone and the states default from the address', async () => {
    const res = await admin.patch('/api/organization/settings', { employer: employerProfile() });
    expect(res.statusCode).toBe(200);
    expect(res.json().employer).toEqual({
      ...employerProfile(),
      timeZone: null,
      employmentStates: null,
      taxYearStartMonth: 1,
    });
    expect((await settings()).employer.ein).toBe('36-1234567');
    // The tag prefix and language were not touched.
    expect(await settings()).toMatchObject({ tagPrefix: 'Eligo', surveyLanguage: 'en' });
    const summary = (await member.get('/api/filing/summary')).json();
    expect(summary.employer).toEqual({
      legalName: 'Acme Widgets LLC',
      einMasked: '**-***4567',
      timeZone: 'America/Chicago',
      missing: [],
    });
  });

  test('the EIN is encrypted at rest; members see it masked only, and never the settings', async () => {
    await admin.patch('/api/organization/settings', { employer: employerProfile() });
    const stored = await t.db
      .collection('organizations')
      .findOne({ _id: new Types.ObjectId(t.org.organizationId) });
    expect(JSON.stringify(stored)).not.toContain('1234567');
    expect(stored?.employer.einCiphertext).toEqual(expect.any(String));
    expect((await member.get('/api/organization/settings')).statusCode).toBe(403);
    expect((await member.get('/api/filing/summary')).body).not.toContain('1234567');
    expect(
      (await member.patch('/api/organization/settings', { employer: employerProfile() }))
        .statusCode,
    ).toBe(403);
  });

  test('a chosen zone and states replace the defaults; a later save without them restores them', async () => {
    const chosen = employerProfile({
      address: { street: '1 Main St', city: 'El Paso', state: 'TX', zip: '79901' },
      timeZone: 'America/Denver',
      employmentStates: ['TX', 'NM'],
    });
    expect(
      (await admin.patch('/api/organization/settings', { employer: chosen })).json().employer,
    ).toMatchObject({ timeZone: 'America/Denver', employmentStates: ['TX', 'NM'] });
    expect((await member.get('/api/filing/summary')).json().employer.timeZone).toBe(
      'America/Denver',
    );
    const plain = employerProfile({
      address: { street: '1 Main St', city: 'El Paso', state: 'TX', zip: '79901' },
    });
    expect(
      (await admin.patch('/api/organization/settings', { employer: plain })).json().employer,
    ).toMatchObject({ timeZone: null, employmentStates: null });
    expect((await member.get('/api/filing/summary')).json().employer.timeZone).toBe(
      'America/Chicago',
    );
  });

  test('an incomplete profile may be saved; what is missing is listed', async () => {
    const partial = {
      ...employerProfile(),
      ein: null,
      contact: { name: 'Pat Doe', title: null, phone: null, email: null },
    };
    expect(
      (await admin.patch('/api/organization/settings', { employer: partial })).statusCode,
    ).toBe(200);
    expect((await member.get('/api/filing/summary')).json().employer.missing).toEqual([
      'ein',
      'contact.title',
      'contact.phone',
      'contact.email',
    ]);
  });

  const bad: Array<[string, (p: Record<string, unknown>) => void, string]> = [
    ['an EIN without the dash', (p) => (p.ein = '361234567'), '/body/employer/ein'],
    ['an EIN prefix the IRS never issues', (p) => (p.ein = '07-1234567'), '/body/employer/ein'],
    ['a blank legal name', (p) => (p.legalName = '   '), '/body/employer/legalName'],
    [
      'a military state',
      (p) => ((p.address as Record<string, unknown>).state = 'AE'),
      '/body/employer/address/state',
    ],
    [
      'a four-digit ZIP',
      (p) => ((p.address as Record<string, unknown>).zip = '6060'),
      '/body/employer/address/zip',
    ],
    [
      'a phone with a 1 in the area code',
      (p) => (p.phone = '(112) 555-0100'),
      '/body/employer/phone',
    ],
    [
      'a contact email without a domain',
      (p) => ((p.contact as Record<string, unknown>).email = 'pat@'),
      '/body/employer/contact/email',
    ],
    ['a zone outside the US', (p) => (p.timeZone = 'Europe/Paris'), '/body/employer/timeZone'],
    ['no employment state', (p) => (p.employmentStates = []), '/body/employer/employmentStates'],
    [
      'a repeated employment state',
      (p) => (p.employmentStates = ['IL', 'IL']),
      '/body/employer/employmentStates',
    ],
    ['a field left out', (p) => delete p.phone, '/body/employer/phone'],
    ['an unknown field', (p) => (p.fax = '312-555-0199'), '/body/employer/fax'],
  ];

  test.each(bad)('%s → 400 naming the field, and nothing changes', async (_what, spoil, path) => {
    await admin.patch('/api/organization/settings', { employer: employerProfile() });
    const body = structuredClone(employerProfile()) as unknown as Record<string, unknown>;
    spoil(body);
    const res = await admin.patch('/api/organization/settings', { employer: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
    expect((await settings()).employer).toEqual({
      ...employerProfile(),
      timeZone: null,
      employmentStates: null,
      taxYearStartMonth: 1,
    });
  });

  test('the messages say what is expected', async () => {
    const res = await admin.patch('/api/organization/settings', {
      employer: employerProfile({ ein: '07-1234567', phone: '555-0100' }),
    });
    expect(res.json().details).toEqual(
      expect.arrayContaining([
        {
          path: '/body/employer/ein',
          message:
            'Enter the EIN as NN-NNNNNNN (two digits, a dash, seven digits), starting with a prefix the IRS issues.',
          rule: 'ein',
        },
        {
          path: '/body/employer/phone',
          message: 'Enter a 10-digit US phone number, e.g. (312) 555-0100.',
          rule: 'phone',
        },
      ]),
    );
  });
});
