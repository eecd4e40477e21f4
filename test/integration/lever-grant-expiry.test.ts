import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { warnExpiringGrants } from '@eligo/server/modules/lever/connect/grant-warnings';
import { createUser } from '../support/factories.ts';
import { startLeverTestbed, type LeverTestbed } from '../support/lever.ts';

/**
 * Issue 22, finding 8: Lever ends an authorization a year after it was given, used or not. The
 * tile warns from 30 days before, and admins are emailed at 30 and at 7 days — once each,
 * whatever the number of instances — through the real mail plugin and a real SMTP server.
 */
let bed: LeverTestbed;
let other: FastifyInstance;

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename, { mail: true });
  other = await bed.secondInstance();
});
afterAll(() => bed.close());

const DAY = 86_400_000;

test('the tile warns 30 days before; admins get one email at 30 and one at 7 days, on two instances; a Reconnect starts afresh', async () => {
  const { admin, organizationId } = await bed.startOver({ connect: true });
  await createUser(bed.t.app, organizationId, {
    role: 'admin',
    email: 'alice@grant.test',
  });
  await createUser(bed.t.app, organizationId, { role: 'member', email: 'mo@grant.test' });
  await createUser(bed.t.app, organizationId, {
    role: 'admin',
    status: 'deactivated',
    email: 'gone@grant.test',
  });
  const fresh = await bed.tile(admin);
  expect(fresh.grant).toMatchObject({ daysLeft: 364, warn: false });

  // Granted 340 days ago (an hour of margin for a slow run): 25 days left.
  const grantedAt = Date.now() - 340 * DAY + 3_600_000;
  await bed.t.db
    .collection('leverintegrations')
    .updateOne(
      { organizationId: new Types.ObjectId(organizationId) },
      { $set: { grantedAt: new Date(grantedAt) } },
    );
  const tile = await bed.tile(admin);
  expect(tile.grant).toMatchObject({
    grantedAt: new Date(grantedAt).toISOString(),
    expiresAt: new Date(grantedAt + 365 * DAY).toISOString(),
    daysLeft: 25,
    warn: true,
  });
  expect(tile.status).toBe('waiting');

  const both = (now: number) =>
    Promise.all([warnExpiringGrants(bed.t.app, now), warnExpiringGrants(other, now)]);
  const warnings = () => bed.smtp!.received.filter((m) => m.subject.startsWith('Reconnect Lever'));

  // 30 days: both instances look at once; each active admin is emailed once.
  const now = Date.now();
  expect((await both(now)).reduce((a, b) => a + b, 0)).toBe(2);
  await bed.settled(organizationId);
  const first = await bed.smtp!.waitForMail('alice@grant.test');
  expect(first.subject).toBe("Reconnect Lever: Eligo's access to Lever ends in 25 days");
  expect(first.text).toContain('one year after it was given');
  expect(first.text).toContain(`${bed.appUrl}/account/data-settings/ats-integrations`);
  expect(warnings()).toHaveLength(2);
  expect(warnings().flatMap((m) => m.to)).not.toContain('mo@grant.test');
  expect(warnings().flatMap((m) => m.to)).not.toContain('gone@grant.test');
  // Looked at again (every hour, by every instance): nothing more.
  expect(await both(now + 3_600_000)).toEqual([0, 0]);

  // 7 days: one more each, and only that.
  expect((await both(now + 19 * DAY)).reduce((a, b) => a + b, 0)).toBe(2);
  await bed.settled(organizationId);
  const seven = await bed.smtp!.waitForMails('alice@grant.test', 2);
  expect(seven[1]!.subject).toBe("Reconnect Lever: Eligo's access to Lever ends in 6 days");
  expect(await both(now + 20 * DAY)).toEqual([0, 0]);
  expect(warnings()).toHaveLength(4);

  // A Reconnect is a new grant: a year again, no warning.
  expect(await bed.connect(admin)).toBe('reconnected');
  expect((await bed.tile(admin)).grant).toMatchObject({ daysLeft: 364, warn: false });
  expect(await both(Date.now())).toEqual([0, 0]);
});
