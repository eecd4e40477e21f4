import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { AppError } from '../../lib/app-error.ts';
import type { Limit } from '../../lib/limits/attempt-limiter.ts';

/**
 * The limits on guessing passwords (README "Sign-in limits"), counted in the database by
 * `app.attempts` so that every API instance sees them and parallel requests cannot slip past:
 *
 * - per client address: LOGIN_MAX_ATTEMPTS_PER_IP sign-in and sign-up attempts per 15 minutes;
 * - per account: LOGIN_MAX_ATTEMPTS_PER_EMAIL failed sign-ins per 15 minutes from browsers that
 *   never signed in to it; a browser that did (trusted-device cookie) has its own counter of the
 *   same size, so an attacker locking the account does not lock its owner out of their browser;
 * - per user: as many current-password checks per 15 minutes (changing the password).
 *
 * Each attempt reserves its slot before the password is verified and gives it back on success.
 */
export function signInLimits(app: FastifyInstance) {
  const { perEmail, perIp, windowMs } = app.config.loginLimits;
  const addressLimit: Limit = { max: perIp, windowMs };
  const accountLimit: Limit = { max: perEmail, windowMs };
  const accountKey = (email: string) => `sign-in:account:${email}`;

  async function reserve(key: string, limit: Limit, message: string) {
    const reservation = await app.attempts.reserve(key, limit);
    if (!reservation.ok) throw AppError.rateLimited(message, reservation.retryAfterSeconds);
    return reservation.release;
  }
  const tooManySignIns = 'Too many sign-in attempts. Please wait and try again.';

  return {
    /** Counts an attempt from `ip` (sign-in or sign-up); 429 over the limit. Returns its release. */
    reserveAddress: (ip: string) => reserve(`sign-in:address:${ip}`, addressLimit, tooManySignIns),

    /** Counts a sign-in attempt for an account, on the device's own counter when it is trusted. */
    reserveAccount: (email: string, trustedDeviceId: string | null) =>
      reserve(
        trustedDeviceId ? `sign-in:device:${trustedDeviceId}` : accountKey(email),
        accountLimit,
        tooManySignIns,
      ),

    /** Counts a current-password check of a signed-in user (changing the password). */
    reservePasswordCheck: (userId: Types.ObjectId) =>
      reserve(
        `password-check:${userId.toHexString()}`,
        accountLimit,
        'Too many wrong current passwords. Please wait and try again.',
      ),

    /** Lifts the lock an account's failed sign-ins put on browsers it does not know (admin action). */
    unlockAccount: (email: string) => app.attempts.clear(accountKey(email)),
  };
}

export type SignInLimits = ReturnType<typeof signInLimits>;
