import type { Connection, Types } from 'mongoose';
import { leaseSchema, leases, type Lease } from '../../lib/db/index.ts';
import { modelOn } from '../../lib/model.ts';

/**
 * Lever's leases and one-time claims (`leverleases`): `refresh:<integrationId>` while one instance
 * refreshes that integration's tokens (or reconnect writes them), and `oauth-state:<hash>` once an
 * OAuth state has been used. The TTL index deletes expired ones.
 */
export const leverLeaseModel = modelOn<Lease>('LeverLease', leaseSchema());

export const leverLeases = (connection: Connection) => leases(leverLeaseModel(connection));

/** The lease under which an integration's tokens are written (refresh, reconnect, disconnect). */
export const refreshLeaseOf = (integrationId: Types.ObjectId) =>
  `refresh:${integrationId.toHexString()}`;
