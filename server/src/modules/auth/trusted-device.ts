import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * "This browser has signed in to this account before": a cookie `<id>.<mac>` where the MAC binds
 * the random id to the normalized email, under a key derived from ENCRYPTION_KEY. A sign-in from
 * such a browser is limited on its own counter, so someone locking an account with wrong passwords
 * from elsewhere does not lock its owner out of their usual browser (OWASP: device cookies).
 */
export function trustedDevices(encryptionKey: Buffer) {
  const key = Buffer.from(
    hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'eligo trusted-device cookie', 32),
  );
  const mac = (id: string, email: string) =>
    createHmac('sha256', key).update(`${id}\n${email}`).digest();

  return {
    /** A new cookie value for a browser that just proved it knows `email`'s password. */
    issue(email: string): string {
      const id = randomBytes(16).toString('base64url');
      return `${id}.${mac(id, email).toString('base64url')}`;
    },
    /** The device id when `value` was issued for `email`, otherwise null. */
    verify(value: string | undefined, email: string): string | null {
      const [id, given, extra] = (value ?? '').split('.');
      if (!id || !given || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
      const expected = mac(id, email);
      const actual = Buffer.from(given, 'base64url');
      return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : null;
    },
  };
}
