import type { FastifyInstance } from 'fastify';
import type { InviteUserBody, UpdateUserBody } from '@eligo/shared/schemas/users';
import { AppError } from '../../lib/app-error.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { insertOnce } from '../../lib/db/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { userInvitationMail } from './user-invitation-mail.ts';
import { userModel, type UserDocument } from './user.model.ts';

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
          inviteTokenHash: ref.tokenHash,
        }),
      ),
  });
}

/** User management inside the caller's organization. Every query goes through `scoped()`. */
export function usersService(app: FastifyInstance) {
  const Users = userModel(app.mongo);
  const { publicUrl, invitationTtlMs } = app.config;

  async function findOrNotFound(ctx: AuthContext, id: string): Promise<UserDocument> {
    const user = await scoped(Users, ctx.organization._id).findById(id);
    if (!user) throw AppError.notFound('No such user');
    return user;
  }

  /**
   * Gives the user a fresh invitation token (the old one stops working) and queues the email with
   * the link (the outbox sends it; an older invitation still waiting there is then dropped).
   */
  async function sendInvitation(ctx: AuthContext, user: UserDocument): Promise<void> {
    const token = randomToken();
    user.inviteTokenHash = hashToken(token);
    user.inviteExpiresAt = new Date(Date.now() + invitationTtlMs);
    await user.save();
    await app.mail.enqueue(
      userInvitationMail({
        to: user.email,
        inviteeName: user.name,
        inviterName: ctx.user.name,
        organizationName: ctx.organization.name,
        link: `${publicUrl}/set-password#token=${token}`,
        expiresAt: user.inviteExpiresAt,
      }),
      {
        organizationId: ctx.organization._id,
        kind: USER_INVITATION_MAIL,
        ref: { userId: user._id.toHexString(), tokenHash: user.inviteTokenHash },
      },
    );
  }

  return {
    async list(ctx: AuthContext): Promise<UserDocument[]> {
      return scoped(Users, ctx.organization._id).find({}, null, { sort: { createdAt: 1 } });
    },

    async invite(ctx: AuthContext, body: InviteUserBody): Promise<UserDocument> {
      const inserted = await insertOnce(() =>
        scoped(Users, ctx.organization._id).create({
          name: body.name.trim(),
          email: body.email.trim(),
          emailNormalized: normalizeEmail(body.email),
          role: body.role,
          status: 'invited',
          invitedBy: ctx.user._id,
        }),
      );
      if (!inserted.won)
        throw AppError.conflict('Someone with this email already has an Eligo account');
      await sendInvitation(ctx, inserted.value);
      return inserted.value;
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
      await sendInvitation(ctx, user);
      return user;
    },
  };
}
