import type { BenefitDetails } from '../answer-facts.ts';
import {
  cityStateZip,
  dollars,
  nameLastFirst,
  ssnDashed,
  usDate,
  usPhone,
} from '../form-format.ts';
import type { FormRevision, FormView } from '../form-view.ts';
import { checkMark, type Cell, type PdfFormWriter } from '../pdf-writer.ts';
import {
  GROUP_BOX_MEANINGS,
  eta9061GroupBoxes,
  type Eta9061GroupBox,
} from './eta9061-2023-05.boxes.ts';
import { continuationHeader, formHeader, signedLine } from './form-parts.ts';

/**
 * ETA Form 9061, Individual Characteristics Form (ICF), the revision of May 2023 whose OMB approval
 * (1205-0371) ran to 2026-05-31. Boxes 1–16 on page 1 and 17–24 on page 2, in the official order;
 * the wording is Eligo's summary, never the official text (docs/forms.md).
 */

const SUB_INDENT = 40;
const SUB_WIDTH = 500;

const pick = (checked: boolean, value: string | null | undefined) =>
  checked && value ? value : '';
const options = (pairs: readonly [string, boolean][]) =>
  pairs.map(([label, on]) => `${checkMark(on)} ${label}`).join('   ');

/** `Wichita; KS, MO`: the city (when given), then the states. */
const claimPlace = ({ city, states }: { city: string | null; states: string[] }) =>
  [city, states.join(', ')].filter(Boolean).join('; ');

function benefitCells(checked: boolean, benefit: BenefitDetails, prefix = ''): Cell[] {
  return [
    {
      label: `${prefix}Primary benefits recipient`,
      value: pick(checked, benefit.recipient),
      width: 220,
    },
    {
      label: 'City and state(s) where the benefits were received',
      value: pick(checked, benefit.location),
      width: SUB_WIDTH - 220,
    },
  ];
}

function groupBox(
  w: PdfFormWriter,
  box: Eta9061GroupBox,
  checked: boolean,
  sub: readonly Cell[] = [],
): void {
  w.ensureRoom(sub.length > 0 ? 48 : 22);
  w.statement(String(box), checked, GROUP_BOX_MEANINGS[box]);
  if (sub.length > 0) w.cells(sub, 24, SUB_INDENT);
  w.y -= 6;
}

function page1(w: PdfFormWriter, view: FormView, boxes: Record<Eta9061GroupBox, boolean>): void {
  const { employer, applicant, hire } = view.input;
  const d = view.details;
  w.addPage();
  formHeader(w, {
    left: [
      'ETA Form',
      '9061',
      '(Rev. May 2023)',
      'U.S. Department of Labor',
      'Employment and Training Administration',
    ],
    formNumber: '9061',
    title: 'Work Opportunity Tax Credit — Individual Characteristics Form (ICF)',
    note: 'Filled in by Eligo for the employer from the applicant’s electronically signed answers. The wording beside each box is Eligo’s summary of the official form.',
    right: ['OMB Control No. 1205-0371', 'Expiration Date: 05/31/2026'],
  });
  w.band('SWA / agency information');
  w.cells([
    { number: '1.', label: 'Control No. (agency use only)', value: '', width: 270 },
    { number: '2.', label: 'Date received (agency use only)', value: '', width: 270 },
  ]);
  w.band('Employer information');
  const employerAddress = [
    employer.address.street,
    cityStateZip(employer.address),
    `Tel. ${usPhone(employer.phone)}`,
    employer.contact.email,
  ].join('\n');
  w.cells(
    [
      { number: '3.', label: 'Employer name', value: employer.legalName, width: 170 },
      {
        number: '4.',
        label: 'Mailing address, telephone, email',
        value: employerAddress,
        width: 220,
      },
      {
        number: '5.',
        label: 'Employer Identification Number (EIN)',
        value: employer.ein,
        width: 150,
      },
    ],
    52,
  );
  w.band('Job applicant information');
  const worked = d.workedHereBefore;
  w.cells([
    {
      number: '6.',
      label: 'Applicant name (Last, First, MI)',
      value: nameLastFirst(applicant),
      width: 230,
    },
    { number: '7.', label: 'Social Security Number', value: ssnDashed(applicant.ssn), width: 140 },
    {
      number: '8.',
      label: 'Worked for this employer before?',
      value: options([
        ['YES', worked === 'yes'],
        ['NO', worked === 'no'],
      ]),
      width: 170,
    },
  ]);
  w.band('Job applicant characteristics for WOTC targeted group(s) certification');
  w.cells([
    { number: '9.', label: 'Employment start date', value: usDate(hire.startedOn), width: 150 },
    { number: '10.', label: 'Starting wage', value: dollars(hire.startingWage), width: 130 },
    {
      number: '11.',
      label: 'Job position (title) or SOC code',
      value: hire.position ?? '',
      width: 260,
    },
  ]);
  w.y -= 4;
  w.paragraph(
    'Directions: a checked box means the statement applies to the job applicant; the information the box asks for follows it.',
    { style: { size: 7.5, weight: 'bold' }, after: 6 },
  );
  groupBox(w, 12, boxes[12], benefitCells(boxes[12], d.tanf));
  groupBox(
    w,
    13,
    boxes[13],
    benefitCells(
      boxes[13] && view.statements.veteranSnap,
      d.veteranSnap,
      'If the family gets SNAP: ',
    ),
  );
  w.paragraph(
    'The SWA may ask for more, such as proof of disability compensation or of the periods out of work.',
    { x: w.left + SUB_INDENT, style: { size: 7, color: 'muted' }, after: 6 },
  );
  const felony = d.felony;
  groupBox(w, 14, boxes[14], [
    {
      label: 'Date of felony conviction',
      value: pick(boxes[14], usDate(felony.convictedOn)),
      width: 120,
    },
    {
      label: 'Date of release from prison',
      value: pick(boxes[14], usDate(felony.releasedOn)),
      width: 120,
    },
    {
      label: 'Conviction',
      value: options([
        ['Federal', boxes[14] && felony.federal],
        ['State', boxes[14] && felony.state],
      ]),
      width: 160,
    },
    { label: 'State', value: pick(boxes[14], felony.stateCode), width: 100 },
  ]);
  const area = d.residence.area;
  groupBox(w, 15, boxes[15], [
    {
      label: 'Lives in',
      value: options([
        ['Rural Renewal County', boxes[15] && area === 'rrc'],
        ['Empowerment Zone', boxes[15] && area === 'ez'],
      ]),
      width: 360,
    },
    { label: 'Date of birth', value: pick(boxes[15], usDate(d.dob)), width: 140 },
  ]);
  groupBox(w, 16, boxes[16]);
}

