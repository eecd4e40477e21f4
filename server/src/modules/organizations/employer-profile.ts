import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import {
  CALENDAR_TAX_YEAR,
  EMPTY_EMPLOYER_PROFILE,
  effectiveTimeZone,
  employerProfileMissing,
  maskEin,
} from '@eligo/shared/filing';
import type {
  EmployerBrief,
  EmployerProfileDraft,
  EmployerProfileInput,
} from '@eligo/shared/schemas/employer';
import {
  employerPlace,
  organizationModel,
  type Organization,
  type StoredEmployerProfile,
} from './organization.model.ts';

/**
 * The employer profile (docs/filing.md §1) between its stored form (EIN encrypted under the
 * organization's data key) and what the API and the filing rules read (the draft, EIN in clear).
 */

/** The saved profile with the EIN decrypted; the empty profile until an admin saves one. */
export async function employerProfileOf(
  app: FastifyInstance,
  organization: Pick<Organization, '_id' | 'employer'>,
): Promise<EmployerProfileDraft> {
  const stored = organization.employer;
  if (!stored) return structuredClone(EMPTY_EMPLOYER_PROFILE);
  const { einCiphertext, ...rest } = stored;
  const ein = einCiphertext
    ? await app.crypto.decrypt(organization._id, employerPlace.ein(organization._id), einCiphertext)
    : null;
  return {
    ...rest,
    ein,
    timeZone: rest.timeZone ?? null,
    employmentStates: rest.employmentStates?.length ? rest.employmentStates : null,
    // Profiles saved before the setting existed: calendar tax years.
    taxYearStartMonth: rest.taxYearStartMonth ?? CALENDAR_TAX_YEAR,
  };
}

/** The organization's profile by id (for modules that hold only the id). */
export async function loadEmployerProfile(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
): Promise<EmployerProfileDraft> {
  const organization = await organizationModel(app.mongo)
    .findById(organizationId, { employer: 1 })
    .lean();
  return employerProfileOf(app, { _id: organizationId, employer: organization?.employer ?? null });
}

/** What the PATCH stores: the whole input, the EIN encrypted, left-out defaults as `null`. */
export async function storedEmployerProfile(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  input: EmployerProfileInput,
): Promise<StoredEmployerProfile> {
  const { ein, ...rest } = input;
  return {
    ...rest,
    timeZone: input.timeZone ?? null,
    employmentStates: input.employmentStates ?? null,
    taxYearStartMonth: input.taxYearStartMonth ?? CALENDAR_TAX_YEAR,
    einCiphertext:
      ein === null
        ? null
        : await app.crypto.encrypt(organizationId, employerPlace.ein(organizationId), ein),
  };
}

/** What every user may know of the profile: the name, the EIN masked, the zone, what is missing. */
export function employerBrief(profile: EmployerProfileDraft): EmployerBrief {
  return {
    legalName: profile.legalName,
    einMasked: profile.ein ? maskEin(profile.ein) : null,
    timeZone: effectiveTimeZone(profile),
    missing: employerProfileMissing(profile),
  };
}
