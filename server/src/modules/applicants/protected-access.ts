import type { FastifyInstance } from 'fastify';
import type { AuthContext } from '../../plugins/auth.ts';
import { organizationModel } from '../organizations/index.ts';

/**
 * Least privilege (issue 26): the answers that reveal protected facts — date of birth, address,
 * conviction, benefits, disability (shared wotc/protected-answers.ts) — are never on the applicant
 * page. Admins may view them, members only when the organization allows it (Data Settings), and
 * every view, by anyone, is audited (protected-answers.ts).
 */
export async function mayViewProtectedAnswers(
  app: FastifyInstance,
  auth: AuthContext,
): Promise<boolean> {
  if (auth.user.role === 'admin') return true;
  // The organization comes from the session; it is the tenant root itself.
  const organization = await organizationModel(app.mongo)
    .findById(auth.organization._id, { membersSeeProtectedAnswers: 1 })
    .lean();
  return organization?.membersSeeProtectedAnswers === true;
}
