import { Types } from 'mongoose';
import { describe, expect, test } from 'vitest';
import { applicantInputFrom, emailOf, pickApplication, stateOf } from './application-input.ts';

const hints = {
  organizationId: new Types.ObjectId('6b0b578929f89540940d7cf4'),
  integrationId: new Types.ObjectId('6b0b578929f89540940d7d10'),
  opportunityId: 'opp-1',
  applicationId: 'app-2',
  contactId: 'contact-hint',
  triggeredAt: new Date('2026-03-01T12:00:00Z'),
};

describe('pickApplication', () => {
  const applications = [
    { id: 'app-1', createdAt: 100 },
    { id: 'app-2', createdAt: 50 },
    { id: 'app-3', createdAt: 200 },
  ];
  test.each([
    ['the application the delivery names', 'app-2', 'app-2'],
    ['the newest one when the delivery names none', null, 'app-3'],
    ['the newest one when the named one is not on the opportunity', 'app-9', 'app-3'],
  ])('%s', (_, named, expected) => {
    expect(pickApplication({ id: 'opp-1', applications }, named)?.id).toBe(expected);
  });
  test('ids alone (not expanded) give nothing to read', () => {
    expect(pickApplication({ id: 'opp-1', applications: ['app-1'] }, 'app-1')).toBeNull();
  });
});

test.each([
  [
    'the opportunity’s first email',
    { emails: [' a@x.org ', 'b@x.org'] },
    { email: 'c@x.org' },
    'a@x.org',
  ],
  ['else the application’s', { emails: [] }, { email: 'c@x.org' }, 'c@x.org'],
  ['else an expanded contact’s', { contact: { id: 'c', emails: ['d@x.org'] } }, null, 'd@x.org'],
  ['none at all', { emails: ['  '] }, { email: null }, null],
])('emailOf: %s', (_, opportunity, application, expected) => {
  expect(
    emailOf({ id: 'opp-1', ...opportunity }, application && { id: 'app', ...application }),
  ).toBe(expected);
});

test.each([
  ['Austin, TX', 'TX'],
  ['Austin, tx, United States', 'TX'],
  ['Remote', null],
  ['Paris, France', null],
  [null, null],
])('stateOf(%j) → %j', (location, expected) => {
  expect(stateOf(location)).toBe(expected);
});

describe('applicantInputFrom', () => {
  test('what Lever says wins over the delivery’s hints', () => {
    const input = applicantInputFrom(
      hints,
      {
        id: 'opp-1',
        name: ' Dana Rivera ',
        contact: 'contact-1',
        emails: ['dana@example.net'],
        location: 'Chicago, IL',
        applications: [{ id: 'app-2', posting: 'posting-1', createdAt: Date.UTC(2026, 1, 27) }],
      },
      { id: 'app-2', posting: 'posting-1', createdAt: Date.UTC(2026, 1, 27) },
      { id: 'posting-1', text: 'Warehouse Associate' },
    );
    expect(input).toMatchObject({
      name: 'Dana Rivera',
      email: 'dana@example.net',
      postingTitle: 'Warehouse Associate',
      appliedAt: new Date(Date.UTC(2026, 1, 27)),
      state: 'IL',
      confidential: false,
      anonymized: false,
      lever: {
        opportunityId: 'opp-1',
        applicationId: 'app-2',
        contactId: 'contact-1',
        postingId: 'posting-1',
      },
    });
  });
  test('confidential and anonymized are carried; no dates → the delivery’s moment', () => {
    const input = applicantInputFrom(
      hints,
      { id: 'opp-1', confidentiality: 'confidential', isAnonymized: true },
      null,
      null,
    );
    expect(input).toMatchObject({
      name: '',
      email: null,
      confidential: true,
      anonymized: true,
      appliedAt: hints.triggeredAt,
      lever: { applicationId: 'app-2', contactId: 'contact-hint', postingId: null },
    });
  });
});
