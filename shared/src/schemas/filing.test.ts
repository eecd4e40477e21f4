import { describe, expect, test } from 'vitest';
import Value from 'typebox/value';
import * as routes from '../routes/index.ts';
import type { RouteDef } from '../route-table.ts';
import {
  accountPreferenceEndpoints,
  filingEndpoints,
  hireEndpoints,
} from '../routes/filing-endpoints.ts';
import { SAMPLE_HIRE } from '../filing/filing-fixtures.ts';
import { updateAccountPreferencesBodySchema } from './account.ts';
import { listFilingQuerySchema, setFilingStatusBodySchema } from './filing.ts';
import { putHireBodySchema } from './hires.ts';
import { updateOrganizationSettingsBodySchema } from './organization.ts';

/** The sample hire as an admin sends it (Lever's anticipated start is not part of the body). */
const HIRE: Record<string, unknown> = { ...SAMPLE_HIRE };
delete HIRE.anticipatedStartOn;

describe('PUT …/hire body', () => {
  test.each([
    ['a full hire', HIRE, true],
    [
      'every value unknown',
      {
        ...HIRE,
        offeredOn: null,
        hiredOn: null,
        startedOn: null,
        position: null,
        startingWage: null,
        employedInState: null,
      },
      true,
    ],
    ['with a reason', { ...HIRE, reason: 'Started a day later than planned' }, true],
    ['Feb 30', { ...HIRE, startedOn: '2026-02-30' }, false],
    ['Feb 29 of a common year', { ...HIRE, startedOn: '2026-02-29' }, false],
    ['Feb 29 of a leap year', { ...HIRE, startedOn: '2028-02-29' }, true],
    ['a US-style date', { ...HIRE, startedOn: '03/09/2026' }, false],
    ['a date-time', { ...HIRE, startedOn: '2026-03-09T00:00:00Z' }, false],
    ['a key left out', { ...HIRE, startedOn: undefined }, false],
    ["Lever's anticipated start", { ...HIRE, anticipatedStartOn: '2026-03-09' }, false],
    ['a negative wage', { ...HIRE, startingWage: -1 }, false],
    ['a wage as text', { ...HIRE, startingWage: '17.25' }, false],
    ['a military state', { ...HIRE, employedInState: 'AP' }, false],
    ['a blank position', { ...HIRE, position: '  ' }, false],
    ['a two-letter reason', { ...HIRE, reason: 'no' }, false],
  ])('%s → %s', (_what, body, ok) => {
    expect(Value.Check(putHireBodySchema, JSON.parse(JSON.stringify(body)))).toBe(ok);
  });
});

describe('POST …/filing body', () => {
  test.each([
    [{ status: 'submitted', on: '2026-03-20', method: 'portal', reference: 'TX-1' }, true],
    [
      { status: 'certified', on: '2026-09-01', targetGroup: 'B-e', certificationNumber: 'C-9' },
      true,
    ],
    [{ status: 'denied', on: '2026-09-01', reason: 'Not in the target group' }, true],
    [{ status: 'held', on: '2026-04-01' }, true],
    [{ status: 'ready', on: '2026-03-20' }, false],
    [{ status: 'not_submitted', on: '2026-03-20' }, false],
    [{ status: 'submitted', on: '2026-02-30', method: 'portal' }, false],
    [{ status: 'submitted', on: '2026-03-20', method: 'pigeon' }, false],
    [{ status: 'certified', on: '2026-09-01', targetGroup: 'Z' }, false],
    [{ status: 'submitted', on: '2026-03-20', method: 'mail', reference: ' ' }, false],
    [{ status: 'submitted', on: '2026-03-20', method: 'mail', note: 'x' }, false],
  ])('%j → %s', (body, ok) => {
    expect(Value.Check(setFilingStatusBodySchema, body)).toBe(ok);
  });
});

describe('queries and small bodies', () => {
  test.each([
    [listFilingQuerySchema, { bucket: 'due_soon', state: 'TX', limit: 25 }, true],
    [listFilingQuerySchema, { bucket: 'in_progress' }, true],
    [listFilingQuerySchema, { bucket: 'soon' }, false],
    [listFilingQuerySchema, { limit: 101 }, false],
    [updateAccountPreferencesBodySchema, { filingDigest: false }, true],
    [updateAccountPreferencesBodySchema, {}, false],
    [updateOrganizationSettingsBodySchema, { employer: { legalName: 'Acme' } }, false],
  ])('%# %j → %s', (schema, value, ok) => {
    expect(Value.Check(schema, value)).toBe(ok);
  });
});

const NEW_TABLES = {
  hires: routes.hireRoutes,
  filing: routes.filingRoutes,
  preferences: routes.accountPreferenceRoutes,
};

describe('the new routes', () => {
  test('writes are for admins; hires, deadlines and preferences can be read by every user', () => {
    const access = Object.entries(NEW_TABLES).flatMap(([table, defs]) =>
      Object.entries(defs as Record<string, RouteDef>).map(([key, def]) => [
        `${table}.${key}`,
        def.access,
      ]),
    );
    expect(Object.fromEntries(access)).toEqual({
      'hires.put': 'admin',
      'hires.importCsv': 'admin',
      'hires.reconcile': 'admin',
      'filing.summary': 'user',
      'filing.list': 'user',
      'filing.setStatus': 'admin',
      // Issue 20: signing, the forms (full SSN), packets and determinations are an admin's.
      'filing.sign': 'admin',
      'filing.packet': 'admin',
      'filing.form8850': 'admin',
      'filing.form9061': 'admin',
      'filing.importDeterminations': 'admin',
      'preferences.get': 'user',
      'preferences.update': 'user',
    });
  });

  test('each route is built from its endpoint, and no two routes of the API share a method and path', () => {
    const endpoints = { ...hireEndpoints, ...filingEndpoints, ...accountPreferenceEndpoints };
    expect(Object.keys(endpoints)).toHaveLength(13);
    const all = (Object.values(routes) as unknown[])
      .filter((value): value is object => typeof value === 'object' && value !== null)
      .flatMap((table) => Object.values(table) as unknown[])
      .filter(
        (def): def is RouteDef =>
          typeof def === 'object' && def !== null && 'path' in def && 'access' in def,
      )
      .map((def) => `${def.method} ${def.path}`);
    expect(all).toContain('GET /api/applicants'); // the existing tables are in the check too
    expect(new Set(all).size).toBe(all.length);
    for (const { method, path } of Object.values(endpoints))
      expect(all).toContain(`${method} ${path}`);
  });

  test('the reconcile answers 202', () => {
    expect(routes.hireRoutes.reconcile.successStatus).toBe(202);
  });
});
