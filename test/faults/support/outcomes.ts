import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { linkFrom } from '../../support/smtp.ts';
import type { Candidate, FaultBed } from './fault-bed.ts';

/** One line of the table the suite prints (support/global-setup.ts). */
export interface ScenarioRow {
  scenario: string;
  /** Applicants (mail) or opportunities (tags) the scenario expected an outcome for. */
  expected: number;
  /** With at least one outcome: a mail received, a tag written. */
  sent: number;
  /** Exactly one outcome and it works: one message (Message-ID) whose link opens the survey; one tag. */
  correct: number;
  lost: number;
  /** More than one outcome: two different messages (two links), or the tag written twice. */
  duplicated: number;
  /** From the end of the fault until the last outcome arrived. */
  recoveryMs: number;
  note?: string;
}

export async function recordRow(row: ScenarioRow): Promise<void> {
  await appendFile(path.join(inject('faultsResultsDir'), 'rows.jsonl'), `${JSON.stringify(row)}\n`);
}

/** Exactly-once outcomes of one scenario (the table's columns, see ScenarioRow). */
export interface Counts {
  sent: number;
  correct: number;
  lost: number;
  duplicated: number;
}

export interface MailOutcome {
  counts: Counts;
  /** Survey tokens of the candidates whose mail worked, by email. */
  tokens: Map<string, string>;
}

/**
 * What each candidate found in their mailbox: the messages (by Message-ID: the same message sent
 * twice after a lost "250" is one message, shown once by a mail client) and whether the link in it
 * opens the survey. `swallowed` (read by the server, never acknowledged) counts as delivered.
 */
export async function mailOutcome(bed: FaultBed, candidates: Candidate[]): Promise<MailOutcome> {
  const outcome: Counts = { sent: 0, correct: 0, lost: 0, duplicated: 0 };
  const tokens = new Map<string, string>();
  const all = [...bed.smtp.received, ...bed.smtp.swallowed];
  for (const { email } of candidates) {
    const mails = all.filter((m) => m.to.includes(email));
    const messages = new Set(mails.map((m) => m.messageId));
    if (mails.length === 0) {
      outcome.lost += 1;
      continue;
    }
    outcome.sent += 1;
    if (messages.size > 1) {
      outcome.duplicated += 1;
      continue;
    }
    const token = linkFrom(mails[0]!, `${bed.api.url}/survey/`).split('/survey/')[1]!;
    const opened = await fetch(`${bed.api.url}/api/survey/${token}`);
    if (opened.status === 200) {
      outcome.correct += 1;
      tokens.set(email, token);
    }
  }
  return { counts: outcome, tokens };
}

/** Candidates with at least one mail the server acknowledged ("250"). */
export const mailed = (bed: FaultBed, candidates: Candidate[]) =>
  candidates.filter(({ email }) => bed.smtp.received.some((m) => m.to.includes(email))).length;

/**
 * What Lever holds for each opportunity: its WOTC tags (exactly one expected) and how many
 * `addTags` calls succeeded for it (a second one would be a duplicate write).
 */
export async function tagOutcome(bed: FaultBed, candidates: Candidate[]): Promise<Counts> {
  const { body } = await bed.control('GET', '/requests?method=POST&pathPrefix=/opportunities');
  const writes = (body.data as Array<{ path: string; status: number }>).filter(
    (r) => r.path.endsWith('/addTags') && r.status < 300,
  );
  const outcome: Counts = { sent: 0, correct: 0, lost: 0, duplicated: 0 };
  for (const { opportunityId } of candidates) {
    const opportunity = await bed.control('GET', `/opportunities/${opportunityId}`);
    const tags = (opportunity.body.data.tags as string[]).filter((t) => t.includes('-WOTC:'));
    const written = writes.filter((w) => w.path.includes(opportunityId)).length;
    if (tags.length === 0) outcome.lost += 1;
    else outcome.sent += 1;
    if (written > 1 || tags.length > 1) outcome.duplicated += 1;
    else if (tags.length === 1) outcome.correct += 1;
  }
  return outcome;
}
