import fp from 'fastify-plugin';
import { Types, type Connection } from 'mongoose';
import { isDuplicateKeyError } from '../lib/email.ts';
import { retryOnDeadlock } from '../lib/unique-insert.ts';
import {
  aadString,
  decryptWithKey,
  encryptWithKey,
  generateDataKey,
  parseCiphertext,
  unwrapDataKey,
  wrapDataKey,
} from '../lib/crypto/envelope.ts';
import { scoped } from '../lib/tenancy/tenant-repository.ts';
import { dataKeyModel } from '../lib/crypto/data-key.model.ts';

/** Where an encrypted value lives (the organization is a separate argument). */
export interface EncryptionPlace {
  collection: string;
  field: string;
  documentId: string | Types.ObjectId;
}

type OrgId = string | Types.ObjectId;

export interface FieldCrypto {
  /** Encrypts under the organization's current data key, bound to `place`. */
  encrypt(organizationId: OrgId, place: EncryptionPlace, plaintext: string): Promise<string>;
  /** Throws DecryptionError when the value was moved, tampered with or the key is wrong. */
  decrypt(organizationId: OrgId, place: EncryptionPlace, ciphertext: string): Promise<string>;
  encryptJson(organizationId: OrgId, place: EncryptionPlace, value: unknown): Promise<string>;
  decryptJson<T>(organizationId: OrgId, place: EncryptionPlace, ciphertext: string): Promise<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Envelope encryption of PII and secrets at rest, one data key per organization. */
    crypto: FieldCrypto;
  }
}

interface OrgKeys {
  current: { version: number; key: Buffer };
  byVersion: Map<number, Buffer>;
}

/**
 * Per-organization data keys: read (or created, version 1) once and cached in memory unwrapped.
 * Creation is a unique insert on (organizationId, version); the loser of a race re-reads.
 */
export function fieldCrypto(connection: Connection, kek: Buffer): FieldCrypto {
  const DataKeys = dataKeyModel(connection);
  const cache = new Map<string, Promise<OrgKeys>>();

  async function loadKeys(organizationId: Types.ObjectId): Promise<OrgKeys> {
    const orgHex = organizationId.toHexString();
    const repo = scoped(DataKeys, organizationId);
    let rows = await repo.find({}, null, { sort: { version: 1 } });
    if (rows.length === 0) {
      try {
        const wrappedKey = wrapDataKey(kek, generateDataKey(), orgHex, 1);
        // The guard is a secondary unique index: FerretDB 2 may answer `deadlock detected`.
        await retryOnDeadlock(() => repo.create({ version: 1, wrappedKey }));
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      rows = await repo.find({}, null, { sort: { version: 1 } });
    }
    const byVersion = new Map<number, Buffer>();
    for (const row of rows) {
      byVersion.set(row.version, unwrapDataKey(kek, row.wrappedKey, orgHex, row.version));
    }
    const last = rows[rows.length - 1]!;
    return { current: { version: last.version, key: byVersion.get(last.version)! }, byVersion };
  }

  function keysFor(organizationId: OrgId): Promise<OrgKeys> {
    const id = new Types.ObjectId(organizationId);
    const hex = id.toHexString();
    let keys = cache.get(hex);
    if (!keys) {
      keys = loadKeys(id);
      cache.set(hex, keys);
      // A failed load (database down) must not stick.
      keys.catch(() => cache.delete(hex));
    }
    return keys;
  }

  function aad(organizationId: OrgId, place: EncryptionPlace): string {
    return aadString({
      organizationId: String(organizationId),
      collection: place.collection,
      field: place.field,
      documentId: String(place.documentId),
    });
  }

  async function encrypt(organizationId: OrgId, place: EncryptionPlace, plaintext: string) {
    const { current } = await keysFor(organizationId);
    return encryptWithKey(current.key, current.version, plaintext, aad(organizationId, place));
  }

  async function decrypt(organizationId: OrgId, place: EncryptionPlace, ciphertext: string) {
    const parsed = parseCiphertext(ciphertext);
    let keys = await keysFor(organizationId);
    if (!keys.byVersion.has(parsed.keyVersion)) {
      // A newer key version written by another instance: reload once.
      cache.delete(new Types.ObjectId(organizationId).toHexString());
      keys = await keysFor(organizationId);
    }
    const key = keys.byVersion.get(parsed.keyVersion);
    if (!key) throw new Error(`No data key version ${parsed.keyVersion} for this organization`);
    return decryptWithKey(key, parsed, aad(organizationId, place));
  }

  return {
    encrypt,
    decrypt,
    encryptJson: (organizationId, place, value) =>
      encrypt(organizationId, place, JSON.stringify(value)),
    decryptJson: async <T>(organizationId: OrgId, place: EncryptionPlace, ciphertext: string) =>
      JSON.parse(await decrypt(organizationId, place, ciphertext)) as T,
  };
}

/** Decorates `app.crypto`; the KEK is `ENCRYPTION_KEY` from the config. */
export default fp(
  async (app) => {
    app.decorate('crypto', fieldCrypto(app.mongo, app.config.encryptionKey));
  },
  { name: 'crypto', dependencies: ['config', 'mongo'] },
);
