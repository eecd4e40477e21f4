import type { Browser, Page } from 'playwright-core';
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SURVEY_MINUTES } from '@eligo/shared/schemas/survey';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { heading, saveScreenshot } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp, type BuiltServer } from '../support/built-app.ts';
import { bornYearsAgo, daysAgo, thisMonth, usDate, usDateKeys, usMonth } from '../support/dates.ts';
import { openPhone, radio } from '../support/survey-browser.ts';
import { seedSurveyApplicant } from '../support/survey-seed.ts';

let e2e: BuiltApp;
let server: BuiltServer;
let browser: Browser;
let db: Connection;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  ({ server, browser, db } = e2e);
});
afterAll(() => e2e?.stop());

async function expectStep(page: Page, title: string) {
  await expect.poll(() => heading(page).textContent()).toBe(title);
  // Focus moves to the new step's heading, so screen readers start there.
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  // Usable at phone width: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

async function checkStep(page: Page, name: string) {
  await expectNoSeriousA11yViolations(page, name);
  await saveScreenshot(page, `e2e/${name}`);
}

async function applicant(id: string) {
  return db.collection('applicants').findOne({ _id: new Types.ObjectId(id) });
}

describe('the applicant survey on a phone', () => {
  test('English: about you, questions, review and sign, thank you', async () => {
    const seeded = await seedSurveyApplicant(db, server.url, 'Acme Widgets', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      state: 'IL',
    });
    const { context, page, consoleErrors, requested } = await openPhone(browser);
    await page.goto(seeded.url);
    await expect.poll(() => heading(page).textContent()).toBe('About you');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The survey never downloads the admin screens or their header.
    expect(requested.filter((p) => /\/assets\/(AppHeader|HomeView|NotFoundView)-/.test(p))).toEqual(
      [],
    );
    expect(requested.some((p) => /\/assets\/mount-.*\.js$/.test(p))).toBe(true);
    // The same "about N minutes" as the email.
    await expect.poll(() => page.getByText(`about ${SURVEY_MINUTES} minutes`).count()).toBe(1);
    // Prefilled from what the company knows; every input is named by its question id.
    expect(await page.locator('input[name="first_name"]').inputValue()).toBe('Ada');
    expect(await page.locator('input[name="email"]').inputValue()).toBe('ada@example.com');
    expect(await page.locator('select[name="state"]').inputValue()).toBe('IL');
    await checkStep(page, 'survey-en-1-about-you');

    // Continuing with answers missing: an error summary that links to the fields.
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('error-summary');
    await page.getByRole('link', { name: /^Social Security number:/ }).click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).name))
      .toBe('ssn');
    await checkStep(page, 'survey-en-1-errors');

    // The SSN is masked as it is typed, on a numeric keypad; ZIP and dates get one too.
    const ssn = page.locator('input[name="ssn"]');
    expect(await ssn.getAttribute('type')).toBe('password');
    expect(await ssn.getAttribute('inputmode')).toBe('numeric');
    expect(await page.locator('input[name="zip"]').getAttribute('inputmode')).toBe('numeric');
    await ssn.pressSequentially('123456789');
    expect(await ssn.inputValue()).toBe('123-45-6789');
    await page.getByLabel('Street address').fill('1 Main St');
    await page.getByLabel('City or town').fill('Springfield');
    await page.getByLabel('ZIP code').fill('62701');
    // The county is chosen from the state's list, loaded once the state is known.
    await page.getByLabel('County', { exact: true }).selectOption({ label: 'Sangamon County' });
    expect(requested.filter((p) => p === '/api/counties')).toHaveLength(1);
    await radio(page, 'age_band', '40_plus').check();
    expect(await page.locator('input[name="dob"]').count()).toBe(0);
    await radio(page, 'worked_here_before', 'no').check();
    await expect.poll(() => summary.count()).toBe(0);
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await expectStep(page, 'Questions');
    expect(await page.getByText('Step 2 of 3').count()).toBe(1);
    // A veteran follow-up appears only after "Yes", and goes away again after "No".
    expect(await page.locator('[name="q_vet_snap"]').count()).toBe(0);
    await radio(page, 'q_veteran', 'yes').check();
    await expect.poll(() => page.locator('[name="q_vet_snap"]').count()).toBe(3);
    await radio(page, 'q_veteran', 'no').check();
    await expect.poll(() => page.locator('[name="q_vet_snap"]').count()).toBe(0);
    // SNAP is asked only of 18–39-year-olds: this applicant is 40 or older.
    expect(await page.locator('[name="q_snap"]').count()).toBe(0);
    for (const id of ['q_cond_cert', 'q_tanf_9of18', 'q_vr', 'q_felony', 'q_ltur']) {
      await radio(page, id, 'no').check();
    }
    await page.getByRole('checkbox', { name: 'None of these' }).check();
    await radio(page, 'q_ssi', 'yes').check();
    // SSI this month: within the last 60 days whatever the day the test runs.
    await page.getByLabel('The last month you got SSI').fill(usMonth(thisMonth()));
    await checkStep(page, 'survey-en-2-questions');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await expectStep(page, 'Review & sign');
    const ssnReadBack = page.locator('[data-answer="ssn"]');
    expect(await ssnReadBack.textContent()).toBe('***-**-6789');
    expect(await page.content()).not.toContain('123-45-6789');
    expect(await page.locator('[data-answer="q_ssi"]').textContent()).toBe('Yes');
    // The county's name arrives with the county list ("…" until then).
    await expect
      .poll(() => page.locator('[data-answer="county"]').textContent())
      .toBe('Sangamon County');
    expect(await page.getByTestId('signed-on').textContent()).toMatch(/^Date: \w+ \d{1,2}, \d{4}$/);
    await checkStep(page, 'survey-en-3-review');

    // The typed name must match the name given in step 1.
    await page.getByLabel('Type your full name to sign').fill('Grace Hopper');
    await page.getByRole('checkbox', { name: /sign electronically/ }).check();
    await page.getByRole('button', { name: 'Sign and submit' }).click();
    await expect.poll(() => summary.textContent()).toContain('Ada Lovelace');
    await page.getByLabel('Type your full name to sign').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Sign and submit' }).click();

    await expect.poll(() => heading(page).textContent()).toBe('Thank you!');
    const done = await page.getByTestId('survey-done').textContent();
    expect(done).toContain('Your answers were sent to Acme Widgets');
    // The applicant never sees a result.
    expect(done).not.toMatch(/qualif|eligib|credit of/i);
    await checkStep(page, 'survey-en-4-thank-you');

    const stored = await applicant(seeded.applicantId);
    expect(stored?.survey.status).toBe('submitted');
    expect(stored?.eligibility.status).toBe('pre_qualified');
    expect(await db.collection('survey_submissions').countDocuments({ _id: stored!._id })).toBe(1);

    // The used link now shows the friendly message, in both languages.
    await page.reload();
    await expect
      .poll(() => heading(page).textContent())
      .toBe('This survey link is no longer valid');
    // The other language's wording is loaded on demand: wait for it rather than read once.
    await expect
      .poll(() => page.getByTestId('survey-invalid').textContent())
      .toContain('Este enlace de la encuesta ya no es válido');
    await checkStep(page, 'survey-invalid-link');
    expect(consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);
    await context.close();
  });

  test('Spanish: declines, follow-ups, a language switch, resuming from the link, signing', async () => {
    const seeded = await seedSurveyApplicant(db, server.url, 'Ferretería López', {
      firstName: 'María',
      lastName: 'Núñez',
      email: 'maria@example.com',
      language: 'es',
      state: 'TX',
    });
    const { context, page, consoleErrors } = await openPhone(browser);
    // 28 years old on the day the test runs: under 40, and asked about SNAP.
    const dob28 = bornYearsAgo(28);
    await page.goto(seeded.url);
    // The email's language is the default.
    await expect.poll(() => heading(page).textContent()).toBe('Sus datos');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.getByText('Prefiero no participar').count()).toBe(1);

    // Prefer not to give the SSN: the field is disabled and not required.
    await page.getByRole('checkbox', { name: 'Prefiero no contestar' }).check();
    expect(await page.locator('input[name="ssn"]').isDisabled()).toBe(true);
    await page.getByLabel('Dirección').fill('200 Calle Sol');
    await page.getByLabel('Ciudad o pueblo').fill('El Paso');
    await page.getByLabel('Código postal (ZIP)').fill('79901');
    await page.getByLabel('Condado', { exact: true }).selectOption({ label: 'El Paso County' });
    // Under 40: the date of birth is asked, and required.
    await radio(page, 'age_band', 'under_40').check();
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await expect
      .poll(() => page.getByTestId('error-summary').textContent())
      .toContain('Escriba su fecha de nacimiento');
    const dob = page.locator('input[name="dob"]');
    expect(await dob.getAttribute('inputmode')).toBe('numeric');
    await dob.pressSequentially(usDateKeys(dob28));
    expect(await dob.inputValue()).toBe(usDate(dob28));
    await radio(page, 'worked_here_before', 'declined').check();
    await checkStep(page, 'survey-es-1-about-you');
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();

    await expectStep(page, 'Preguntas');
    await radio(page, 'q_cond_cert', 'no').check();
    await radio(page, 'q_veteran', 'yes').check();
    await radio(page, 'q_vet_snap', 'yes').check();
    await page
      .getByLabel('Nombre de la persona que recibió los beneficios')
      .first()
      .fill('José Núñez');

    // Switching language keeps every answer and is saved; reloading the link resumes here.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Questions');
    expect(await radio(page, 'q_vet_snap', 'yes').isChecked()).toBe(true);
    await expect.poll(async () => (await applicant(seeded.applicantId))?.language).toBe('en');
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Preguntas');
    await expect.poll(async () => (await applicant(seeded.applicantId))?.language).toBe('es');
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe('Preguntas');
    expect(await radio(page, 'q_veteran', 'yes').isChecked()).toBe(true);
    expect(await page.locator('input[name="q_vet_snap_recipient"]').inputValue()).toBe(
      'José Núñez',
    );

    // Declining a follow-up hides its own follow-ups.
    await radio(page, 'q_vet_disability', 'yes').check();
    await expect.poll(() => page.locator('[name="q_vet_discharged_1y"]').count()).toBe(3);
    await radio(page, 'q_vet_disability', 'declined').check();
    await expect.poll(() => page.locator('[name="q_vet_discharged_1y"]').count()).toBe(0);
    await radio(page, 'q_vet_unemp', '6m_plus').check();
    await radio(page, 'q_tanf_9of18', 'no').check();
    await page.locator('input[name="q_tanf_long"][value="declined"]').check();
    // SNAP is asked of an 18–39-year-old.
    await radio(page, 'q_snap', '6_of_6').check();
    await radio(page, 'q_vr', 'declined').check();
    await radio(page, 'q_felony', 'yes').check();
    await page
      .locator('input[name="felony_conviction_date"]')
      .pressSequentially(usDateKeys(daysAgo(100)));
    await radio(page, 'felony_jurisdiction', 'state').check();
    await page.locator('select[name="felony_state"]').selectOption('TX');
    await radio(page, 'q_ssi', 'declined').check();
    await radio(page, 'q_ltur', 'yes').check();
    await page.locator('select[name="q_ltur_states"]').first().selectOption('TX');
    await page.getByRole('button', { name: 'Agregar otro estado' }).click();
    await page.locator('select[name="q_ltur_states"]').nth(1).selectOption('NM');
    await checkStep(page, 'survey-es-2-questions');
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();

    await expectStep(page, 'Revisar y firmar');
    expect(await page.locator('[data-answer="ssn"]').textContent()).toBe('Prefiero no contestar');
    expect(await page.locator('[data-answer="q_ltur_states"]').textContent()).toBe(
      'Texas, New Mexico',
    );
    expect(await page.locator('[data-answer="dob"]').textContent()).toBe(usDate(dob28));
    // The county's name arrives with the county list ("…" until then).
    await expect
      .poll(() => page.locator('[data-answer="county"]').textContent())
      .toBe('El Paso County');
    await page.getByRole('checkbox', { name: /firmar electrónicamente/ }).check();
    await page.getByLabel('Escriba su nombre completo para firmar').fill('maria nunez');
    await checkStep(page, 'survey-es-3-review');
    await page.getByRole('button', { name: 'Firmar y enviar' }).click();

    await expect.poll(() => heading(page).textContent()).toBe('¡Gracias!');
    expect(await page.getByTestId('survey-done').textContent()).toContain(
      'Sus respuestas se enviaron a Ferretería López',
    );
    await checkStep(page, 'survey-es-4-thank-you');

    const stored = await applicant(seeded.applicantId);
    expect(stored?.survey.status).toBe('submitted');
    expect(stored?.language).toBe('es');
    // Declined the rehire question: a match cannot be pre-qualified without it.
    expect(stored?.eligibility.status).toBe('needs_review');
    const submission = await db.collection('survey_submissions').findOne({ _id: stored!._id });
    expect(submission).toMatchObject({
      outcome: 'submitted',
      language: 'es',
      signature: { fullName: 'maria nunez', agreed: true },
    });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  test('declining the whole survey from the first step, on a 360 px screen', async () => {
    const seeded = await seedSurveyApplicant(db, server.url, 'Acme Widgets');
    const { context, page, consoleErrors } = await openPhone(browser, 360);
    await page.goto(seeded.url);
    await expect.poll(() => heading(page).textContent()).toBe('About you');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.getByRole('button', { name: 'I prefer not to take part' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Not taking part?');
    await checkStep(page, 'survey-decline-confirm');
    await page.getByRole('button', { name: 'Yes, I do not want to take part' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Thank you!');
    expect(await page.getByTestId('survey-done').textContent()).toContain(
      'You chose not to take part',
    );
    await checkStep(page, 'survey-declined');
    const stored = await applicant(seeded.applicantId);
    expect(stored?.survey.status).toBe('declined');
    expect(stored?.eligibility.status).toBe('opted_out');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
