import { createTestApp, type TestApp, type TestAppOptions } from './app.ts';
import { createOrganization, signedIn, type TestOrganization } from './factories.ts';
import type { ApiClient } from './http.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp.ts';

export interface OrgTestApp extends TestApp {
  /** The organization, with its admin's id and credentials. */
  org: TestOrganization;
  /** The organization's admin, signed in through the API. */
  admin: ApiClient;
  /** The real SMTP server the app sends its mail through. */
  smtp: TestSmtpServer;
}

export interface OrgTestAppOptions extends TestAppOptions {
  organization?: { name?: string; adminEmail?: string };
  /** The address the admin signs in from (sign-in limits count per address). */
  adminIp?: string;
}

/**
 * The app as production builds it, on a fresh database, sending mail to a real SMTP server of its
 * own, with one organization whose admin is signed in: what most integration files start from.
 * `close()` stops the SMTP server too.
 */
export async function orgTestApp(
  label: string,
  { organization, adminIp, ...appOptions }: OrgTestAppOptions = {},
): Promise<OrgTestApp> {
  const smtp = await startSmtpServer();
  const t = await createTestApp(label, {
    ...appOptions,
    env: { SMTP_URL: smtp.url, ...appOptions.env },
  }).catch(async (error: unknown) => {
    await smtp.close();
    throw error;
  });
  const close = async () => {
    await t.close();
    await smtp.close();
  };
  try {
    const org = await createOrganization(t.app, organization);
    const admin = await signedIn(t.app, org.admin, adminIp);
    return { ...t, org, admin, smtp, close };
  } catch (error) {
    await close();
    throw error;
  }
}
