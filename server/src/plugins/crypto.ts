import fp from 'fastify-plugin';
import { Types, type Connection } from 'mongoose';
import { insertOnce } from '../lib/db/index.ts';
import {
  aadString,
  decryptWithKey,
  encryptWithKey,
  generateDataKey,
  parseCiphertext,
  wrapDataKey,
} from '../lib/crypto/envelope.ts';
import { scoped } from '../lib/tenancy/tenant-repository.ts';
import { dataKeyModel } from '../lib/crypto/data-key.model.ts';
import { kekRotationModel } from '../lib/crypto/kek-rotation.model.ts';
import { rewrapRow, rotationTarget, unwrapRow, wrappingKek } from '../lib/crypto/data-keys.ts';
import { keyring, type Keyring } from '../lib/crypto/keyring.ts';
import { assertDataKeysReadable } from '../lib/crypto/rotation.ts';

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
 * Creation is a unique insert on (organizationId, version); the loser of a race re-reads. Each row
 * is unwrapped with the KEK its `kekId` names (current or previous, see `data-keys.ts`); re-wrapping
 * by the rotation leaves the data key itself, and so this cache, unchanged.
 */
export function fieldCrypto(connection: Connection, ring: Keyring): FieldCrypto {
  const DataKeys = dataKeyModel(connection);
  const cache = new Map<string, Promise<OrgKeys>>();

  async function createFirstKey(organizationId: Types.ObjectId): Promise<void> {
    const kek = await wrappingKek(connection, ring);
    const wrappedKey = wrapDataKey(kek.key, generateDataKey(), organizationId.toHexString(), 1);
    // Unique on (organizationId, version): the loser of a race reads the winner's key.
    const inserted = await insertOnce(() =>
      scoped(DataKeys, organizationId).create({ version: 1, wrappedKey, kekId: kek.id }),
    );
    if (!inserted.won) return;
    const created = inserted.value;
    // A rotation that started between reading its target and this insert may have scanned the
    // rows before this one landed: then this row moves to the target itself (the rotation writes
    // its target first and scans after, so one of the two sees the other).
    const target = await rotationTarget(connection, ring);
    if (target && target.id !== kek.id) {
      await rewrapRow(DataKeys, ring, created.toObject(), target);
    }
  }

  async function loadKeys(organizationId: Types.ObjectId): Promise<OrgKeys> {
    const repo = scoped(DataKeys, organizationId);
    let rows = await repo.find({}, null, { sort: { version: 1 } }).lean();
    if (rows.length === 0) {
      await createFirstKey(organizationId);
      rows = await repo.find({}, null, { sort: { version: 1 } }).lean();
    }
    const byVersion = new Map<number, Buffer>();
    for (const row of rows) byVersion.set(row.version, unwrapRow(ring, row).key);
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

/**
 * Decorates `app.crypto`; the KEKs are ENCRYPTION_KEY and, during a rotation,
 * ENCRYPTION_KEY_PREVIOUS. Boot fails when a data key is wrapped by neither (README "Rotating
 * ENCRYPTION_KEY"): better a refused rollout than an instance that cannot read an organization.
 */
export default fp(
  async (app) => {
    const ring = keyring(app.config.encryptionKey, app.config.previousEncryptionKey);
    // Registered now so that boot creates its collection.
    kekRotationModel(app.mongo);
    app.decorate('crypto', fieldCrypto(app.mongo, ring));
    // After the mongo plugin's onReady: the collections exist.
    app.addHook('onReady', async () => {
      await assertDataKeysReadable(app.mongo, ring);
      app.log.info(
        { kekId: ring.current.id, previousKekId: ring.previous?.id ?? null },
        'encryption keys loaded',
      );
    });
  },
  { name: 'crypto', dependencies: ['config', 'mongo'] },
);
