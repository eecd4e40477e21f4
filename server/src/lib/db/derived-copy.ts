import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { scoped } from '../tenancy/tenant-repository.ts';
import { derivedCopyModel } from './derived-copy.model.ts';
import { revisions, type RevisionKind } from './revisions.ts';

/**
 * A view derived from an organization's data on every read (the credit ledger, the Filing
 * screen's counts), kept after it is computed and served while nothing it was computed from has
 * changed (docs/database.md, "Derived copies"). Its key is:
 * - the organization's revisions of the data it reads (`revisions.ts`), taken **before** computing:
 *   a write that lands during the computation makes the new copy's key old at once;
 * - `parts`: whatever else decides the result (settings, the rules' content, a format number
 *   raised when the computation's code changes).
 * A copy is never served after `MAX_AGE_MS`, whatever its key: a write whose revision was lost (a
 * crash between the write and its count) is seen within that time.
 */
const MAX_AGE_MS = 60 * 60 * 1000;
/** Larger values are computed on every read rather than stored (a document holds 16 MB). */
const MAX_COPY_BYTES = 8 * 1024 * 1024;

const compress = promisify(gzip);
const decompress = promisify(gunzip);

export interface DerivedView<T> {
  /** Names the view and what it is of: unique per organization (`credit-ledger:2025`). */
  name: string;
  organizationId: Types.ObjectId;
  reads: readonly RevisionKind[];
  parts: ReadonlyArray<string | number>;
  compute: () => Promise<T>;
}

/** The view's value: its stored copy when the key is current, else `compute()`, then kept. */
export async function throughCopy<T>(app: FastifyInstance, view: DerivedView<T>): Promise<T> {
  return JSON.parse(await throughCopyJson(app, view)) as T;
}

/**
 * `throughCopy`'s value as JSON: what a route sends as is (`preSerialized`), without parsing the
 * copy and serializing it again (for the ledger, most of a read's time).
 */
export async function throughCopyJson<T>(
  app: FastifyInstance,
  view: DerivedView<T>,
): Promise<string> {
  const { organizationId } = view;
  const counts = await revisions(app.mongo).read(view.reads, organizationId);
  const key = [...view.parts, ...view.reads.map((kind) => `${kind}=${counts[kind]}`)].join('|');
  const _id = `${view.name}:${organizationId.toHexString()}`;
  const [copy] = await scoped(derivedCopyModel(app.mongo), organizationId)
    .find({ _id, key, computedAt: { $gt: new Date(Date.now() - MAX_AGE_MS) } }, { value: 1 })
    .limit(1)
    .lean<Array<{ value: { buffer: Uint8Array } | Buffer }>>();
  if (copy) return (await decompress(bytesOf(copy.value))).toString('utf8');

  const json = JSON.stringify(await view.compute());
  // Level 1: the ledger's 2.1 MB in a few milliseconds, still a small fraction of its size.
  const value = await compress(json, { level: 1 });
  if (value.length <= MAX_COPY_BYTES) {
    // Keeping it only saves the next read's work: a failure (two first copies racing) loses nothing.
    await derivedCopyModel(app.mongo)
      .updateOne(
        { _id, organizationId },
        { $set: { key, value, computedAt: new Date() } },
        { upsert: true },
      )
      .catch((error: unknown) => app.log.warn({ err: error, view: view.name }, 'copy not stored'));
  }
  return json;
}

/** A stored binary as the driver gives it back from a lean read (a BSON Binary) or a Buffer. */
function bytesOf(value: { buffer: Uint8Array } | Buffer): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer);
}
