import type { Page } from 'playwright-core';
import { Types, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SURVEY_MINUTES } from '@eligo/shared/schemas/survey';
import { inviteApplicant } from '@eligo/server/modules/survey/index';
import { createTestApp, type TestApp } from '../support/app.ts';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { eventually, heading, saveScreenshot } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp } from '../support/built-app.ts';
import { createOrganization, registerTestApplicant } from '../support/factories.ts';
import { linkFrom } from '../support/smtp.ts';
import { openPhone, radio } from '../support/survey-browser.ts';
import { seedSurveyApplicant } from '../support/survey-seed.ts';

/**
 * Issue 24 item 6, on a phone: each step is a history entry (Back goes to the previous step), what
 * is typed survives a reload (saved as typed, on the server, nothing in the browser's storage), a
 * browser set to Spanish opens the survey in Spanish, a refused SSN says why, a server failure is
 * said in the applicant's language, and the email and the survey give the same "about N minutes".
 */
let e2e: BuiltApp;
let db: Connection;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  db = e2e.db;
});
afterAll(() => e2e?.stop());

const shot = (page: Page, name: string) => saveScreenshot(page, `newcomer/after/${name}`);
const stored = (id: string) => db.collection('applicants').findOne({ _id: new Types.ObjectId(id) });

async function fillAboutYou(page: Page) {
  await page.locator('input[name="ssn"]').pressSequentially('123456789');
  await page.getByLabel('Street address').fill('1 Main St');
  await page.getByLabel('City or town').fill('Springfield');
  await page.getByLabel('ZIP code').fill('62701');
  await page.getByLabel('County', { exact: true }).selectOption({ label: 'Sangamon County' });
  await radio(page, 'age_band', '40_plus').check();
  await radio(page, 'worked_here_before', 'no').check();
}