function page2(w: PdfFormWriter, view: FormView, boxes: Record<Eta9061GroupBox, boolean>): void {
  const d = view.details;
  const signature = view.input.signatures.employer;
  w.addPage();
  continuationHeader(w, 'ETA Form 9061 (Rev. May 2023)', 2);
  w.y -= 4;
  groupBox(w, 17, boxes[17], [
    { label: 'Date of birth', value: pick(boxes[17], usDate(d.dob)), width: 140 },
  ]);
  groupBox(w, 18, boxes[18], [
    { label: 'Date of birth', value: pick(boxes[18], usDate(d.dob)), width: 100 },
    ...benefitCells(boxes[18], d.snap).map((cell, i) => ({ ...cell, width: i === 0 ? 170 : 230 })),
  ]);
  groupBox(w, 19, boxes[19]);
  groupBox(w, 20, boxes[20], benefitCells(boxes[20], d.tanf));
  groupBox(w, 21, boxes[21], [
    {
      label: 'City and state(s) where unemployment insurance claims were filed',
      value: pick(boxes[21], claimPlace(d.unemployment)),
      width: SUB_WIDTH,
    },
  ]);
  w.y -= 4;
  w.band('22. Sources used to document eligibility');
  w.paragraph('Each document listed is marked A (attached) or F (forthcoming).', {
    style: { size: 7.5 },
    after: 3,
  });
  for (let row = 0; row < 3; row++) {
    w.cells(
      [
        { label: 'Document', value: '', width: 440 },
        { label: 'A or F', value: '', width: 100 },
      ],
      20,
    );
  }
  w.y -= 10;
  w.band('Signature');
  w.cells(
    [
      {
        number: '23(a)',
        label: 'Signature',
        value: signature ? signedLine(signature.typedName) : '',
        width: 540,
      },
    ],
    30,
  );
  w.cells(
    [
      {
        number: '23(b)',
        label: 'Completed and signed by',
        value: options([
          ['Employer', signature !== null],
          ['Employer’s representative', false],
          ['SWA or participating agency', false],
          ['Job applicant', false],
          ['Parent or guardian', false],
        ]),
        width: 440,
      },
      { number: '24.', label: 'Date', value: usDate(view.dates.employerSignedOn), width: 100 },
    ],
    30,
  );
}

export const eta9061Rev2023: FormRevision = {
  form: '9061',
  id: 'eta9061-2023-05',
  name: 'ETA Form 9061',
  revision: 'Rev. May 2023',
  omb: { number: '1205-0371', expires: '2026-05-31' },
  inUseFrom: '2023-06-23',
  footer: 'ETA Form 9061 (Rev. May 2023)',
  draw(w, view) {
    const boxes = eta9061GroupBoxes(view.statements, view.details);
    page1(w, view, boxes);
    page2(w, view, boxes);
  },
};
