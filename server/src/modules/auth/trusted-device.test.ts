import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { trustedDevices } from './trusted-device.ts';

describe('trusted-device cookies', () => {
  const devices = trustedDevices(randomBytes(32));

  test('a cookie issued for an email verifies for that email only', () => {
    const cookie = devices.issue('ada@example.com');
    expect(devices.verify(cookie, 'ada@example.com')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(devices.verify(cookie, 'eve@example.com')).toBeNull();
  });

  test.each([[undefined], [''], ['garbage'], ['a.b.c'], [`${'A'.repeat(22)}.${'A'.repeat(43)}`]])(
    '%s is not a trusted device',
    (value) => {
      expect(devices.verify(value, 'ada@example.com')).toBeNull();
    },
  );

  test('a cookie from another server key is refused', () => {
    const other = trustedDevices(randomBytes(32)).issue('ada@example.com');
    expect(devices.verify(other, 'ada@example.com')).toBeNull();
  });

  test('during a key rotation, cookies of the previous key verify; new ones use the new key', () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const before = trustedDevices(oldKey).issue('ada@example.com');
    const rotating = trustedDevices(newKey, oldKey);
    expect(rotating.verify(before, 'ada@example.com')).not.toBeNull();
    const issued = rotating.issue('ada@example.com');
    const after = trustedDevices(newKey);
    expect(after.verify(issued, 'ada@example.com')).not.toBeNull();
    // Once the previous key is gone, its cookies are no longer trusted (sign in again).
    expect(after.verify(before, 'ada@example.com')).toBeNull();
  });
});
