/** Storage shapes of the emulator's in-memory state. API responses are built from these by mappers. */

export type AccessRole = 'super admin' | 'admin' | 'team member';
export type Origin = 'agency' | 'applied' | 'internal' | 'referred' | 'sourced' | 'university';
export const origins: Origin[] = [
  'applied',
  'sourced',
  'referred',
  'university',
  'agency',
  'internal',
];

export interface Account {
  id: string;
  name: string;
}

export interface User {
  id: string;
  name: string;
  username: string;
  email: string;
  accessRole: AccessRole;
  password: string;
  createdAt: number;
}

export interface Stage {
  id: string;
  text: string;
}

export interface Posting {
  id: string;
  text: string;
  state: 'published' | 'internal' | 'closed' | 'draft';
  confidentiality: 'non-confidential' | 'confidential';
  team: string;
  department: string;
  location: string;
  commitment: string;
  ownerId: string;
  hiringManagerId: string;
  workplaceType: 'onsite' | 'remote' | 'hybrid' | 'unspecified';
  createdAt: number;
  updatedAt: number;
}

export interface Contact {
  id: string;
  name: string;
  headline: string;
  location: string;
  emails: string[];
  phones: { type: string | null; value: string }[];
  isAnonymized: boolean;
}

export interface Application {
  id: string;
  opportunityId: string;
  createdAt: number;
  type: 'posting' | 'user' | 'referral';
  postingId: string;
  name: string;
  email: string | null;
  phone: { type: string | null; value: string } | null;
}

export interface Opportunity {
  id: string;
  contactId: string;
  stageId: string;
  stageChanges: {
    toStageId: string;
    toStageIndex: number;
    userId: string | null;
    updatedAt: number;
  }[];
  archived: { archivedAt: number; reason: string } | null;
  tags: string[];
  sources: string[];
  origin: Origin;
  ownerId: string | null;
  followerIds: string[];
  applicationIds: string[];
  confidentiality: 'non-confidential' | 'confidential';
  createdAt: number;
  updatedAt: number;
  lastInteractionAt: number;
  lastAdvancedAt: number;
  deletedAt: number | null;
  deletedBy: string | null;
}

/** An archive reason (Lever: `{id, text, status, type}`); `hired` ones mark a hire. */
export interface ArchiveReason {
  id: string;
  text: string;
  status: 'active' | 'inactive';
  type: 'hired' | 'non-hired';
}

/** Lever's offer statuses (developer documentation, Offers). */
export type OfferStatus =
  | 'draft'
  | 'approval-sent'
  | 'approved'
  | 'sent'
  | 'sent-manually'
  | 'opened'
  | 'denied'
  | 'signed';

/** An offer as stored; `api/offers.routes.ts` renders Lever's shape with `fields[]` and `signatures`. */
export interface Offer {
  id: string;
  opportunityId: string;
  createdAt: number;
  creatorId: string;
  status: OfferStatus;
  approvedAt: number | null;
  sentAt: number | null;
  /** When the candidate signed (null: not signed). */
  signedAt: number | null;
  postingId: string | null;
  jobTitle: string | null;
  /** Epoch ms, as Lever's date fields are written; null when the offer leaves it empty. */
  anticipatedStartDate: number | null;
  salaryAmount: number | null;
  salaryInterval: string | null;
}

export interface Note {
  id: string;
  opportunityId: string;
  value: string;
  createdAt: number;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  name: string;
}

/** A consent given by a Super Admin: one "Authorized App" entry of the account. */
export interface Grant {
  id: string;
  clientId: string;
  accountId: string;
  userId: string;
  scopes: string[];
  createdAt: number;
  revokedAt: number | null;
}

/** Login-and-consent in progress, between GET /authorize and the redirect back. */
export interface AuthTransaction {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  userId: string | null;
  createdAt: number;
}

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  grantId: string;
  scopes: string[];
  expiresAt: number;
  usedAt: number | null;
}

export interface RefreshToken {
  token: string;
  familyId: string;
  grantId: string;
  scopes: string[];
  familyCreatedAt: number;
  issuedAt: number;
  rotatedAt: number | null;
  revokedAt: number | null;
}

export interface AccessTokenRecord {
  token: string;
  clientId: string | null;
  grantId: string | null;
  apiKeyId: string | null;
  userId: string;
  scopes: string[];
  expiresAt: number | null;
}

export interface ApiKey {
  id: string;
  label: string;
  key: string;
  confidentialAccess: boolean;
  createdAt: number;
  revokedAt: number | null;
}

export interface Webhook {
  id: string;
  url: string;
  event: string;
  origins: Origin[] | null;
  signatureToken: string;
  createdVia: 'api' | 'ui';
  clientId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface DeliveryAttempt {
  at: number;
  token: string;
  status: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
}

export interface Delivery {
  id: string;
  webhookId: string;
  url: string;
  event: string;
  kind: 'event' | 'test' | 'rerun';
  rerunOf: string | null;
  eventId: string;
  triggeredAt: number;
  data: Record<string, unknown>;
  attempts: DeliveryAttempt[];
  outcome: 'pending' | 'succeeded' | 'failed';
  createdAt: number;
}
