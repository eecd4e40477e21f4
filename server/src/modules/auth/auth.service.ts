import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import type { Invitation, LoginBody, SignupBody } from '@eligo/shared/schemas/auth';
import { AppError } from '../../lib/app-error.ts';
import { isDuplicateKeyError, normalizeEmail } from '../../lib/email.ts';
import { retryOnDeadlock } from '../../lib/unique-insert.ts';
import { hashPassword, needsRehash, verifyPassword } from '../../lib/passwords.ts';
import { RateLimiter } from '../../lib/rate-limiter.ts';
import { hashToken } from '../../lib/tokens.ts';
import {
  organizationModel,
  type OrganizationDocument,
} from '../organizations/organization.model.ts';
import { userModel, type UserDocument } from '../users/user.model.ts';
import { systemLockModel } from './system-lock.model.ts';
import { tokenReceiptModel } from './token-receipt.model.ts';

const FIRST_SIGNUP_LOCK = 'first-organization';

export function authService(app: FastifyInstance) {
  const Users = userModel(app.mongo);
  const Organizations = organizationModel(app.mongo);
  const Locks = systemLockModel(app.mongo);
  const Receipts = tokenReceiptModel(app.mongo);
  const { allowSignup, loginLimits } = app.config;
  const perEmail = new RateLimiter(loginLimits.perEmail, loginLimits.windowMs);
  const perIp = new RateLimiter(loginLimits.perIp, loginLimits.windowMs);

  const invalidCredentials = () =>
    new AppError(ErrorCode.InvalidCredentials, 401, 'The email or password is not correct');
  const invitationInvalid = () =>
    new AppError(
      ErrorCode.InvitationInvalid,
      400,
      'This invitation link has expired or was already used. Ask your admin for a new one.',
    );

  /** The invited user a live invitation token belongs to (lookup across organizations by design). */
  async function invitedUser(token: string): Promise<UserDocument> {
    const user = await Users.findOne({ inviteTokenHash: hashToken(token) }).setOptions({
      skipTenant: true,
    });
    if (
      !user ||
      user.status !== 'invited' ||
      !user.inviteExpiresAt ||
      user.inviteExpiresAt <= new Date()
    ) {
      throw invitationInvalid();
    }
    return user;
  }

  async function organizationOf(user: UserDocument): Promise<OrganizationDocument> {
    const organization = await Organizations.findById(user.organizationId);
    if (!organization)
      throw new Error(`organization ${user.organizationId.toHexString()} of a user is missing`);
    return organization;
  }

  return {
    async signupOpen(): Promise<boolean> {
      return allowSignup || (await Organizations.countDocuments({})) === 0;
    },

    /** Creates an organization and its first admin. Closed after the first one unless ALLOW_SIGNUP. */
    async signup(
      body: SignupBody,
    ): Promise<{ user: UserDocument; organization: OrganizationDocument }> {
      const signupClosed = () =>
        new AppError(
          ErrorCode.SignupClosed,
          403,
          'Sign-up is closed. Ask an admin of your organization to invite you.',
        );
      const emailNormalized = normalizeEmail(body.email);
      if (await Users.exists({ emailNormalized }).setOptions({ skipTenant: true })) {
        throw AppError.conflict('An account with this email already exists. Sign in instead.');
      }
      let claimedFirst = false;
      if (!allowSignup) {
        if ((await Organizations.countDocuments({})) > 0) throw signupClosed();
        // Two first sign-ups at once: the unique insert lets exactly one through.
        try {
          await Locks.create({ _id: FIRST_SIGNUP_LOCK, at: new Date() });
          claimedFirst = true;
        } catch (error) {
          if (isDuplicateKeyError(error)) throw signupClosed();
          throw error;
        }
      }
      const organization = await Organizations.create({ name: body.organizationName.trim() });
      try {
        const passwordHash = await hashPassword(body.password);
        // Unique email is a secondary index: FerretDB 2 may answer `deadlock detected` to a race.
        const user = await retryOnDeadlock(() =>
          Users.create({
            organizationId: organization._id,
            name: body.name.trim(),
            email: body.email.trim(),
            emailNormalized,
            role: 'admin',
            status: 'active',
            passwordHash,
            lastLoginAt: new Date(),
          }),
        );
        return { user, organization };
      } catch (error) {
        await Organizations.deleteOne({ _id: organization._id });
        if (claimedFirst) await Locks.deleteOne({ _id: FIRST_SIGNUP_LOCK });
        if (isDuplicateKeyError(error))
          throw AppError.conflict('An account with this email already exists. Sign in instead.');
        throw error;
      }
    },

    /**
     * Checks email and password. Unknown emails, wrong passwords and inactive accounts all cost one
     * Argon2 verification and get the same answer. Limited per IP and per email (429 + Retry-After).
     */
    async login(
      body: LoginBody,
      ip: string,
    ): Promise<{ user: UserDocument; organization: OrganizationDocument }> {
      const emailNormalized = normalizeEmail(body.email);
      const wait = Math.max(perIp.retryAfter(ip), perEmail.retryAfter(emailNormalized));
      if (wait > 0) {
        throw new AppError(
          ErrorCode.RateLimited,
          429,
          'Too many sign-in attempts. Please wait and try again.',
          undefined,
          {
            'retry-after': String(wait),
          },
        );
      }
      perIp.hit(ip);
      const user = await Users.findOne({ emailNormalized }).setOptions({ skipTenant: true });
      const usable = user?.status === 'active' ? user : null;
      if (!(await verifyPassword(usable?.passwordHash, body.password)) || !usable) {
        perEmail.hit(emailNormalized);
        throw invalidCredentials();
      }
      perEmail.reset(emailNormalized);
      usable.lastLoginAt = new Date();
      if (usable.passwordHash && needsRehash(usable.passwordHash))
        usable.passwordHash = await hashPassword(body.password);
      await usable.save();
      return { user: usable, organization: await organizationOf(usable) };
    },

    async inspectInvitation(token: string): Promise<Invitation> {
      const user = await invitedUser(token);
      const organization = await organizationOf(user);
      return { email: user.email, name: user.name, organizationName: organization.name };
    },

    /** Accepts an invitation once: the token's receipt is a unique insert, then the user is activated. */
    async acceptInvitation(
      token: string,
      password: string,
    ): Promise<{ user: UserDocument; organization: OrganizationDocument }> {
      const user = await invitedUser(token);
      try {
        await Receipts.create({ _id: hashToken(token), purpose: 'invitation', usedAt: new Date() });
      } catch (error) {
        if (isDuplicateKeyError(error)) throw invitationInvalid();
        throw error;
      }
      user.passwordHash = await hashPassword(password);
      user.status = 'active';
      user.inviteTokenHash = null;
      user.inviteExpiresAt = null;
      user.lastLoginAt = new Date();
      await user.save();
      return { user, organization: await organizationOf(user) };
    },
  };
}
