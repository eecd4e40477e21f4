import type { Connection, Types } from 'mongoose';
import type { Role } from '@eligo/shared/schemas/auth';
import { hashToken, randomToken } from '../tokens.ts';
import { sessionModel, type Session } from './session.model.ts';

/** Who a session belongs to: what the guard hands to route code as `requireAuth(request)`. */
export interface SessionIdentity {
  user: { _id: Types.ObjectId; name: string; email: string; role: Role };
  organization: { _id: Types.ObjectId; name: string };
}

export interface SessionTimeouts {
  idleMs: number;
  maxMs: number;
}

/**
 * Creates, resolves and ends server-side sessions. Only token hashes are stored. Resolving a
 * session is one read (plus, at most once a minute, a write that slides its idle deadline).
 */
export function sessionStore(
  connection: Connection,
  { idleMs, maxMs }: SessionTimeouts,
  now: () => Date = () => new Date(),
) {
  const Sessions = sessionModel(connection);
  // Extending the idle deadline on every request would write on every request; once a minute is enough.
  const SLIDE_AFTER_MS = 60_000;

  return {
    /** Starts a session and returns the cookie value (the only place the raw token exists). */
    async create({ user, organization }: SessionIdentity): Promise<string> {
      const token = randomToken();
      const at = now();
      await Sessions.create({
        _id: hashToken(token),
        userId: user._id,
        organizationId: organization._id,
        user: { name: user.name, email: user.email, role: user.role },
        organization: { name: organization.name },
        createdAt: at,
        expiresAt: new Date(at.getTime() + maxMs),
        idleExpiresAt: new Date(at.getTime() + Math.min(idleMs, maxMs)),
      });
      return token;
    },

    /** The identity of a live session, or null when unknown or expired (expiry enforced here). */
    async resolve(token: string): Promise<SessionIdentity | null> {
      const session = await Sessions.findById(hashToken(token)).lean<Session>();
      if (!session) return null;
      // A session stored before sessions carried the caller's identity: sign in again.
      if (!session.user?.role || !session.organization) {
        await Sessions.deleteOne({ _id: session._id });
        return null;
      }
      const at = now().getTime();
      if (session.expiresAt.getTime() <= at || session.idleExpiresAt.getTime() <= at) {
        await Sessions.deleteOne({ _id: session._id });
        return null;
      }
      const idleExpiresAt = new Date(Math.min(at + idleMs, session.expiresAt.getTime()));
      if (idleExpiresAt.getTime() - session.idleExpiresAt.getTime() > SLIDE_AFTER_MS) {
        await Sessions.updateOne({ _id: session._id }, { $set: { idleExpiresAt } });
      }
      return {
        user: { _id: session.userId, ...session.user },
        organization: { _id: session.organizationId, name: session.organization.name },
      };
    },

    async destroy(token: string): Promise<void> {
      await Sessions.deleteOne({ _id: hashToken(token) });
    },

    /** Ends every session of a user (deactivation, password change), optionally sparing one. */
    async destroyAllForUser(userId: Types.ObjectId, exceptToken?: string): Promise<number> {
      const filter = exceptToken ? { userId, _id: { $ne: hashToken(exceptToken) } } : { userId };
      return (await Sessions.deleteMany(filter)).deletedCount;
    },

    /**
     * Brings a user's sessions in line with the user as just saved: a new name, email or role is
     * copied into each, and a user who is no longer active loses them all. Idempotent, so a caller
     * that retries after a failure still converges.
     */
    async syncUser(user: {
      _id: Types.ObjectId;
      name: string;
      email: string;
      role: Role;
      status: string;
    }): Promise<void> {
      if (user.status !== 'active') {
        await Sessions.deleteMany({ userId: user._id });
        return;
      }
      await Sessions.updateMany(
        { userId: user._id },
        { $set: { 'user.name': user.name, 'user.email': user.email, 'user.role': user.role } },
      );
    },

    /** Copies an organization's new name into the sessions of its people. */
    async updateOrganization(organizationId: Types.ObjectId, name: string): Promise<void> {
      await Sessions.updateMany({ organizationId }, { $set: { 'organization.name': name } });
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
