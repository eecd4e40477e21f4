import { Types } from 'mongoose';
import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import type { SignupBody } from '@eligo/shared/schemas/auth';
import { AppError } from '../../lib/app-error.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { mailLimits, withReservation } from '../../lib/limits/mail-limits.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { userModel } from '../users/index.ts';
import { founderCreator } from './founder.ts';
import { signInLimits } from './sign-in-limits.ts';
import { confirmSignupMail, existingAccountSignupMail } from './signup-mail.ts';
import { signupRequestModel } from './signup-request.model.ts';

/**
 * Whose key seals a sign-up confirmation in the outbox: the organization does not exist until the
 * link is followed, so these mails share one pseudo-organization's data key.
 */
const PENDING_SIGNUPS = new Types.ObjectId('000000000000000000000001');

/**
 * Sign-up when ALLOW_SIGNUP keeps it open to more organizations (issue 26). Every request gets
 * the same answer, whether or not the address has an account: the organization is created only
 * once the link mailed to the address is opened, and an address that has an account gets a mail
 * saying so instead. Requests count per client address and per email address
 * (SIGNUPS_PER_IP_PER_DAY, SIGNUPS_PER_EMAIL_PER_DAY) before anything is looked up.
 */
export function openSignup(app: FastifyInstance) {
  const Requests = signupRequestModel(app.mongo);
  const Users = userModel(app.mongo);
  const limits = mailLimits(app);
  const signIn = signInLimits(app);
  const createFounder = founderCreator(app);
  const { publicUrl, invitationTtlMs } = app.config;

  const linkInvalid = () =>
    new AppError(
      ErrorCode.SignupLinkInvalid,
      'This sign-up link has expired or was already used. Sign up again.',
    );

  return {
    /** Records the request and mails the address; resolves once the mail went out. */
    async request(body: SignupBody, ip: string): Promise<void> {
      const emailNormalized = normalizeEmail(body.email);
      const releaseAddress = await signIn.reserveAddress(ip);
      await withReservation(limits.signup(ip, emailNormalized), async () => {
        // Both answers cost a password hash, so that timing does not tell them apart either.
        const passwordHash = await hashPassword(body.password);
        const account = await Users.findOne({ emailNormalized }).setOptions({ skipTenant: true });
        if (account) {
          await app.mail.enqueue(
            existingAccountSignupMail({
              to: account.email,
              name: account.name,
              signInUrl: `${publicUrl}/login`,
            }),
            { organizationId: account.organizationId, kind: 'auth.signup-existing-account' },
          );
        } else {
          const token = randomToken();
          const expiresAt = new Date(Date.now() + invitationTtlMs);
          await Requests.create({
            _id: hashToken(token),
            organizationName: body.organizationName.trim(),
            name: body.name.trim(),
            email: body.email.trim(),
            passwordHash,
            expiresAt,
          });
          const link = `${publicUrl}/signup/confirm#token=${token}`;
          await app.mail.enqueue(confirmSignupMail({ to: body.email.trim(), link, expiresAt }), {
            organizationId: PENDING_SIGNUPS,
            kind: 'auth.signup-confirmation',
          });
        }
        return { result: undefined, sent: true };
      });
      await releaseAddress();
    },

    /** Deletes the requests whose link has expired (run periodically). */
    async deleteExpired(): Promise<void> {
      await Requests.deleteMany({ expiresAt: { $lte: new Date() } });
    },

    /** Opens a confirmation link once: creates the organization and its admin. */
    async confirm(token: string) {
      // Deleting the row claims it: of two clicks at once, one finds it.
      const request = await Requests.findOneAndDelete({
        _id: hashToken(token),
        expiresAt: { $gt: new Date() },
      });
      if (!request) throw linkInvalid();
      return createFounder(request);
    },
  };
}
