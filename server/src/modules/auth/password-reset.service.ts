import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import { PASSWORD_RESET_TTL_MINUTES } from '@eligo/shared/schemas/auth';
import { AppError } from '../../lib/app-error.ts';
import { normalizeEmail } from '../../lib/email.ts';
import type { Limit } from '../../lib/limits/attempt-limiter.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { isDuplicateKeyError } from '../../lib/db/index.ts';
import { userModel } from '../users/index.ts';
import { passwordResetMail } from './password-reset-mail.ts';
import { passwordResetModel } from './password-reset.model.ts';
import { signInLimits } from './sign-in-limits.ts';
import { tokenReceiptModel } from './token-receipt.model.ts';

const HOUR_MS = 60 * 60_000;
/** Links asked for one email per hour: enough for a lost email, too few to flood an inbox. */
const PER_EMAIL: Limit = { max: 3, windowMs: HOUR_MS };
/** Requests per client address per hour, whatever the emails (someone probing many addresses). */
const PER_ADDRESS: Limit = { max: 10, windowMs: HOUR_MS };

/**
 * "Forgot password?": a one-time link by email, and the new password set from it (README
 * "Password reset"). The request answers the same whether or not the email has an account: the
 * account is looked up and the email sent after the answer, so not even the timing tells. Limits
 * are counted in the database (`app.attempts`), so every API instance shares them.
 */
export function passwordResetService(app: FastifyInstance) {
  const Users = userModel(app.mongo);
  const Resets = passwordResetModel(app.mongo);
  const Receipts = tokenReceiptModel(app.mongo);
  const limits = signInLimits(app);
  const { publicUrl } = app.config;
  const sending = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...sending]);
  });

  const linkInvalid = () =>
    new AppError(
      ErrorCode.ResetLinkInvalid,
      'This password reset link has expired or was already used. Ask for a new one.',
    );

  /** Emails an active account a new link; an older link of the account stops working. */
  async function sendLink(emailNormalized: string): Promise<void> {
    const user = await Users.findOne({ emailNormalized }).setOptions({ skipTenant: true });
    if (!user || user.status !== 'active') return;
    const token = randomToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000);
    const resets = scoped(Resets, user.organizationId);
    await resets.deleteMany({ userId: user._id });
    await resets.create({ _id: hashToken(token), userId: user._id, expiresAt, createdAt: now });
    await app.mail.enqueue(
      passwordResetMail({
        to: user.email,
        name: user.name,
        link: `${publicUrl}/reset-password/${token}`,
        expiresAt,
      }),
      { organizationId: user.organizationId, kind: 'auth.password-reset' },
    );
  }

  return {
    /**
     * Counts the request (429 past the address's limit), then sends the link in the background.
     * Past the email's limit nothing is sent, with the same answer: the links already sent work.
     */
    async forgot(email: string, ip: string): Promise<void> {
      const address = await app.attempts.reserve(`password-reset:address:${ip}`, PER_ADDRESS);
      if (!address.ok) {
        throw AppError.rateLimited(
          'Too many password reset requests from here. Please wait and try again.',
          address.retryAfterSeconds,
        );
      }
      const emailNormalized = normalizeEmail(email);
      const account = await app.attempts.reserve(
        `password-reset:email:${emailNormalized}`,
        PER_EMAIL,
      );
      if (!account.ok) return;
      const work = sendLink(emailNormalized).catch((error: unknown) => {
        app.log.error({ err: error }, 'sending a password reset link failed');
      });
      sending.add(work);
      void work.finally(() => sending.delete(work));
    },

    /**
     * Sets the new password once per link (the receipt is a unique insert), ends every session of
     * the account, forgets its other links and lifts the lock failed sign-ins put on it.
     */
    async reset(token: string, password: string): Promise<void> {
      const tokenHash = hashToken(token);
      const reset = await Resets.findOne({ _id: tokenHash }).setOptions({ skipTenant: true });
      if (!reset || reset.expiresAt.getTime() <= Date.now()) throw linkInvalid();
      try {
        await Receipts.create({ _id: tokenHash, purpose: 'password_reset', usedAt: new Date() });
      } catch (error) {
        if (isDuplicateKeyError(error)) throw linkInvalid();
        throw error;
      }
      const user = await scoped(Users, reset.organizationId).findById(reset.userId);
      if (!user || user.status !== 'active') throw linkInvalid();
      user.passwordHash = await hashPassword(password);
      await user.save();
      await app.sessions.destroyAllForUser(user._id);
      await scoped(Resets, reset.organizationId).deleteMany({ userId: user._id });
      await limits.unlockAccount(user.emailNormalized);
    },
  };
}
