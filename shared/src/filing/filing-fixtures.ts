import type { EmployerProfileDraft } from '../schemas/employer.ts';
import type { HireValues } from '../schemas/hire.ts';

/** Test data for the filing rules: a made-up example.com employer and one complete hire. */

export const SAMPLE_EMPLOYER: EmployerProfileDraft = {
  legalName: 'Lone Star Freight Inc.',
  ein: '74-2051183',
  address: { street: '1100 Congress Ave Ste 300', city: 'Austin', state: 'TX', zip: '78701-2412' },
  phone: '(512) 555-0170 x12',
  contact: {
    name: 'Sam Ortiz',
    title: 'People Operations Lead',
    phone: '512-555-0171',
    email: 'people@lonestar.example',
  },
  timeZone: null,
  employmentStates: null,
  taxYearStartMonth: 1,
};

export const SAMPLE_HIRE: HireValues = {
  offeredOn: '2026-03-03',
  hiredOn: '2026-03-05',
  anticipatedStartOn: '2026-03-09',
  startedOn: '2026-03-09',
  position: 'Dock worker',
  startingWage: 18.5,
  employedInState: 'TX',
};
