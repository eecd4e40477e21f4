import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/app-error.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { insertOnce } from '../../lib/db/index.ts';
import { type OrganizationDocument, organizationModel } from '../organizations/index.ts';
import { type UserDocument, userModel } from '../users/index.ts';

export const emailTaken = () =>
  AppError.conflict('An account with this email already exists. Sign in instead.');

export interface FounderInput {
  organizationName: string;
  name: string;
  email: string;
  passwordHash: string;
}

/**
 * Creates an organization and its first admin (the first sign-up, or a confirmed open sign-up).
 * An address holds one account: a taken one is `409` (only ever said to someone who proved they
 * read the address's mail, or before any account exists), and the organization is removed again.
 */
export function founderCreator(app: FastifyInstance) {
  const Users = userModel(app.mongo);
  const Organizations = organizationModel(app.mongo);

  return async function createFounder(
    input: FounderInput,
  ): Promise<{ user: UserDocument; organization: OrganizationDocument }> {
    const emailNormalized = normalizeEmail(input.email);
    if (await Users.exists({ emailNormalized }).setOptions({ skipTenant: true }))
      throw emailTaken();
    const organization = await Organizations.create({ name: input.organizationName.trim() });
    try {
      // Unique email: a racing sign-up with the same email gets "taken".
      const inserted = await insertOnce(() =>
        Users.create({
          organizationId: organization._id,
          name: input.name.trim(),
          email: input.email.trim(),
          emailNormalized,
          role: 'admin',
          status: 'active',
          passwordHash: input.passwordHash,
          lastLoginAt: new Date(),
        }),
      );
      if (!inserted.won) throw emailTaken();
      return { user: inserted.value, organization };
    } catch (error) {
      await Organizations.deleteOne({ _id: organization._id });
      throw error;
    }
  };
}
