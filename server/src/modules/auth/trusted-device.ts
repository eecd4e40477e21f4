import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * "This browser has signed in to this account before": a cookie `<id>.<mac>` where the MAC binds
 * the random id to the normalized email, under a key derived from ENCRYPTION_KEY. A sign-in from
 * such a browser is limited on its own counter, so someone locking an account with wrong passwords
 * from elsewhere does not lock its owner out of their usual browser (OWASP: device cookies).
 *
 * During a key rotation (`previousEncryptionKey` set) cookies issued under the previous key still
 * verify; once it is removed they stop, and each browser becomes trusted again at its next sign-in.
 */
export function trustedDevices(encryptionKey: Buffer, previousEncryptionKey: Buffer | null = null) {
  const derive = (kek: Buffer) =>
    Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), 'eligo trusted-device cookie', 32));
  const keys = [encryptionKey, ...(previousEncryptionKey ? [previousEncryptionKey] : [])].map(
    derive,
  );
  const mac = (key: Buffer, id: string, email: string) =>
    createHmac('sha256', key).update(`${id}\n${email}`).digest();

  return {
    /** A new cookie value for a browser that just proved it knows `email`'s password. */
    issue(email: string): string {
      const id = randomBytes(16).toString('base64url');
      return `${id}.${mac(keys[0]!, id, email).toString('base64url')}`;
    },
    /** The device id when `value` was issued for `email`, otherwise null. */
    verify(value: string | undefined, email: string): string | null {
      const [id, given, extra] = (value ?? '').split('.');
      if (!id || !given || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
      const actual = Buffer.from(given, 'base64url');
      return keys.some((key) => {
        const expected = mac(key, id, email);
        return actual.length === expected.length && timingSafeEqual(actual, expected);
      })
        ? id
        : null;
    },
  };
}
