import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import type { Invitation, LoginBody, SignupBody } from '@eligo/shared/schemas/auth';
import { AppError } from '../../lib/app-error.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { insertOnce } from '../../lib/db/index.ts';
import { hashPassword, needsRehash, verifyPassword } from '../../lib/passwords.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { hashToken } from '../../lib/tokens.ts';
import { type OrganizationDocument, organizationModel } from '../organizations/index.ts';
import { type UserDocument, userModel } from '../users/index.ts';
import { signInLimits } from './sign-in-limits.ts';
import { trustedDevices } from './trusted-device.ts';
import { systemLockModel } from './system-lock.model.ts';
import { tokenReceiptModel } from './token-receipt.model.ts';

const FIRST_SIGNUP_LOCK = 'first-organization';

export function authService(app: FastifyInstance) {
  const Users = userModel(app.mongo);
  const Organizations = organizationModel(app.mongo);
  const Locks = systemLockModel(app.mongo);
  const Receipts = tokenReceiptModel(app.mongo);
  const { allowSignup } = app.config;
  const limits = signInLimits(app);
  const devices = trustedDevices(app.config.encryptionKey, app.config.previousEncryptionKey);

  const invalidCredentials = () =>
    new AppError(ErrorCode.InvalidCredentials, 'The email or password is not correct');
  const invitationInvalid = () =>
    new AppError(
      ErrorCode.InvitationInvalid,
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

    /**
     * Creates an organization and its first admin. Closed after the first one unless ALLOW_SIGNUP;
     * closed sign-up gives everyone the same answer (it never tells whether an email has an
     * account). Attempts count against the client address's sign-in limit.
     */
    async signup(
      body: SignupBody,
      ip: string,
    ): Promise<{ user: UserDocument; organization: OrganizationDocument }> {
      const signupClosed = () =>
        new AppError(
          ErrorCode.SignupClosed,
          'Sign-up is closed. Ask an admin of your organization to invite you.',
        );
      const emailTaken = () =>
        AppError.conflict('An account with this email already exists. Sign in instead.');
      const release = await limits.reserveAddress(ip);
      let claimedFirst = false;
      if (!allowSignup) {
        if ((await Organizations.countDocuments({})) > 0) throw signupClosed();
        // Two first sign-ups at once: the unique insert lets exactly one through.
        const lock = { _id: FIRST_SIGNUP_LOCK, at: new Date() };
        if (!(await insertOnce(() => Locks.create(lock))).won) throw signupClosed();
        claimedFirst = true;
      }
      const emailNormalized = normalizeEmail(body.email);
      if (await Users.exists({ emailNormalized }).setOptions({ skipTenant: true })) {
        if (claimedFirst) await Locks.deleteOne({ _id: FIRST_SIGNUP_LOCK });
        throw emailTaken();
      }
      const organization = await Organizations.create({ name: body.organizationName.trim() });
      try {
        const passwordHash = await hashPassword(body.password);
        // Unique email: a racing sign-up with the same email gets "taken".
        const inserted = await insertOnce(() =>
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
        if (!inserted.won) throw emailTaken();
        await release();
        return { user: inserted.value, organization };
      } catch (error) {
        await Organizations.deleteOne({ _id: organization._id });
        if (claimedFirst) await Locks.deleteOne({ _id: FIRST_SIGNUP_LOCK });
        throw error;
      }
    },

    /**
     * Checks email and password. Unknown emails, wrong passwords and inactive accounts all cost one
     * Argon2 verification and get the same answer. Each attempt first takes a slot of the address's
     * and the account's (or trusted device's) limit (429 + Retry-After when none is left) and gives
     * both back when the password is right.
     */
    async login(
      body: LoginBody,
      client: { ip: string; trustedDevice: string | undefined },
    ): Promise<{ user: UserDocument; organization: OrganizationDocument }> {
      const emailNormalized = normalizeEmail(body.email);
      const releaseAddress = await limits.reserveAddress(client.ip);
      const releaseAccount = await limits.reserveAccount(
        emailNormalized,
        devices.verify(client.trustedDevice, emailNormalized),
      );
      const user = await Users.findOne({ emailNormalized }).setOptions({ skipTenant: true });
      const usable = user?.status === 'active' ? user : null;
      if (!(await verifyPassword(usable?.passwordHash, body.password)) || !usable) {
        throw invalidCredentials();
      }
      await Promise.all([releaseAddress(), releaseAccount()]);
      usable.lastLoginAt = new Date();
      if (usable.passwordHash && needsRehash(usable.passwordHash))
        usable.passwordHash = await hashPassword(body.password);
      await usable.save();
      return { user: usable, organization: await organizationOf(usable) };
    },

    /** A trusted-device cookie value for a browser that just signed in as `user`. */
    trustDevice(user: UserDocument): string {
      return devices.issue(user.emailNormalized);
    },

    /**
     * Re-reads a user right after a session was started for them. A role change or a deactivation
     * saved between the sign-in's read and the session's insert updated every session but this new
     * one; syncing now closes that gap (whichever write came last, the session ends up right).
     */
    async confirmSignIn(user: UserDocument): Promise<UserDocument> {
      const fresh = await scoped(Users, user.organizationId).findById(user._id);
      await app.sessions.syncUser(fresh ?? { ...user.toObject(), status: 'deactivated' });
      if (!fresh || fresh.status !== 'active') throw invalidCredentials();
      return fresh;
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
      const receipt = { _id: hashToken(token), purpose: 'invitation', usedAt: new Date() };
      if (!(await insertOnce(() => Receipts.create(receipt))).won) throw invitationInvalid();
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
