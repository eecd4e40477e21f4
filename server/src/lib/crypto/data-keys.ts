import type { Connection, Model, Types } from 'mongoose';
import { DecryptionError, unwrapDataKey, wrapDataKey } from './envelope.ts';
import type { DataKey } from './data-key.model.ts';
import type { Kek, Keyring } from './keyring.ts';
import { kekRotationModel } from './kek-rotation.model.ts';

/**
 * The rules for wrapped data keys that the crypto plugin and the rotation command share: which KEK
 * unwraps a row, which KEK wraps a new one, and re-wrapping a row in place. Why they are what they
 * are: README "Rotating ENCRYPTION_KEY".
 */

export type DataKeyRow = Pick<DataKey, 'organizationId' | 'version' | 'wrappedKey' | 'kekId'> & {
  _id: Types.ObjectId;
};

/** Raised for a data key wrapped by a KEK this instance does not hold. */
export class UnknownKekError extends DecryptionError {
  constructor(
    readonly row: Pick<DataKeyRow, 'organizationId' | 'version' | 'kekId'>,
    ring: Keyring,
  ) {
    super(
      `The data key of organization ${row.organizationId.toHexString()} (version ${row.version}) ` +
        `cannot be decrypted: it is wrapped by key-encryption key ${row.kekId ?? '(unrecorded)'}, ` +
        `and this instance holds ${heldKeys(ring)}`,
    );
    this.name = 'UnknownKekError';
  }
}

/** "current abc… and previous def…", for messages. */
export function heldKeys(ring: Keyring): string {
  return ring.previous
    ? `${ring.current.id} (ENCRYPTION_KEY) and ${ring.previous.id} (ENCRYPTION_KEY_PREVIOUS)`
    : `${ring.current.id} (ENCRYPTION_KEY) only`;
}

/**
 * Unwraps a row with the KEK its `kekId` names. A row from before ids were recorded is tried with
 * each held KEK: AES-GCM authenticates, so only the right one succeeds.
 */
export function unwrapRow(ring: Keyring, row: DataKeyRow): { key: Buffer; kek: Kek } {
  const orgHex = row.organizationId.toHexString();
  const candidates = row.kekId
    ? [ring.byId(row.kekId)]
    : [ring.current, ring.previous].filter(Boolean);
  for (const kek of candidates) {
    if (!kek) continue;
    try {
      return { key: unwrapDataKey(kek.key, row.wrappedKey, orgHex, row.version), kek };
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
    }
  }
  throw new UnknownKekError(row, ring);
}

/** The KEK the rotation command has started to move every row to, if this instance holds it. */
export async function rotationTarget(connection: Connection, ring: Keyring): Promise<Kek | null> {
  const rotation = await kekRotationModel(connection).findById('current').lean();
  return (rotation && ring.byId(rotation.kekId)) ?? null;
}

/**
 * The KEK a new data key is wrapped under: the rotation's target once the rotation command has
 * started (and this instance holds it); before that, the previous key while one is configured, so
 * instances not yet restarted with the new pair can still read it; otherwise the current key.
 */
export async function wrappingKek(connection: Connection, ring: Keyring): Promise<Kek> {
  return (await rotationTarget(connection, ring)) ?? ring.previous ?? ring.current;
}

/**
 * Re-wraps `row` (same data key) under `target`, only if the row still holds the wrapping that was
 * read. Every writer of a row writes an equivalent value (the same DEK under the same KEK), so a
 * lost race is harmless. Returns true when this call changed the row.
 */
export async function rewrapRow(
  DataKeys: Model<DataKey>,
  ring: Keyring,
  row: DataKeyRow,
  target: Kek,
): Promise<boolean> {
  if (row.kekId === target.id) return false;
  const { key } = unwrapRow(ring, row);
  const orgHex = row.organizationId.toHexString();
  const wrappedKey = wrapDataKey(target.key, key, orgHex, row.version);
  // Never store what does not unwrap to the same key.
  if (!unwrapDataKey(target.key, wrappedKey, orgHex, row.version).equals(key)) {
    throw new Error('Re-wrapped data key does not round-trip');
  }
  const result = await DataKeys.updateOne(
    { _id: row._id, organizationId: row.organizationId, wrappedKey: row.wrappedKey },
    { $set: { wrappedKey, kekId: target.id } },
  );
  return result.modifiedCount > 0;
}
