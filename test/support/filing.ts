import type { FastifyInstance } from 'fastify';
import yauzl from 'yauzl';
import { SAMPLE_EMPLOYER } from '@eligo/shared/filing/fixtures';
import { todayIn } from '@eligo/shared/filing';
import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { answerSurvey } from './applicants.ts';
import { createUser, registerTestApplicant, signedIn } from './factories.ts';
import type { ApiClient } from './http.ts';
import { orgTestApp, type OrgTestApp } from './org-app.ts';
import { canaryAnswers } from './survey.ts';

/**
 * Filing test support (issue 20): an organization with a complete employer profile, hires that
 * are screened, hired and signed through the API, and the ZIP of a state packet read back.
 */

/** The sample employer is in Texas: its deadlines and form dates are counted in Chicago time. */
export const EMPLOYER_TIME_ZONE = 'America/Chicago';

/** Today where the sample employer counts days (the server's clock, never a literal date). */
export function employerToday(): string {
  return todayIn(EMPLOYER_TIME_ZONE, new Date());
}

export async function saveEmployerProfile(admin: ApiClient): Promise<void> {
  const res = await admin.patch('/api/organization/settings', { employer: SAMPLE_EMPLOYER });
  if (res.statusCode !== 200) throw new Error(`employer profile: ${res.statusCode} ${res.body}`);
}

export interface HireInput {
  offeredOn: string | null;
  hiredOn: string | null;
  startedOn: string | null;
  position: string | null;
  startingWage: number | null;
  employedInState: string | null;
}

/** Offered, hired and started today (the survey was signed today: never screened too late). */
export function hiredToday(overrides: Partial<HireInput> = {}): HireInput {
  const day = employerToday();
  return {
    offeredOn: day,
    hiredOn: day,
    startedOn: day,
    position: 'Dock worker',
    startingWage: 18.5,
    employedInState: 'TX',
    ...overrides,
  };
}

/** An applicant who answered the survey (the canary answers by default). */
export async function screenedApplicant(
  app: FastifyInstance,
  organizationId: string,
  options: { name?: string; email?: string; answers?: SubmittedAnswers } = {},
): Promise<string> {
  const { applicant } = await registerTestApplicant(app, organizationId, {
    name: options.name ?? 'Ada Lovelace',
    ...(options.email ? { email: options.email } : {}),
  });
  const id = applicant._id.toHexString();
  await answerSurvey(app, organizationId, id, options.answers ?? canaryAnswers());
  return id;
}

/** Records the hire as an admin (a correction of a confirmed value needs a reason: `reason`). */
export async function putHire(
  admin: ApiClient,
  applicantId: string,
  hire: HireInput,
  reason?: string,
) {
  const res = await admin.put(`/api/applicants/${applicantId}/hire`, {
    ...hire,
    ...(reason ? { reason } : {}),
  });
  if (res.statusCode !== 200) throw new Error(`hire: ${res.statusCode} ${res.body}`);
}

export const employerSignature = {
  fullName: 'Sam Ortiz',
  title: 'People Operations Lead',
  agreed: true,
} as const;

/** Screened, hired today and signed for the employer: ready to file. */
export async function readyHire(
  app: FastifyInstance,
  organizationId: string,
  admin: ApiClient,
  options: Parameters<typeof screenedApplicant>[2] = {},
): Promise<string> {
  const id = await screenedApplicant(app, organizationId, options);
  await putHire(admin, id, hiredToday());
  const res = await admin.post('/api/filing/sign', { ...employerSignature, applicantIds: [id] });
  if (res.statusCode !== 200) throw new Error(`sign: ${res.statusCode} ${res.body}`);
  return id;
}

/** The files of a ZIP, by name (read with yauzl, which checks the central directory). */
export function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      archive.on('error', reject);
      archive.on('end', () => resolve(files));
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
}

export interface FilingTestApp extends OrgTestApp {
  /** A member of the organization, signed in: reads, never signs, downloads or records. */
  member: ApiClient;
}

/**
 * `orgTestApp` for the filing files: survey limits out of the way (every test submits surveys),
 * an admin and a member signed in, and the employer profile saved.
 */
export async function filingTestApp(label: string, name: string): Promise<FilingTestApp> {
  const t = await orgTestApp(label, {
    env: { SURVEY_RATE_LIMIT_PER_MINUTE: '10000', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
    organization: { name },
  });
  const member = await signedIn(
    t.app,
    await createUser(t.app, t.org.organizationId, { role: 'member' }),
  );
  await saveEmployerProfile(t.admin);
  return { ...t, member };
}
