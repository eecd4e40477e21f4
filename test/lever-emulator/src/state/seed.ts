import type { Account, ArchiveReason, Posting, Stage, User } from './types.ts';

/**
 * Fixed seed so other suites can refer to the same account, users and postings by id.
 * Every seeded user logs in with the password `lever`.
 */
export const SEED_PASSWORD = 'lever';
const SEEDED_AT = Date.UTC(2024, 0, 15, 9, 0, 0);

export const seedAccount: Account = {
  id: '6f1c3a52-9d0e-4b7a-8c21-3e5f7a9b1d40',
  name: 'Acme Logistics',
};

export const seedUsers: User[] = [
  {
    id: 'e2a9c0b7-1d34-4f6b-8e55-7a0c3b2d9f10',
    name: 'Sam Super',
    username: 'sam',
    email: 'sam.super@acme.example',
    accessRole: 'super admin',
    password: SEED_PASSWORD,
    createdAt: SEEDED_AT,
  },
  {
    id: '77b0d1e2-3f45-4a6b-8c7d-9e0f1a2b3c4d',
    name: 'Alex Admin',
    username: 'alex',
    email: 'alex.admin@acme.example',
    accessRole: 'admin',
    password: SEED_PASSWORD,
    createdAt: SEEDED_AT,
  },
  {
    id: '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
    name: 'Terry Team',
    username: 'terry',
    email: 'terry.team@acme.example',
    accessRole: 'team member',
    password: SEED_PASSWORD,
    createdAt: SEEDED_AT,
  },
];

const [sam, alex] = seedUsers as [User, User, User];

function posting(id: string, text: string, extra: Partial<Posting>): Posting {
  return {
    id,
    text,
    state: 'published',
    confidentiality: 'non-confidential',
    team: 'Fulfillment',
    department: 'Operations',
    location: 'Columbus, OH',
    commitment: 'Full-time',
    ownerId: sam.id,
    hiringManagerId: alex.id,
    workplaceType: 'onsite',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    ...extra,
  };
}

export const seedPostings: Posting[] = [
  posting('c4d5e6f7-0a1b-4c2d-9e3f-405162738495', 'Warehouse Associate', {}),
  posting('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'Forklift Operator', {
    commitment: 'Part-time',
  }),
  posting('9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', 'Customer Service Representative', {
    team: 'Support',
    department: 'Customer Experience',
    workplaceType: 'remote',
    location: 'Remote',
  }),
  posting('2b3c4d5e-6f70-4819-9a2b-3c4d5e6f7081', 'Regional Director (confidential)', {
    confidentiality: 'confidential',
    state: 'internal',
    team: 'Leadership',
    department: 'Executive',
  }),
];

/** Lever's default pipeline stages use slug ids; custom stages use UUIDs. */
export const seedStages: Stage[] = [
  { id: 'lead-new', text: 'New lead' },
  { id: 'lead-reached-out', text: 'Reached out' },
  { id: 'lead-responded', text: 'Responded' },
  { id: 'applicant-new', text: 'New applicant' },
  { id: '4b6d8f0a-2c4e-4a6b-8d0f-1a3c5e7a9b2d', text: 'Phone screen' },
  { id: 'offer', text: 'Offer' },
];

/**
 * Archive reasons as Lever's documentation lists them by default: one `hired` reason, the rest
 * `non-hired`, one of them inactive. The hire action archives with `HIRED_ARCHIVE_REASON_ID`.
 */
export const HIRED_ARCHIVE_REASON_ID = '5d1e2f30-4a5b-4c6d-8e7f-90a1b2c3d4e5';
export const seedArchiveReasons: ArchiveReason[] = [
  {
    id: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
    text: 'Underqualified',
    status: 'active',
    type: 'non-hired',
  },
  {
    id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    text: 'Culture Fit',
    status: 'active',
    type: 'non-hired',
  },
  {
    id: '6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c',
    text: 'Timing',
    status: 'active',
    type: 'non-hired',
  },
  {
    id: '0f1e2d3c-4b5a-4968-a7b6-c5d4e3f2a1b0',
    text: 'Withdrew',
    status: 'active',
    type: 'non-hired',
  },
  {
    id: '9b8a7f6e-5d4c-4b3a-8f2e-1d0c9b8a7f6e',
    text: 'Offer declined',
    status: 'active',
    type: 'non-hired',
  },
  { id: HIRED_ARCHIVE_REASON_ID, text: 'Hired', status: 'active', type: 'hired' },
  {
    id: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
    text: 'Position filled',
    status: 'inactive',
    type: 'non-hired',
  },
];
