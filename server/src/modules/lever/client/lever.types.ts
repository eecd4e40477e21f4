/**
 * The parts of Lever's objects Eligo reads (lever-api.md §3–§5). Lever adds fields at will and
 * some samples disagree, so these are read tolerantly: everything beyond the ids may be missing.
 */
export interface LeverApplication {
  id: string;
  opportunityId?: string;
  posting?: string | null;
  type?: string;
  name?: string | null;
  email?: string | null;
  createdAt?: number;
  [field: string]: unknown;
}

export interface LeverOpportunity {
  id: string;
  /** `{archivedAt, reason}` (the reason is an archive reason's id) or null (lever-api.md §3.2). */
  archived?: { archivedAt?: number | null; reason?: string | null } | null;
  name?: string;
  contact?: string | { id: string; emails?: string[] };
  emails?: string[];
  tags?: string[];
  origin?: string;
  location?: string;
  confidentiality?: string;
  isAnonymized?: boolean;
  createdAt?: number;
  /** Ids, or objects with `expandApplications`. */
  applications?: Array<string | LeverApplication>;
  [field: string]: unknown;
}

export interface LeverPosting {
  id: string;
  /** The job title. */
  text?: string;
  state?: string;
  confidentiality?: string;
  categories?: { location?: string | null; [field: string]: unknown };
  [field: string]: unknown;
}

export interface LeverWebhook {
  id: string;
  url: string;
  event: string;
  createdAt?: number;
  configuration?: { conditions?: { origins?: string[] } };
}

export interface CreatedLeverWebhook extends LeverWebhook {
  /** Returned only by the create call (lever-api.md §5.7): store it at once. */
  signatureToken: string;
}

export interface NewLeverWebhook {
  url: string;
  event: string;
  /** Candidate origins to limit the event to (null: all). */
  origins?: string[] | null;
}

/** A page of one of Lever's lists (lever-api.md §2.3): pass `next` back as `offset`. */
export interface LeverPage<T> {
  data: T[];
  hasNext: boolean;
  next: string | null;
}

/** An archive reason (`GET /archive_reasons`): `type` `hired` or `non-hired`. */
export interface LeverArchiveReason {
  id: string;
  text?: string;
  status?: string;
  type?: string;
}

/**
 * An offer (`GET /opportunities/:id/offers`, scope `offers:read:admin`): its standard fields are
 * `{identifier, value}` pairs (`job_title`, `anticipated_start_date`, `salary_amount`,
 * `salary_interval`, `compensation_currency`…).
 */
export interface LeverOffer {
  id: string;
  createdAt?: number;
  status?: string;
  sentAt?: number | null;
  fields?: Array<{ identifier?: string; text?: string; value?: unknown }>;
  [field: string]: unknown;
}
