import { cityStateZip, nameFirstLast, ssnDashed, usDate, usPhone } from '../form-format.ts';
import type { FormRevision, FormView } from '../form-view.ts';
import type { PdfFormWriter } from '../pdf-writer.ts';
import {
  LINE_2_STATEMENTS,
  LINE_MEANINGS,
  f8850Page1Boxes,
  f8850ResidenceGroup,
} from './f8850-2016-03.boxes.ts';
import { continuationHeader, formHeader, signatureBlock, signedLine } from './form-parts.ts';

/**
 * IRS Form 8850, Pre-Screening Notice and Certification Request for the Work Opportunity Credit,
 * Rev. March 2016 (OMB No. 1545-1500): page 1 is the job applicant's, page 2 the employer's. The
 * lines and fields keep the official order and page; the wording is Eligo's summary, never the
 * official text (docs/forms.md).
 */

function page1(w: PdfFormWriter, view: FormView): void {
  const { applicant, signatures } = view.input;
  w.addPage();
  formHeader(w, {
    left: [
      'Form',
      '8850',
      '(Rev. March 2016)',
      'Department of the Treasury',
      'Internal Revenue Service',
    ],
    formNumber: '8850',
    title: 'Pre-Screening Notice and Certification Request for the Work Opportunity Credit',
    note: 'Official form and instructions: www.irs.gov/form8850',
    right: ['OMB No. 1545-1500'],
  });
  w.paragraph(
    'Job applicant: identification, then a check in each box that applies (page 1 only).',
    {
      style: { size: 8.5, weight: 'bold' },
    },
  );
  w.paragraph(
    'Filled in by Eligo from the answers the applicant gave and signed electronically. The wording beside each box is Eligo’s summary of the official form.',
    { style: { size: 7, color: 'muted' }, after: 4 },
  );
  w.cells([
    { label: 'Your name', value: nameFirstLast(applicant), width: 360 },
    { label: 'Social security number ▶', value: ssnDashed(applicant.ssn), width: 180 },
  ]);
  w.cells([
    { label: 'Street address where you live', value: applicant.address.street, width: 540 },
  ]);
  w.cells([
    {
      label: 'City or town, state, and ZIP code',
      value: cityStateZip(applicant.address),
      width: 540,
    },
  ]);
  w.cells([
    { label: 'County', value: applicant.county ?? '', width: 360 },
    { label: 'Telephone number', value: usPhone(applicant.phone), width: 180 },
  ]);
  w.cells([
    {
      label: 'Date of birth (month, day, year), only if under age 40',
      value: usDate(applicant.dob),
      width: 540,
    },
  ]);
  w.y -= 8;

  const boxes = f8850Page1Boxes(view.statements);
  for (const line of [1, 2, 3, 4, 5, 6, 7] as const) {
    w.statement(String(line), boxes[line], LINE_MEANINGS[line]);
    if (line === 2) {
      for (const { fact, meaning } of LINE_2_STATEMENTS) {
        const applies = view.statements[fact];
        w.text(applies ? '▶' : '•', w.left + 44, w.y - 7.5, { size: 7.5 });
        w.paragraph(applies ? `${meaning} (applies)` : meaning, {
          x: w.left + 54,
          style: { size: 7.5, weight: applies ? 'bold' : 'regular' },
          after: 1,
        });
      }
    }
    w.y -= 5;
  }

  w.y -= 4;
  w.rule(1);
  w.y -= 2;
  signatureBlock(
    w,
    'Declaration, under penalties of perjury: the applicant gave the information above to the employer no later than the day the job was offered, and it is true, correct and complete to the best of the applicant’s knowledge.',
    [
      {
        label: 'Job applicant’s signature ▶',
        value: signedLine(signatures.applicant.typedName),
        width: 400,
      },
      { label: 'Date ▶', value: usDate(view.dates.applicantSignedOn), width: 140 },
    ],
  );
}

function page2(w: PdfFormWriter, view: FormView): void {
  const { employer, signatures } = view.input;
  const signature = signatures.employer;
  const contact = employer.contact;
  w.addPage();
  continuationHeader(w, 'Form 8850 (Rev. 3-2016)', 2);
  w.band('For employer’s use only');
  w.cells([
    { label: 'Employer’s name', value: employer.legalName, width: 290 },
    { label: 'Telephone number', value: usPhone(employer.phone), width: 120 },
    { label: 'EIN ▶', value: employer.ein, width: 130 },
  ]);
  w.cells([{ label: 'Street address', value: employer.address.street, width: 540 }]);
  w.cells([
    {
      label: 'City or town, state, and ZIP code',
      value: cityStateZip(employer.address),
      width: 540,
    },
  ]);
  w.cells([
    {
      label: 'Person to contact, if different from above',
      value: `${contact.name}, ${contact.title} (${contact.email})`,
      width: 410,
    },
    { label: 'Telephone number', value: usPhone(contact.phone), width: 130 },
  ]);
  w.cells([{ label: 'Street address', value: '', width: 540 }]);
  w.cells([{ label: 'City or town, state, and ZIP code', value: '', width: 540 }]);
  w.y -= 8;
  w.paragraph(
    'If the applicant’s age and home address alone place them in group 4 (designated community resident) or group 6 (summer youth employee), as the instructions define them, the employer enters that group number:',
    { style: { size: 7.5 } },
  );
  w.cells([
    { label: 'Group number (4 or 6) ▶', value: f8850ResidenceGroup(view.details), width: 540 },
  ]);
  w.y -= 8;
  w.paragraph('Date applicant:', { style: { size: 8, weight: 'bold' } });
  w.cells([
    { label: 'Gave information', value: usDate(view.dates.applicantSignedOn), width: 135 },
    { label: 'Was offered job', value: usDate(view.dates.offeredOn), width: 135 },
    { label: 'Was hired', value: usDate(view.dates.hiredOn), width: 135 },
    { label: 'Started job', value: usDate(view.dates.startedOn), width: 135 },
  ]);
  w.y -= 8;
  signatureBlock(
    w,
    'Employer’s declaration, under penalties of perjury: the applicant gave the information on this form no later than the day the job was offered; what the employer furnished is true, correct and complete to the best of its knowledge; from the applicant’s page 1 information, the employer believes the applicant is a member of a targeted group; and the form is submitted to the SWA no later than the 28th day after the applicant began work.',
    [
      {
        label: 'Employer’s signature ▶',
        value: signature ? signedLine(signature.typedName) : '',
        width: 290,
      },
      { label: 'Title ▶', value: signature?.title ?? '', width: 150 },
      { label: 'Date ▶', value: usDate(view.dates.employerSignedOn), width: 100 },
    ],
  );
  w.y -= 10;
  w.paragraph(
    'Privacy Act and Paperwork Reduction Act notice: see the official form and its instructions.',
    { style: { size: 7, color: 'muted' } },
  );
}

export const form8850Rev2016: FormRevision = {
  form: '8850',
  id: 'f8850-2016-03',
  name: 'Form 8850',
  revision: 'Rev. March 2016',
  omb: { number: '1545-1500', expires: null },
  inUseFrom: '2016-03-01',
  footer: 'Form 8850 (Rev. 3-2016)',
  draw(w, view) {
    page1(w, view);
    page2(w, view);
  },
};
