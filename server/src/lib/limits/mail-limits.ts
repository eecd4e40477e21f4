import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { AppError } from '../app-error.ts';
import type { Limit } from './attempt-limiter.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Gives back what was reserved (the mail did not go out). */
export type Release = () => Promise<void>;

interface Step {
  key: string;
  limit: Limit;
  /** The sentence for the person refused, given when they can try again ("in about 5 hours"). */
  refusal: (when: string) => string;
  /**
   * The part of the request this limit is about (`/body/email`), when it is one value and not the
   * whole action: the refusal names it in `details`, so the UI disables the button for that value
   * only (another address can still be invited).
   */
  about?: string;
}

/** "in about 5 hours", "in 12 minutes", "in a minute": when a refused action can be tried again. */
export function whenAgain(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 1) return 'in a minute';
  if (minutes < 60) return `in ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? 'in about an hour' : `in about ${hours} hours`;
}

/**
 * The limits on mail that people make Eligo send (README "Accounts and security notes"): an admin
 * resending the survey or inviting colleagues, and open sign-up. Counted in the database by
 * `app.attempts` over sliding windows, so every API instance shares them and parallel requests
 * cannot slip past. A refusal is `429` with `Retry-After` and a sentence saying when to try again.
 *
 * Every limit is reserved before anything is looked up or sent, whatever the outcome will be (a
 * new address or one that has an account elsewhere): the limits themselves tell nothing.
 */
export function mailLimits(app: FastifyInstance) {
  const limits = app.config.mailLimits;
  const perOrganization: (organizationId: Types.ObjectId) => Step = (organizationId) => ({
    key: `mail:organization:${organizationId.toHexString()}`,
    limit: { max: limits.perOrganizationPerHour, windowMs: HOUR_MS },
    refusal: (when) =>
      `Your organization has sent ${limits.perOrganizationPerHour} emails in the last hour, the most allowed. You can send more ${when}.`,
  });

  /** Reserves every step in turn; on a refusal, gives back the ones already taken. */
  async function reserveAll(steps: Step[]): Promise<Release> {
    const taken: Release[] = [];
    for (const step of steps) {
      const reservation = await app.attempts.reserveSliding(step.key, step.limit);
      if (!reservation.ok) {
        await Promise.all(taken.map((release) => release()));
        const seconds = reservation.retryAfterSeconds;
        const message = step.refusal(whenAgain(seconds));
        const details = step.about ? [{ path: step.about, message }] : undefined;
        throw AppError.rateLimited(message, seconds, details);
      }
      taken.push(reservation.release);
    }
    return async () => {
      await Promise.all(taken.map((release) => release()));
    };
  }

  return {
    /** A survey email an admin sends one applicant: "Resend survey" or "Save email and send". */
    surveyMail: (organizationId: Types.ObjectId, applicantId: Types.ObjectId) =>
      reserveAll([
        {
          key: `mail:survey:${applicantId.toHexString()}`,
          limit: { max: limits.resendsPerApplicantPerDay, windowMs: DAY_MS },
          refusal: (when) =>
            `This applicant was already emailed the survey ${limits.resendsPerApplicantPerDay} times in the last 24 hours. You can send it again ${when}.`,
        },
        perOrganization(organizationId),
      ]),

    /**
     * An invitation to `emailNormalized`, new or sent again (`about`: where the request names the
     * address). An organization younger than NEW_ORGANIZATION_DAYS (its id tells when it was
     * created) has a tighter daily limit.
     */
    invitation(
      organizationId: Types.ObjectId,
      emailNormalized: string,
      about: '/body/email' | '/params/id',
    ): Promise<Release> {
      const { newOrganization } = limits;
      const age = Date.now() - organizationId.getTimestamp().getTime();
      const steps: Step[] = [
        {
          key: `mail:invitation:${organizationId.toHexString()}:${emailNormalized}`,
          limit: { max: limits.invitationsPerAddressPerDay, windowMs: DAY_MS },
          refusal: (when) =>
            `${limits.invitationsPerAddressPerDay} invitations were already sent to this address in the last 24 hours. You can send another ${when}.`,
          about,
        },
      ];
      if (age < newOrganization.days * DAY_MS) {
        steps.push({
          key: `mail:new-organization:${organizationId.toHexString()}`,
          limit: { max: newOrganization.invitationsPerDay, windowMs: DAY_MS },
          refusal: (when) =>
            `During its first ${newOrganization.days} days an organization can send ${newOrganization.invitationsPerDay} invitations a day. You can send more ${when}.`,
        });
      }
      steps.push(perOrganization(organizationId));
      return reserveAll(steps);
    },

    /** An open sign-up (ALLOW_SIGNUP), which emails the address: per client and per address. */
    signup: (ip: string, emailNormalized: string) =>
      reserveAll([
        {
          key: `mail:signup:address:${ip}`,
          limit: { max: limits.signupsPerIpPerDay, windowMs: DAY_MS },
          refusal: (when) =>
            `Too many sign-ups from your network in the last 24 hours. You can try again ${when}.`,
        },
        {
          key: `mail:signup:email:${emailNormalized}`,
          limit: { max: limits.signupsPerEmailPerDay, windowMs: DAY_MS },
          refusal: (when) =>
            `Too many sign-ups with this email address in the last 24 hours. You can try again ${when}.`,
          about: '/body/email',
        },
      ]),
  };
}

export type MailLimits = ReturnType<typeof mailLimits>;

/**
 * Runs `send` under a reservation: gives it back when `send` throws, or when it says no mail
 * went out (returns false), so that only mail really sent counts.
 */
export async function withReservation<T>(
  reserve: Promise<Release>,
  send: () => Promise<{ result: T; sent: boolean }>,
): Promise<T> {
  const release = await reserve;
  try {
    const { result, sent } = await send();
    if (!sent) await release();
    return result;
  } catch (error) {
    await release();
    throw error;
  }
}
