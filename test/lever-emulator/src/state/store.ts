import type { Switches } from '../options.ts';
import { seedAccount, seedArchiveReasons, seedPostings, seedStages, seedUsers } from './seed.ts';
import type {
  AccessTokenRecord,
  Account,
  ApiKey,
  Application,
  ArchiveReason,
  AuthCode,
  AuthTransaction,
  Contact,
  Delivery,
  Grant,
  Note,
  OAuthClient,
  Offer,
  Opportunity,
  Posting,
  RefreshToken,
  Stage,
  User,
  Webhook,
} from './types.ts';

/** One injected fault: the next `remaining` matching /v1 calls answer `status`, or wait `delayMs` first. */
export interface Fault {
  id: string;
  kind: 'status' | 'delay';
  status: number;
  delayMs: number;
  remaining: number;
  /** Only calls whose path starts with this prefix (after `/v1`) are affected; empty = every call. */
  pathPrefix: string;
  /** `Retry-After` (seconds) sent with the forced status; null = none. */
  retryAfterSeconds: number | null;
}

/** Requests to POST /oauth/token, per grant type and answer (to prove single-flight refreshes). */
export interface TokenEndpointCounter {
  authorizationCode: number;
  refreshToken: number;
  byStatus: Record<string, number>;
}

/** API calls seen for one credential (access token or API key), for rate-limit assertions. */
export interface CallCounter {
  tokenId: string;
  kind: 'oauth' | 'apiKey' | 'invalid';
  clientId: string | null;
  grantId: string | null;
  calls: number;
  rateLimited: number;
  byStatus: Record<string, number>;
  firstAt: number;
  lastAt: number;
  /** Highest number of calls that arrived within any 1-second window. */
  peakPerSecond: number;
  recent: number[];
}

/** One /v1 call (or hire control call), as `/_emulator/requests` lists it. */
export interface ApiRequestRecord {
  at: number;
  method: string;
  /** Path after `/v1`, with its query string; control calls keep their `/_emulator/…` path. */
  path: string;
  status: number;
  /** The credential's short id (as in the counters), never the token itself; `control` for control calls. */
  tokenId: string;
  /** The JSON body of a write (e.g. `{tags: [...]}` for addTags), `null` for reads. */
  body: unknown;
}

export interface State {
  account: Account;
  users: Map<string, User>;
  postings: Map<string, Posting>;
  stages: Stage[];
  archiveReasons: ArchiveReason[];
  contacts: Map<string, Contact>;
  opportunities: Map<string, Opportunity>;
  applications: Map<string, Application>;
  notes: Map<string, Note>;
  offers: Map<string, Offer>;
  /** Opportunity ids to delete right after their applicationCreated event was emitted. */
  deleteAfterEvent: Set<string>;
  clients: Map<string, OAuthClient>;
  grants: Map<string, Grant>;
  transactions: Map<string, AuthTransaction>;
  codes: Map<string, AuthCode>;
  refreshTokens: Map<string, RefreshToken>;
  accessTokens: Map<string, AccessTokenRecord>;
  apiKeys: Map<string, ApiKey>;
  webhooks: Map<string, Webhook>;
  /** Delivery log, oldest first; capped at 1,000 entries and 14 days. */
  deliveries: Delivery[];
  eventGroups: Map<string, boolean>;
  uiSessions: Map<string, string>;
  faults: Fault[];
  /** The next this many webhook attempts reach the receiver but count as failed (response lost). */
  lostDeliveryResponses: number;
  counters: Map<string, CallCounter>;
  /** The /v1 calls, oldest first; capped at 5,000 entries. */
  requests: ApiRequestRecord[];
  tokenEndpoint: TokenEndpointCounter;
  /** Rate-limit token buckets per credential. */
  buckets: Map<string, { tokens: number; updatedAt: number }>;
  switches: Switches;
}

/** Webhook event groups as the settings page shows them, in Lever's order. */
export const eventGroups: { event: string; label: string; configurable: boolean }[] = [
  { event: 'applicationCreated', label: 'Application created', configurable: true },
  { event: 'candidateStageChange', label: 'Candidate stage change', configurable: true },
  { event: 'candidateArchiveChange', label: 'Candidate archive state change', configurable: true },
  { event: 'candidateHired', label: 'Candidate hired', configurable: true },
  { event: 'candidateDeleted', label: 'Candidate deleted', configurable: false },
  { event: 'interviewCreated', label: 'Interview created', configurable: false },
  { event: 'interviewUpdated', label: 'Interview updated', configurable: false },
  { event: 'interviewDeleted', label: 'Interview deleted', configurable: false },
  { event: 'contactCreated', label: 'Contact created', configurable: false },
  { event: 'contactUpdated', label: 'Contact updated', configurable: false },
];

export const isKnownEvent = (event: string): boolean => eventGroups.some((g) => g.event === event);

export function createState(client: OAuthClient, switches: Switches): State {
  const state = {
    clients: new Map([[client.clientId, client]]),
    switches: { ...switches },
  } as State;
  resetState(state, switches);
  return state;
}

/** Back to the seed: everything created since start is dropped; the OAuth client and switches stay. */
export function resetState(state: State, switches: Switches): void {
  state.account = { ...seedAccount };
  state.users = new Map(seedUsers.map((u) => [u.id, { ...u }]));
  state.postings = new Map(seedPostings.map((p) => [p.id, { ...p }]));
  state.stages = seedStages.map((s) => ({ ...s }));
  state.archiveReasons = seedArchiveReasons.map((r) => ({ ...r }));
  state.contacts = new Map();
  state.opportunities = new Map();
  state.applications = new Map();
  state.notes = new Map();
  state.offers = new Map();
  state.deleteAfterEvent = new Set();
  state.grants = new Map();
  state.transactions = new Map();
  state.codes = new Map();
  state.refreshTokens = new Map();
  state.accessTokens = new Map();
  state.apiKeys = new Map();
  state.webhooks = new Map();
  state.deliveries = [];
  state.eventGroups = new Map(
    eventGroups.map((g) => [g.event, switches.eventGroupsEnabledByDefault]),
  );
  state.uiSessions = new Map();
  state.faults = [];
  state.lostDeliveryResponses = 0;
  state.counters = new Map();
  state.requests = [];
  state.tokenEndpoint = { authorizationCode: 0, refreshToken: 0, byStatus: {} };
  state.buckets = new Map();
  state.switches = { ...switches };
}
