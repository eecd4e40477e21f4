import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { allNoAnswers } from '@eligo/shared/wotc/fixtures';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { renderForm8850, renderForm9061 } from './form-renderers.ts';
import { SAMPLE_ANSWERS, sampleFormInput } from './form-samples.ts';
import { pdfTextLines } from './pdf-text.ts';

/** Numbered boxes and their check marks as a text tool reads them: `3 ☒ Veteran …`. */
function checkMarks(lines: readonly string[]): Map<number, boolean> {
  const marks = new Map<number, boolean>();
  for (const line of lines) {
    const match = /^(\d{1,2}) ([☐☒]) /.exec(line);
    if (match) marks.set(Number(match[1]), match[2] === '☒');
  }
  return marks;
}

const checked = (lines: readonly string[]) =>
  [...checkMarks(lines)].filter(([, on]) => on).map(([box]) => box);

/** The line after the one that starts with `label`: a boxed field's value. */
function valueUnder(lines: readonly string[], label: string): string | undefined {
  const at = lines.findIndex((line) => line.startsWith(label));
  return at < 0 ? undefined : lines[at + 1];
}

/** Box numbers in reading order: `3. Employer name`, `12 ☒ …`, `23(a) Signature`. */
function boxNumbers(lines: readonly string[]): number[] {
  const numbers: number[] = [];
  for (const line of lines) {
    for (const match of line.matchAll(/(?:^|\s)(\d{1,2})(?:\.|\([ab]\)| [☐☒])(?=\s)/g)) {
      const box = Number(match[1]);
      if (numbers.at(-1) !== box) numbers.push(box);
    }
  }
  return numbers;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('Form 8850 PDF', () => {
  test('names the form, its revision and OMB number, and holds the applicant, employer and four dates', async () => {
    const [page1, page2, record] = await pdfTextLines(await renderForm8850(sampleFormInput()));
    const text = [page1, page2, record].map((p) => p!.join('\n')).join('\n');
    expect(text).toContain('Pre-Screening Notice and Certification');
    expect(page1).toContain('8850');
    expect(page1).toContain('(Rev. March 2016)');
    expect(page1).toContain('OMB No. 1545-1500');
    expect(valueUnder(page1!, 'Your name')).toBe('María J Núñez-Ortega 123-45-6789');
    expect(valueUnder(page1!, 'County')).toBe('Barton County (620) 555-0142');
    expect(valueUnder(page1!, 'Date of birth')).toBe('04/12/1997');
    expect(valueUnder(page2!, 'Employer’s name')).toBe(
      'Prairie Logistics LLC (620) 555-0100 12-3456789',
    );
    expect(valueUnder(page2!, 'Gave information Was offered job Was hired Started job')).toBe(
      '03/02/2026 03/03/2026 03/05/2026 03/09/2026',
    );
    expect(valueUnder(page2!, 'Group number (4 or 6)')).toBe('4');
    expect(page1!.at(-1)).toBe('Form 8850 (Rev. 3-2016) Page 1 of 3');
  });

  test('lines 1–7 sit on page 1 in order, checked from the answers', async () => {
    const [page1] = await pdfTextLines(await renderForm8850(sampleFormInput()));
    expect([...checkMarks(page1!).keys()]).toEqual(range(1, 7));
    expect(checked(page1!)).toEqual(range(1, 7));
  });

  test.each<[string, Partial<SubmittedAnswers>, number[]]>([
    ['SSI this month → line 2 only', { q_ssi: 'yes', q_ssi_last_month: '2026-03' }, [2]],
    [
      'disabled veteran out of work 7 months → lines 3 and 5',
      {
        q_veteran: 'yes',
        q_vet_snap: 'no',
        q_vet_disability: 'yes',
        q_vet_discharged_1y: 'no',
        q_vet_unemp: '6m_plus',
      },
      [3, 5],
    ],
    ['nothing applies → no box', {}, []],
  ])('%s', async (_name, overrides, expected) => {
    const answers = allNoAnswers(overrides);
    const [page1] = await pdfTextLines(await renderForm8850(sampleFormInput({ answers })));
    expect(checkMarks(page1!).size).toBe(7);
    expect(checked(page1!)).toEqual(expected);
  });

  test('signature dates are the days in the organization’s time zone', async () => {
    const input = sampleFormInput({ timeZone: 'America/Los_Angeles' });
    // 19:30 on March 1 in Los Angeles.
    input.signatures.applicant = {
      ...input.signatures.applicant,
      signedAt: '2026-03-02T03:30:00Z',
    };
    const [page1, page2] = await pdfTextLines(await renderForm8850(input));
    expect(page1!.some((line) => line.endsWith('03/01/2026'))).toBe(true);
    expect(valueUnder(page2!, 'Gave information')).toMatch(/^03\/01\/2026 /);
  });

  test('the last page records both signatures with time, address and hashes', async () => {
    const input = sampleFormInput();
    const pages = await pdfTextLines(await renderForm8850(input));
    const record = pages.at(-1)!;
    const { applicant, employer } = input.signatures;
    expect(record[0]).toBe('Electronic signature record');
    expect(record).toContain(`Typed name (signature) ${applicant.typedName}`);
    expect(record).toContain('Signed at (UTC) 2026-03-02T15:04:05.000Z');
    expect(record).toContain('Signed at (America/Chicago) 03/02/2026 09:04:05 CST');
    expect(record).toContain(`IP address ${applicant.ip}`);
    expect(record).toContain(`Consent wording SHA-256 ${applicant.consentSha256}`);
    expect(record).toContain(`Signed answers SHA-256 ${applicant.answersSha256}`);
    expect(record).toContain(`Eligo user ${employer!.signedBy}`);
    expect(record).toContain(`Consent wording version ${employer!.consentVersion}`);
    expect(record).toContain(`IP address ${employer!.ip}`);
  });

  test('before the employer signs, its lines stay blank and the record says so', async () => {
    const input = sampleFormInput();
    input.signatures.employer = null;
    const pages = await pdfTextLines(await renderForm8850(input));
    expect(valueUnder(pages[1]!, 'Employer’s signature')).toMatch(/^Privacy Act/);
    expect(pages.at(-1)).toContain(
      'Status Not signed yet: the employer’s signature lines are blank.',
    );
  });

  test('a declined SSN leaves the box blank', async () => {
    const answers = { ...SAMPLE_ANSWERS, ssn: 'declined' } as const;
    const [page1] = await pdfTextLines(await renderForm8850(sampleFormInput({ answers })));
    expect(valueUnder(page1!, 'Your name')).toBe('María J Núñez-Ortega');
  });
});

describe('ETA 9061 PDF', () => {
  test('names the form, revision and OMB approval, with boxes 1–16 on page 1 and 17–24 on page 2', async () => {
    const [page1, page2, record] = await pdfTextLines(await renderForm9061(sampleFormInput()));
    const header = page1!.slice(0, 12).join(' ');
    expect(header).toContain('9061');
    expect(header).toContain('(Rev. May 2023)');
    expect(header).toContain('1205-0371');
    expect(header).toContain('05/31/2026');
    expect(boxNumbers(page1!)).toEqual(range(1, 16));
    expect(boxNumbers(page2!)).toEqual(range(17, 24));
    expect(record![0]).toBe('Electronic signature record');
  });

  test('holds the employer, the applicant, the hire and every target-group detail answered', async () => {
    const [page1, page2] = await pdfTextLines(await renderForm9061(sampleFormInput()));
    expect(page1).toContain('Núñez-Ortega, María, J 123-45-6789 ☐ YES ☒ NO');
    expect(valueUnder(page1!, '3. Employer name')).toBe(
      'Prairie Logistics LLC 400 Main St 12-3456789',
    );
    expect(page1).toContain('Great Bend, KS 67530');
    expect(page1).toContain('Tel. (620) 555-0100');
    expect(valueUnder(page1!, '9. Employment start date')).toBe(
      '03/09/2026 $17.25 Warehouse associate',
    );
    expect(valueUnder(page1!, 'Primary benefits recipient')).toBe('Rosa Núñez Great Bend, KS');
    expect(valueUnder(page1!, 'Date of felony conviction')).toBe(
      '05/20/2025 11/30/2025 ☒ Federal ☒ State KS',
    );
    expect(valueUnder(page1!, 'Lives in')).toBe(
      '☒ Rural Renewal County ☐ Empowerment Zone 04/12/1997',
    );
    expect(valueUnder(page2!, 'City and state(s) where unemployment insurance claims')).toBe(
      'Wichita; KS, MO',
    );
    expect(valueUnder(page2!, '23(a) Signature')).toMatch(
      /^\/s\/ Jordan Lee \(signed electronically/,
    );
    expect(valueUnder(page2!, '23(b) Completed and signed by 24. Date')).toBe(
      '☒ Employer ☐ Employer’s representative ☐ SWA or participating agency ☐ Job applicant ☐ Parent or guardian 03/10/2026',
    );
    expect([...checked(page1!), ...checked(page2!)]).toEqual([12, 13, 14, 15, 16, 18, 19, 20, 21]);
  });

  test.each<[string, Partial<SubmittedAnswers>, number[]]>([
    ['SSI only → box 19', { q_ssi: 'yes' }, [19]],
    [
      'SNAP at 29 → box 18 with the recipient and place',
      {
        age_band: 'under_40',
        dob: '1996-05-01',
        q_snap: '6_of_6',
        q_snap_recipient: 'Lee Park',
        q_snap_location: 'Tulsa, OK',
      },
      [18],
    ],
  ])('%s', async (_name, overrides, expected) => {
    const answers = allNoAnswers(overrides);
    const pages = await pdfTextLines(await renderForm9061(sampleFormInput({ answers })));
    const boxes = [...checkMarks(pages[0]!), ...checkMarks(pages[1]!)];
    expect(boxes.map(([box]) => box)).toEqual(range(12, 21));
    expect(boxes.filter(([, on]) => on).map(([box]) => box)).toEqual(expected);
    if (expected.includes(18)) {
      expect(pages[1]).toContain('05/01/1996 Lee Park Tulsa, OK');
    }
  });
});

describe('both PDFs', () => {
  test.each([
    ['8850', renderForm8850],
    ['9061', renderForm9061],
  ])('%s: the same input gives the same bytes, with its fonts embedded', async (_form, render) => {
    const first = await render(sampleFormInput());
    const second = await render(sampleFormInput());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Subset TrueType fonts travel inside the file; no font is left to the reader's machine.
    const doc = await PDFDocument.load(first, { updateMetadata: false });
    const dicts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((o): o is PDFDict => o instanceof PDFDict);
    const embedded = dicts
      .filter((dict) => dict.get(PDFName.of('FontFile2')) !== undefined)
      .map((descriptor) => descriptor.get(PDFName.of('FontName'))?.toString());
    expect(embedded.sort()).toEqual(['/ELIGOB+DejaVuSans-Bold', '/ELIGOR+DejaVuSans']);
    const simpleFonts = dicts.filter((dict) =>
      ['/Type1', '/TrueType'].includes(String(dict.get(PDFName.of('Subtype')))),
    );
    expect(simpleFonts).toEqual([]);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-10T16:20:00.000Z');
  });

  test('a different answer gives a different document', async () => {
    const a = await renderForm8850(sampleFormInput());
    const b = await renderForm8850(
      sampleFormInput({ answers: { ...SAMPLE_ANSWERS, q_ssi: 'no' } }),
    );
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});
