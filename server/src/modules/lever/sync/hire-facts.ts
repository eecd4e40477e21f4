import { dayIn } from '@eligo/shared/filing';
import { isIsoDate } from '@eligo/shared/wotc/dates';
import type { LeverHireFacts } from '../../applicants/index.ts';
import type { LeverOffer } from '../client/lever.types.ts';

/**
 * What Lever says about a hire, as the dates and values of docs/filing.md §2. Pure: the job reads
 * Lever and the organization's time zone, this decides. An instant (`archivedAt`, an offer's
 * `sentAt`) is the calendar day it fell on in the organization's time zone; a date-only field
 * (`anticipated_start_date`) is the UTC calendar day of its timestamp (Lever stores date-only
 * fields as midnight UTC as far as anyone can tell: docs/lever-api.md §6, unconfirmed).
 */
export interface HireReading {
  /** `archived.archivedAt` of the opportunity (ms), when it is archived. */
  archivedAt: number | null;
  /** When Lever said the hire happened (the webhook's `triggeredAt`), for a not-yet-archived one. */
  triggeredAt: number | null;
  /** The opportunity's offers (empty without `offers:read:admin`, or when none was made). */
  offers: LeverOffer[];
  timeZone: string;
}

/** Offers a candidate never received (Lever's statuses: drafts, awaiting or refused approval). */
const UNSENT = new Set(['draft', 'approval-sent', 'approved', 'denied']);

/**
 * The offer the hire followed: the newest signed one, else the newest one that was sent (by Lever
 * or outside it: `sent-manually`), else none. Drafts and offers awaiting approval never count.
 */
export function hiringOffer(offers: LeverOffer[]): LeverOffer | null {
  const newest = (list: LeverOffer[]) =>
    list.reduce<LeverOffer | null>(
      (best, o) => (!best || (o.createdAt ?? 0) > (best.createdAt ?? 0) ? o : best),
      null,
    );
  return (
    newest(offers.filter((o) => o.status === 'signed')) ??
    newest(offers.filter((o) => !UNSENT.has(o.status ?? '')))
  );
}

const fieldOf = (offer: LeverOffer | null, identifier: string): unknown =>
  offer?.fields?.find((f) => f.identifier === identifier)?.value ?? null;

/** A date-only value: a timestamp (its UTC day) or already `YYYY-MM-DD`. */
function utcDay(value: unknown): string | null {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

const dayOf = (timeZone: string, ms: number | null | undefined) =>
  typeof ms === 'number' && Number.isFinite(ms) ? dayIn(timeZone, new Date(ms)) : null;

/**
 * The starting wage Form 9061 asks for is an hourly one: Lever's `salary_amount` counts only when
 * the offer says it is per hour (`salary_interval` `per-hour-wage`) and in US dollars (or says no
 * currency). A yearly salary is left for the admin rather than divided by a guessed number of
 * hours.
 */
function hourlyWage(offer: LeverOffer | null): number | null {
  const amount = fieldOf(offer, 'salary_amount');
  const interval = fieldOf(offer, 'salary_interval');
  const currency = fieldOf(offer, 'compensation_currency');
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return null;
  if (interval !== 'per-hour-wage') return null;
  if (currency !== null && currency !== 'USD') return null;
  return Math.round(amount * 100) / 100;
}

export function hireFactsFrom(reading: HireReading): LeverHireFacts {
  const offer = hiringOffer(reading.offers);
  const title = fieldOf(offer, 'job_title');
  return {
    offeredOn: dayOf(reading.timeZone, offer?.sentAt),
    hiredOn: dayOf(reading.timeZone, reading.archivedAt ?? reading.triggeredAt),
    anticipatedStartOn: utcDay(fieldOf(offer, 'anticipated_start_date')),
    position: typeof title === 'string' && title.trim() !== '' ? title.trim() : null,
    startingWage: hourlyWage(offer),
  };
}
