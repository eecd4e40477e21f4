import type { Connection, Types } from 'mongoose';
import type { Config } from '../../plugins/config.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { sessionModel, type Session } from './session.model.ts';

/** Creates, resolves and ends server-side sessions. Only token hashes are stored. */
export function sessionService(
  connection: Connection,
  config: Pick<Config, 'session'>,
  now: () => Date = () => new Date(),
) {
  const Sessions = sessionModel(connection);
  const { idleMs, maxMs } = config.session;
  // Extending the idle deadline on every request would write on every request; once a minute is enough.
  const SLIDE_AFTER_MS = 60_000;

  return {
    /** Starts a session and returns the cookie value (the only place the raw token exists). */
    async create(userId: Types.ObjectId, organizationId: Types.ObjectId): Promise<string> {
      const token = randomToken();
      const at = now();
      await Sessions.create({
        _id: hashToken(token),
        userId,
        organizationId,
        createdAt: at,
        expiresAt: new Date(at.getTime() + maxMs),
        idleExpiresAt: new Date(at.getTime() + Math.min(idleMs, maxMs)),
      });
      return token;
    },

    /** The live session for a cookie value, or null when unknown or expired (expiry enforced here). */
    async resolve(token: string): Promise<Session | null> {
      const session = await Sessions.findById(hashToken(token)).lean();
      if (!session) return null;
      const at = now().getTime();
      if (session.expiresAt.getTime() <= at || session.idleExpiresAt.getTime() <= at) {
        await Sessions.deleteOne({ _id: session._id });
        return null;
      }
      const idleExpiresAt = new Date(Math.min(at + idleMs, session.expiresAt.getTime()));
      if (idleExpiresAt.getTime() - session.idleExpiresAt.getTime() > SLIDE_AFTER_MS) {
        await Sessions.updateOne({ _id: session._id }, { $set: { idleExpiresAt } });
      }
      return session;
    },

    async destroy(token: string): Promise<void> {
      await Sessions.deleteOne({ _id: hashToken(token) });
    },

    /** Ends every session of a user (deactivation, password change), optionally sparing one. */
    async destroyAllForUser(userId: Types.ObjectId, exceptToken?: string): Promise<number> {
      const filter = exceptToken ? { userId, _id: { $ne: hashToken(exceptToken) } } : { userId };
      return (await Sessions.deleteMany(filter)).deletedCount;
    },

    /** Deletes expired sessions; run periodically. */
    async deleteExpired(): Promise<number> {
      const at = now();
      return (
        await Sessions.deleteMany({
          $or: [{ expiresAt: { $lte: at } }, { idleExpiresAt: { $lte: at } }],
        })
      ).deletedCount;
    },
  };
}

export type SessionService = ReturnType<typeof sessionService>;
