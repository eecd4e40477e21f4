import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption for secrets and PII at rest (docs/reliability.md §1): AES-256-GCM with a
 * 12-byte random IV and a 16-byte tag, the key version carried in the ciphertext, and AAD that binds
 * the value to where it lives. Pure: no I/O, keys are passed in.
 *
 * Format: `v1:<keyVersion>:<iv b64>:<tag b64>:<ciphertext b64>`.
 */

const FORMAT = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** Raised for anything that is not a well-formed ciphertext, and for every failed authentication. */
export class DecryptionError extends Error {
  constructor(message = 'The value cannot be decrypted (wrong key, wrong place or tampered)') {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** Where a value lives: a ciphertext copied to another organization, collection, field or document fails. */
export interface AadParts {
  organizationId: string;
  collection: string;
  field: string;
  documentId: string;
}

/** `orgId|collection|field|documentId`; parts may not contain the separator. */
export function aadString(parts: AadParts): string {
  const values = [parts.organizationId, parts.collection, parts.field, parts.documentId];
  for (const value of values) {
    if (value === '' || value.includes('|')) throw new RangeError(`Invalid AAD part "${value}"`);
  }
  return values.join('|');
}

export interface ParsedCiphertext {
  keyVersion: number;
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeB64(text: string | undefined): Buffer {
  if (text === undefined || !B64.test(text)) throw new DecryptionError('Malformed ciphertext');
  return Buffer.from(text, 'base64');
}

/** Splits a ciphertext string; throws DecryptionError when it is not in the v1 format. */
export function parseCiphertext(ciphertext: string): ParsedCiphertext {
  const parts = ciphertext.split(':');
  if (parts.length !== 5 || parts[0] !== FORMAT) throw new DecryptionError('Malformed ciphertext');
  const version = parts[1]!;
  if (!/^[1-9]\d{0,8}$/.test(version)) throw new DecryptionError('Malformed ciphertext');
  const iv = decodeB64(parts[2]);
  const tag = decodeB64(parts[3]);
  const data = decodeB64(parts[4]);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new DecryptionError('Malformed ciphertext');
  }
  return { keyVersion: Number(version), iv, tag, data };
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError('AES-256-GCM needs a 32-byte key');
}

/** Encrypts `plaintext` under `key` (version `keyVersion`), bound to `aad`. */
export function encryptWithKey(
  key: Buffer,
  keyVersion: number,
  plaintext: string | Buffer,
  aad: string,
): string {
  checkKey(key);
  if (!Number.isInteger(keyVersion) || keyVersion < 1) throw new RangeError('Invalid key version');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([
    cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext),
    cipher.final(),
  ]);
  const tag = cipher.getAuthTag();
  return [
    FORMAT,
    keyVersion,
    iv.toString('base64'),
    tag.toString('base64'),
    data.toString('base64'),
  ].join(':');
}

/** Decrypts to bytes; throws DecryptionError on any mismatch of key, AAD, IV, tag or data. */
export function decryptToBuffer(
  key: Buffer,
  ciphertext: string | ParsedCiphertext,
  aad: string,
): Buffer {
  checkKey(key);
  const parsed = typeof ciphertext === 'string' ? parseCiphertext(ciphertext) : ciphertext;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, parsed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(parsed.tag);
    return Buffer.concat([decipher.update(parsed.data), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}

/** Decrypts a UTF-8 string. */
export function decryptWithKey(
  key: Buffer,
  ciphertext: string | ParsedCiphertext,
  aad: string,
): string {
  return decryptToBuffer(key, ciphertext, aad).toString('utf8');
}

/** A fresh 256-bit data key. */
export function generateDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** AAD of a wrapped data key: the organization and version it belongs to. */
function wrapAad(organizationId: string, version: number): string {
  return `data-key|${organizationId}|${version}`;
}

/** Wraps (encrypts) a data key with the key-encryption key, bound to its organization and version. */
export function wrapDataKey(
  kek: Buffer,
  dataKey: Buffer,
  organizationId: string,
  version: number,
): string {
  return encryptWithKey(kek, 1, dataKey, wrapAad(organizationId, version));
}

export function unwrapDataKey(
  kek: Buffer,
  wrapped: string,
  organizationId: string,
  version: number,
): Buffer {
  const key = decryptToBuffer(kek, wrapped, wrapAad(organizationId, version));
  checkKey(key);
  return key;
}
