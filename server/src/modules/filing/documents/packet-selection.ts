import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { FILING_BATCH_MAX } from '@eligo/shared/filing';
import { stateName } from '@eligo/shared/wotc';
import type { FilingPacketBody } from '@eligo/shared/schemas/filing-documents';
import { AppError } from '../../../lib/app-error.ts';
import { readyHireIds } from '../filing-list.ts';

/**
 * The hires a packet asks for (docs/forms.md §9): the ids picked, or every hire ready to file in
 * one state ("all ready in Texas"), never both, never none; at most `FILING_BATCH_MAX`, as for
 * picked ids, so one download stays one request of bounded length.
 */
export async function packetSelection(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  body: FilingPacketBody,
): Promise<string[]> {
  if (body.applicantIds && body.allReadyIn) {
    throw AppError.badRequest(
      'Choose the hires either by their ids or as all ready in a state, not both',
    );
  }
  if (body.applicantIds) return body.applicantIds;
  if (!body.allReadyIn) {
    throw AppError.badRequest('Choose the hires: their ids, or a state for all ready in it');
  }
  const state = body.allReadyIn;
  const ids = await readyHireIds(app, organizationId, state, FILING_BATCH_MAX);
  const name = stateName(state);
  if (ids.length === 0) throw AppError.conflict(`No hire employed in ${name} is ready to file`);
  if (ids.length > FILING_BATCH_MAX) {
    throw AppError.conflict(
      `More than ${FILING_BATCH_MAX} hires employed in ${name} are ready to file: pick them in parts`,
    );
  }
  return ids;
}
