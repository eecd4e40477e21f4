import type { FastifyInstance } from 'fastify';
import type { InviteUserBody, UpdateUserBody } from '@eligo/shared/schemas/users';
import { AppError } from '../../lib/app-error.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { insertOnce } from '../../lib/db/index.ts';
import { mailLimits, withReservation } from '../../lib/limits/mail-limits.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { existingAccountInvitationMail, userInvitationMail } from './user-invitation-mail.ts';
import { elsewhereKey, userModel, type UserDocument } from './user.model.ts';

/** The outbox kind of the invitation email. */
export const USER_INVITATION_MAIL = 'user.invitation';

/**
 * An invitation waiting in the outbox is sent only while its link is the user's current one (a
 * newer invitation, a deactivation or a set password make it pointless: its link would be dead).
 */
export function handleInvitationMail(app: FastifyInstance): void {
  const Users = userModel(app.mongo);
  app.mail.handle(USER_INVITATION_MAIL, {
    stillWanted: async (ref, organizationId) =>
      Boolean(
        await scoped(Users, organizationId).exists({
          _id: ref.userId,
          status: 'invited',
          inviteTokenHash: ref.tokenHash || null,
        }),
      ),
  });
}

/** User management inside the caller's organization. Every query goes through `scoped()`. */
export function usersService(app: FastifyInstance) {
  const Users = userModel(app.mongo);
  const { publicUrl, invitationTtlMs } = app.config;
  const limits = mailLimits(app);

  async function findOrNotFound(ctx: AuthContext, id: string): Promise<UserDocument> {
    const user = await scoped(Users, ctx.organization._id).findById(id);
    if (!user) throw AppError.notFound('No such user');
    return user;
  }

  /**
   * Gives the user a fresh invitation token (the old one stops working) and queues the email with
   * the link (the outbox sends it; an older invitation still waiting there is then dropped); to an
   * address whose account is elsewhere, the mail that says so instead (no link, no token).
   */
  async function sendInvitation(ctx: AuthContext, user: UserDocument): Promise<void> {
    const token = randomToken();
    user.inviteTokenHash = user.accountElsewhere ? null : hashToken(token);
    user.inviteExpiresAt = new Date(Date.now() + invitationTtlMs);
    await user.save();
    const who = {
      to: user.email,
      inviteeName: user.name,
      inviterName: ctx.user.name,
      organizationName: ctx.organization.name,
    };
    await app.mail.enqueue(
      user.accountElsewhere
        ? existingAccountInvitationMail({ ...who, signInUrl: `${publicUrl}/login` })
        : userInvitationMail({
            ...who,
            link: `${publicUrl}/set-password#token=${token}`,
            expiresAt: user.inviteExpiresAt,
          }),
      {
        organizationId: ctx.organization._id,
        kind: USER_INVITATION_MAIL,
        // No token for an address whose account is elsewhere: '' stands for none.
        ref: { userId: user._id.toHexString(), tokenHash: user.inviteTokenHash ?? '' },
      },
    );
  }

  const alreadyHere = () =>
    AppError.conflict('Someone with this email is already a user of your organization');

  /** Creates the invited user (or, when the address has an account elsewhere, its stand-in). */
  async function createInvited(
    ctx: AuthContext,
    body: InviteUserBody,
    emailNormalized: string,
  ): Promise<UserDocument> {
    const Scoped = scoped(Users, ctx.organization._id);
    const fields = {
      name: body.name.trim(),
      email: body.email.trim(),
      role: body.role,
      status: 'invited' as const,
      invitedBy: ctx.user._id,
    };
    // Unique email: the first of racing invitations wins (insertOnce).
    const create = (key: string, accountElsewhere: boolean) =>
      insertOnce(() => Scoped.create({ ...fields, emailNormalized: key, accountElsewhere }));
    const invited = await create(emailNormalized, false);
    if (invited.won) return invited.value;
    // Taken: by someone of this organization who was invited at the same moment, or elsewhere.
    if (await Scoped.exists({ emailNormalized })) throw alreadyHere();
    const elsewhere = await create(elsewhereKey(ctx.organization._id, emailNormalized), true);
    if (!elsewhere.won) throw alreadyHere();
    return elsewhere.value;
  }

  return {
    async list(ctx: AuthContext): Promise<UserDocument[]> {
      return scoped(Users, ctx.organization._id).find({}, null, { sort: { createdAt: 1 } });
    },

    /**
     * Invites someone by email. An address that already has an account in another organization
     * gets the same answer as any other (a listed invitation, 201, the same body) and a mail
     * explaining what happened: inviting is no way to learn who has an account (issue 26). Only
     * an address already in the caller's own organization, which the admin can see anyway, is a
     * conflict. Counts against the mail limits either way.
     */
    async invite(ctx: AuthContext, body: InviteUserBody): Promise<UserDocument> {
      const emailNormalized = normalizeEmail(body.email);
      const ownKeys = [emailNormalized, elsewhereKey(ctx.organization._id, emailNormalized)];
      if (await scoped(Users, ctx.organization._id).exists({ emailNormalized: { $in: ownKeys } }))
        throw alreadyHere();
      return withReservation(
        limits.invitation(ctx.organization._id, emailNormalized, '/body/email'),
        async () => {
          const user = await createInvited(ctx, body, emailNormalized);
          await sendInvitation(ctx, user);
          return { result: user, sent: true };
        },
      );
    },

    async update(ctx: AuthContext, id: string, body: UpdateUserBody): Promise<UserDocument> {
      const user = await findOrNotFound(ctx, id);
      // An admin cannot lock themselves out; this also keeps at least one active admin.
      if (user._id.equals(ctx.user._id))
        throw AppError.badRequest('You cannot change your own role or deactivate yourself');
      if (body.role) user.role = body.role;
      if (body.status === 'deactivated' && user.status !== 'deactivated') {
        user.status = 'deactivated';
        user.inviteTokenHash = null;
        user.inviteExpiresAt = null;
      } else if (body.status === 'active' && user.status === 'deactivated') {
        // Someone who never set a password goes back to "invited" and needs a new invitation.
        user.status = user.passwordHash ? 'active' : 'invited';
      }
      await user.save();
      // Sessions carry the role: a new one takes effect on the next request; deactivation ends them.
      await app.sessions.syncUser(user);
      return user;
    },

    async resendInvitation(ctx: AuthContext, id: string): Promise<UserDocument> {
      const user = await findOrNotFound(ctx, id);
      if (user.status !== 'invited')
        throw AppError.badRequest(
          'Only invited users who have not set a password yet can get a new invitation',
        );
      const address = user.accountElsewhere
        ? user.emailNormalized.slice(elsewhereKey(ctx.organization._id, '').length)
        : user.emailNormalized;
      return withReservation(
        limits.invitation(ctx.organization._id, address, '/params/id'),
        async () => {
          await sendInvitation(ctx, user);
          return { result: user, sent: true };
        },
      );
    },
  };
}
