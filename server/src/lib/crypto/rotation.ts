import type { Connection } from 'mongoose';
import { dataKeyModel } from './data-key.model.ts';
import { UnknownKekError, heldKeys, rewrapRow, unwrapRow, type DataKeyRow } from './data-keys.ts';
import { kekRotationModel } from './kek-rotation.model.ts';
import type { Keyring } from './keyring.ts';

/**
 * Rotating ENCRYPTION_KEY (README "Rotating ENCRYPTION_KEY"): every organization's data keys are
 * re-wrapped under the new KEK while the API keeps running. Only the wrapping changes, never a data
 * key, so no encrypted value is touched and the instances' caches stay valid.
 *
 * - Resumable: each row is re-wrapped on its own, in place; a crash leaves some rows under the new
 *   KEK and some under the old one, which instances holding both read alike. Running the command
 *   again carries on with what is left.
 * - Idempotent: rows already under the new KEK are skipped; two commands at once write the same
 *   thing (see `rewrapRow`).
 * - Races with new organizations: the command first records its target (new data keys are wrapped
 *   under it from then on), then scans; an instance that wrapped a new key under the old KEK
 *   re-reads the target after its insert (crypto plugin), so no row is left behind.
 */

const ALL = { skipTenant: true } as const;

export interface UnreadableDataKey {
  organizationId: string;
  version: number;
  kekId: string | null;
}

export interface DataKeyStatus {
  total: number;
  /** Rows per KEK id (`unrecorded` for rows from before ids were recorded). */
  byKek: Record<string, number>;
}

export interface RotationReport {
  /** Rows this run re-wrapped. */
  rewrapped: number;
  /** Rows wrapped by no KEK this instance holds: left as they are. */
  unreadable: UnreadableDataKey[];
  status: DataKeyStatus;
}

export interface RotationOptions {
  /** Called after each re-wrapped row with the count so far (progress output). */
  onRewrapped?: (count: number) => void | Promise<void>;
  /** Passes over the rows not yet under the target; a pass that changes nothing ends it. */
  maxPasses?: number;
}

/** How many data keys each KEK wraps. */
export async function dataKeyStatus(connection: Connection): Promise<DataKeyStatus> {
  const rows = await dataKeyModel(connection).find({}, { kekId: 1 }, ALL).lean();
  const byKek: Record<string, number> = {};
  for (const row of rows) {
    const id = row.kekId ?? 'unrecorded';
    byKek[id] = (byKek[id] ?? 0) + 1;
  }
  return { total: rows.length, byKek };
}

/** Rows not (recorded as) wrapped by one of `kekIds`. */
function rowsOutside(connection: Connection, kekIds: string[]): Promise<DataKeyRow[]> {
  return dataKeyModel(connection)
    .find({ kekId: { $nin: kekIds } }, null, { ...ALL, sort: { _id: 1 } })
    .lean();
}

const describeRow = (row: DataKeyRow): UnreadableDataKey => ({
  organizationId: row.organizationId.toHexString(),
  version: row.version,
  kekId: row.kekId ?? null,
});

/** Re-wraps every data key under `ring.current`; see the module comment. */
export async function rotateDataKeys(
  connection: Connection,
  ring: Keyring,
  { onRewrapped, maxPasses = 5 }: RotationOptions = {},
): Promise<RotationReport> {
  const Rotations = kekRotationModel(connection);
  const DataKeys = dataKeyModel(connection);
  const target = ring.current;

  // 1. The target first: from now on, new data keys are wrapped under it.
  const existing = await Rotations.findById('current').lean();
  if (existing?.kekId === target.id) {
    await Rotations.updateOne({ _id: 'current' }, { $set: { finishedAt: null } });
  } else {
    await Rotations.updateOne(
      { _id: 'current' },
      {
        $set: {
          kekId: target.id,
          fromKekId: ring.previous?.id ?? null,
          startedAt: new Date(),
          finishedAt: null,
          rewrapped: 0,
        },
      },
      { upsert: true },
    );
  }

  // 2. Then every row not under it, one at a time, until a pass changes nothing.
  let rewrapped = 0;
  let unreadable: DataKeyRow[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    unreadable = [];
    let changed = 0;
    for (const row of await rowsOutside(connection, [target.id])) {
      try {
        unwrapRow(ring, row);
      } catch (error) {
        if (!(error instanceof UnknownKekError)) throw error;
        unreadable.push(row);
        continue;
      }
      if (await rewrapRow(DataKeys, ring, row, target)) {
        changed += 1;
        rewrapped += 1;
        await onRewrapped?.(rewrapped);
      }
    }
    if (changed === 0) break;
  }

  // 3. Done only when nothing is left under another KEK.
  await Rotations.updateOne(
    { _id: 'current' },
    {
      $inc: { rewrapped },
      ...(unreadable.length === 0 ? { $set: { finishedAt: new Date() } } : {}),
    },
  );
  return {
    rewrapped,
    unreadable: unreadable.map(describeRow),
    status: await dataKeyStatus(connection),
  };
}

/**
 * Boot check: every data key must be wrapped by a KEK this instance holds. Refusing to start makes
 * a rollout with a missing or mistyped key fail on the first new instance, while the old ones keep
 * serving, instead of an instance that answers errors for some organizations.
 */
export async function assertDataKeysReadable(connection: Connection, ring: Keyring): Promise<void> {
  const held = [ring.current.id, ...(ring.previous ? [ring.previous.id] : [])];
  const unreadable: UnreadableDataKey[] = [];
  for (const row of await rowsOutside(connection, held)) {
    try {
      unwrapRow(ring, row); // rows from before ids were recorded
    } catch (error) {
      if (!(error instanceof UnknownKekError)) throw error;
      unreadable.push(describeRow(row));
    }
  }
  if (unreadable.length === 0) return;
  const byKek = new Map<string, number>();
  for (const row of unreadable) {
    const id = row.kekId ?? '(unrecorded)';
    byKek.set(id, (byKek.get(id) ?? 0) + 1);
  }
  const counts = [...byKek].map(([id, n]) => `${n} under ${id}`).join(', ');
  throw new Error(
    `${unreadable.length} organization data key(s) are wrapped by a key-encryption key this ` +
      `instance does not hold (${counts}); it holds ${heldKeys(ring)}. Start it with the key ` +
      'those were wrapped by as ENCRYPTION_KEY_PREVIOUS, then run the rotation command ' +
      '(README "Rotating ENCRYPTION_KEY").',
  );
}