describe('the survey keeps what was typed', () => {
  test("the phone's Back goes to the previous step; Forward comes back", async () => {
    const seeded = await seedSurveyApplicant(db, e2e.server.url, 'Acme Widgets');
    const { context, page, consoleErrors } = await openPhone(e2e.browser);
    await page.goto(seeded.url);
    await eventually(() => heading(page).textContent()).toBe('About you');
    await fillAboutYou(page);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await eventually(() => heading(page).textContent()).toBe('Questions');

    await page.goBack();
    await eventually(() => heading(page).textContent()).toBe('About you');
    expect(new URL(page.url()).pathname).toBe(`/survey/${seeded.token}`);
    expect(await page.locator('input[name="street"]').inputValue()).toBe('1 Main St');
    await shot(page, 'survey-back-to-step-1');
    await page.goForward();
    await eventually(() => heading(page).textContent()).toBe('Questions');

    // The survey's own Back is the same move: afterwards the phone's Forward returns.
    await page.getByRole('button', { name: 'Back' }).click();
    await eventually(() => heading(page).textContent()).toBe('About you');
    await page.goForward();
    await eventually(() => heading(page).textContent()).toBe('Questions');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  test('answers typed on a step survive a reload; no SSN or birth date in browser storage', async () => {
    const seeded = await seedSurveyApplicant(db, e2e.server.url, 'Acme Widgets');
    const { context, page } = await openPhone(e2e.browser);
    await page.goto(seeded.url);
    await eventually(() => heading(page).textContent()).toBe('About you');
    await fillAboutYou(page);
    // Typed, not continued: saved once the applicant pauses.
    await eventually(async () => (await stored(seeded.applicantId))?.survey.status).toBe(
      'in_progress',
    );
    await page.reload();
    await eventually(() => heading(page).textContent()).toBe('About you');
    await eventually(() => page.locator('input[name="street"]').inputValue()).toBe('1 Main St');
    expect(await radio(page, 'age_band', '40_plus').isChecked()).toBe(true);
    // The SSN stays on the server: the field says it is kept.
    expect(await page.locator('input[name="ssn"]').inputValue()).toBe('');
    expect(await page.getByText('We saved your Social Security number').count()).toBe(1);

    await page.getByRole('button', { name: 'Save and continue' }).click();
    await eventually(() => heading(page).textContent()).toBe('Questions');
    const savedAt = (await stored(seeded.applicantId))?.survey.lastSavedAt as Date;
    await radio(page, 'q_veteran', 'yes').check();
    await radio(page, 'q_vet_snap', 'no').check();
    await eventually(async () =>
      ((await stored(seeded.applicantId))?.survey.lastSavedAt as Date).getTime(),
    ).toBeGreaterThan(savedAt.getTime());
    await page.reload();
    await eventually(() => heading(page).textContent()).toBe('Questions');
    expect(await radio(page, 'q_veteran', 'yes').isChecked()).toBe(true);
    expect(await radio(page, 'q_vet_snap', 'no').isChecked()).toBe(true);
    await shot(page, 'survey-after-reload');
    // After a reload the phone's Back still goes to step 1.
    await page.goBack();
    await eventually(() => heading(page).textContent()).toBe('About you');

    const storage = await page.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
    );
    expect(storage).not.toMatch(/123-?45-?6789|6789/);
    await context.close();
  });

  test('a browser set to Spanish opens the survey in Spanish', async () => {
    const seeded = await seedSurveyApplicant(db, e2e.server.url, 'Acme Widgets', {
      language: 'en',
    });
    const { context, page } = await openPhone(e2e.browser, 375, 'es-US');
    await page.goto(seeded.url);
    await eventually(() => heading(page).textContent()).toBe('Sus datos');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectNoSeriousA11yViolations(page, 'survey in a Spanish browser');
    await shot(page, 'survey-spanish-browser');
    // The switch wins from then on, also for a Spanish browser.
    await page.getByRole('button', { name: 'English' }).click();
    await eventually(async () => (await stored(seeded.applicantId))?.languageChosen).toBe(true);
    await page.reload();
    await eventually(() => heading(page).textContent()).toBe('About you');
    await context.close();
  });

  test.each([
    [
      'en-US',
      'About you',
      'Save and continue',
      'ITINs (tax ID numbers), not Social Security numbers',
    ],
    ['es-US', 'Sus datos', 'Guardar y continuar', 'son ITIN (números de identificación fiscal)'],
  ])(
    '%s: a number starting with 9 is refused, saying it is an ITIN',
    async (locale, title, go, why) => {
      const seeded = await seedSurveyApplicant(db, e2e.server.url, 'Acme Widgets');
      const { context, page } = await openPhone(e2e.browser, 375, locale);
      await page.goto(seeded.url);
      await eventually(() => heading(page).textContent()).toBe(title);
      await page.locator('input[name="ssn"]').pressSequentially('912345678');
      await page.getByRole('button', { name: go }).click();
      await eventually(() => page.getByTestId('error-summary').textContent()).toContain(why);
      expect(await page.locator('#q-ssn-error').textContent()).toContain(why);
      await shot(page, `survey-ssn-itin-${locale}`);
      await page.locator('input[name="ssn"]').fill('');
      await page.locator('input[name="ssn"]').pressSequentially('123006789');
      await page.getByRole('button', { name: go }).click();
      await eventually(() => page.locator('#q-ssn-error').textContent()).toMatch(/\b00\b/);
      await context.close();
    },
  );

  test("a server failure is said in the applicant's language, as a sentence", async () => {
    const seeded = await seedSurveyApplicant(db, e2e.server.url, 'Ferretería López', {
      language: 'es',
    });
    const { context, page } = await openPhone(e2e.browser, 375, 'es-US');
    await page.goto(seeded.url);
    await eventually(() => heading(page).textContent()).toBe('Sus datos');
    await page.getByRole('checkbox', { name: 'Prefiero no contestar' }).first().check();
    await page.getByLabel('Dirección').fill('1 Main St');
    await page.getByLabel('Ciudad o pueblo').fill('Springfield');
    await page.getByLabel('Código postal (ZIP)').fill('62701');
    await page.getByLabel('Condado', { exact: true }).selectOption({ label: 'Sangamon County' });
    await radio(page, 'age_band', '40_plus').check();
    await radio(page, 'worked_here_before', 'no').check();
    // The database is down: the API answers 503 with its English words.
    await page.route('**/api/survey/*/answers', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 503,
          code: 'SERVICE_UNAVAILABLE',
          message: 'The service is temporarily unavailable, please retry',
        }),
      }),
    );
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    const alert = page.getByRole('alert');
    await eventually(() => alert.textContent()).toContain(
      'No se pudieron guardar sus respuestas: El servidor está ocupado en este momento. No se perdió nada',
    );
    expect(await alert.textContent()).not.toContain('temporarily');
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'alert',
    );
    await shot(page, 'survey-server-busy-es');
    await context.close();
  });
});

describe('"about N minutes": one number in the email and the survey', () => {
  let seeder: TestApp;
  beforeAll(async () => {
    seeder = await createTestApp(import.meta.filename, {
      databaseName: new URL(e2e.server.mongoUri).pathname.slice(1),
      env: {
        ENCRYPTION_KEY: e2e.server.encryptionKey,
        SMTP_URL: e2e.smtp.url,
        PUBLIC_URL: e2e.server.url,
      },
    });
  });
  afterAll(async () => {
    await seeder?.app.close();
    await seeder?.db.close();
  });

  test('the invitation and the first step say the same', async () => {
    const org = await createOrganization(seeder.app, { name: 'Minutes Co' });
    const { applicant } = await registerTestApplicant(seeder.app, org.organizationId, {
      name: 'Mina Minute',
      email: 'mina.minute@example.com',
    });
    await inviteApplicant(seeder.app, applicant);
    const mail = await e2e.smtp.waitForMail('mina.minute@example.com');
    expect(mail.text).toContain(`It takes about ${SURVEY_MINUTES} minutes.`);
    const { context, page } = await openPhone(e2e.browser);
    await page.goto(linkFrom(mail, `${e2e.server.url}/survey/`));
    await eventually(() => heading(page).textContent()).toBe('About you');
    expect(await page.getByText(`It takes about ${SURVEY_MINUTES} minutes.`).count()).toBe(1);
    await context.close();
  });
});
