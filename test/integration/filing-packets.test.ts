import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfTextLines } from '@eligo/server/modules/filing/forms/pdf-text';
import { addDays } from '@eligo/shared/wotc';
import type { ApiClient } from '../support/http.ts';
import { allNoAnswers, canaryAnswers } from '../support/survey.ts';
import {
  employerSignature,
  employerToday,
  hiredToday,
  putHire,
  readyHire,
  screenedApplicant,
  unzip,
  filingTestApp,
  type FilingTestApp,
} from '../support/filing.ts';

/**
 * Issue 20 item 4: the state packet — a streamed ZIP of both forms per hire and a manifest —
 * refused as a whole (404, 409, 400) before a byte of ZIP is sent; every packet audited.
 */
let t: FilingTestApp;
let admin: ApiClient;

beforeAll(async () => {
  t = await filingTestApp(import.meta.filename, 'Packet Org');
  admin = t.admin;
});
afterAll(() => t?.close());

const orgId = () => t.org.organizationId;
/** Every cell is quoted (lib/csv.ts), lines end with CRLF, the file starts with a BOM. */
function parseManifest(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

const packet = (applicantIds: string[]) => admin.post('/api/filing/packets', { applicantIds });

describe('the state packet', () => {
  test('holds both forms per hire under <state>/<last name>-<id>/ and a manifest row each', async () => {
    const ana = await readyHire(t.app, orgId(), admin, {
      answers: allNoAnswers({ first_name: 'Ana', last_name: 'Zamora', ssn: '219-09-9999' }),
    });
    const ada = await readyHire(t.app, orgId(), admin, { answers: canaryAnswers() });

    const res = await packet([ana, ada]);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="wotc-packet-TX-${employerToday()}.zip"`,
    );
    const files = await unzip(res.rawPayload);
    expect([...files.keys()]).toEqual([
      'manifest.csv',
      `TX/Lovelace-${ada}/8850.pdf`,
      `TX/Lovelace-${ada}/9061.pdf`,
      `TX/Zamora-${ana}/8850.pdf`,
      `TX/Zamora-${ana}/9061.pdf`,
    ]);
    const zamora8850 = (await pdfTextLines(files.get(`TX/Zamora-${ana}/8850.pdf`)!)).flat();
    expect(zamora8850).toContain('Ana Zamora 219-09-9999');
    const ada9061 = (await pdfTextLines(files.get(`TX/Lovelace-${ada}/9061.pdf`)!)).flat();
    expect(ada9061.join('\n')).toContain('372-81-5946');

    const today = employerToday();
    const manifest = parseManifest(files.get('manifest.csv')!.toString('utf8'));
    expect(manifest[0]).toEqual([
      'Name',
      'SSN (last 4)',
      'Start date',
      'Due date',
      'State',
      'Target groups claimed',
      'Folder',
    ]);
    expect(manifest.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ['Ada Lovelace', '5946', today, addDays(today, 28), 'TX'],
      ['Ana Zamora', '9999', today, addDays(today, 28), 'TX'],
    ]);
    // The canary applicant claims groups (SNAP, veteran, ex-felon); Ana none.
    expect(manifest[1]![5]).toMatch(/SNAP/i);
    expect(manifest[2]![5]).toBe('');

    const audits = await t.db
      .collection('audit_records')
      .find({ organizationId: new Types.ObjectId(orgId()), action: 'filing_packet_exported' })
      .toArray();
    const mine = audits.filter((a) => String(a.detail.applicantIds).includes(ana));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      actor: { email: t.org.admin.email },
      detail: { rows: 2, states: 'TX' },
    });
  });

  test('an unknown id refuses the whole request with one 404 and no ZIP', async () => {
    const ready = await readyHire(t.app, orgId(), admin);
    const res = await packet([ready, new Types.ObjectId().toHexString()]);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().details).toEqual([
      { path: '/body/applicantIds/1', message: 'is not a hire of this organization' },
    ]);
  });

  test('a hire that is not ready refuses the packet with its 409; 10,000 ids are a 400', async () => {
    const ready = await readyHire(t.app, orgId(), admin);
    const unsigned = await screenedApplicant(t.app, orgId());
    await putHire(admin, unsigned, hiredToday());
    const res = await packet([ready, unsigned]);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('EMPLOYER_SIGNATURE_MISSING');
    expect(res.json().details).toHaveLength(1);

    const many = Array.from({ length: 10_000 }, () => new Types.ObjectId().toHexString());
    const tooMany = await packet(many);
    expect(tooMany.statusCode).toBe(400);
    expect((await packet([])).statusCode).toBe(400);
  });

  test('"all ready in New Mexico": every hire ready to file there, none of the others', async () => {
    const inState = async (state: string, sign: boolean) => {
      const id = await screenedApplicant(t.app, orgId());
      await putHire(admin, id, hiredToday({ employedInState: state }));
      if (sign) {
        const res = await admin.post('/api/filing/sign', {
          ...employerSignature,
          applicantIds: [id],
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      return id;
    };
    const first = await inState('NM', true);
    const second = await inState('NM', true);
    await inState('NM', false); // lacks the employer's signature: not ready
    await inState('AZ', true); // ready, in another state

    const res = await admin.post('/api/filing/packets', { allReadyIn: 'NM' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="wotc-packet-NM-${employerToday()}.zip"`,
    );
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(
      [
        'manifest.csv',
        `NM/Lovelace-${first}/8850.pdf`,
        `NM/Lovelace-${first}/9061.pdf`,
        `NM/Lovelace-${second}/8850.pdf`,
        `NM/Lovelace-${second}/9061.pdf`,
      ].sort(),
    );
    expect(parseManifest(files.get('manifest.csv')!.toString('utf8'))).toHaveLength(3);

    const none = await admin.post('/api/filing/packets', { allReadyIn: 'WY' });
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toContain('No hire employed in Wyoming is ready to file');
    const both = await admin.post('/api/filing/packets', {
      applicantIds: [first],
      allReadyIn: 'NM',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toContain('not both');
    expect((await admin.post('/api/filing/packets', {})).statusCode).toBe(400);
    expect((await admin.post('/api/filing/packets', { allReadyIn: 'Texas' })).statusCode).toBe(400);
  });
});
