import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZipFile } from 'yazl';
import { filingDueOn, packetFolder, todayIn } from '@eligo/shared/filing';
import { normalizeSsn, targetGroup } from '@eligo/shared/wotc';
import { toCsv } from '../../../lib/csv.ts';
import type { AuthContext } from '../../../plugins/auth.ts';
import { recordAudit } from '../../audit/index.ts';
import {
  filingContext,
  readEligibility,
  type Applicant,
  type FilingContext,
} from '../../applicants/index.ts';
import { renderForm8850, renderForm9061, type FormInput } from '../forms/index.ts';
import { FORM_FIELDS } from './form-download.ts';
import { loadFormInput, readSignedAnswers } from './form-input.loader.ts';
import { loadSelection, refuseBlockedSelection } from './readiness.ts';

/** One hire of a packet: where its forms go and its manifest line. */
interface PacketEntry {
  applicant: Applicant;
  folder: string;
  manifest: Array<string | number | null>;
}

export const MANIFEST_HEADER = [
  'Name',
  'SSN (last 4)',
  'Start date',
  'Due date',
  'State',
  'Target groups claimed',
  'Folder',
];

/** The folder and the manifest line of one hire, from its signed answers (as the PDFs print). */
async function packetEntry(app: FastifyInstance, applicant: Applicant): Promise<PacketEntry> {
  const { answers } = await readSignedAnswers(app, applicant);
  const hire = applicant.hire!;
  const state = hire.employedInState!;
  const folder = packetFolder(state, answers.last_name, applicant._id.toHexString());
  const ssn = answers.ssn === 'declined' ? null : normalizeSsn(answers.ssn);
  const eligibility = await readEligibility(app, applicant);
  const groups = [...new Set(eligibility?.matches.map((m) => targetGroup(m.code).name) ?? [])];
  const name = [answers.first_name, answers.middle_initial, answers.last_name]
    .filter(Boolean)
    .join(' ');
  return {
    applicant,
    folder,
    manifest: [
      name,
      ssn ? ssn.slice(-4) : 'declined',
      hire.startedOn,
      filingDueOn(hire.startedOn!),
      state,
      groups.join('; '),
      folder,
    ],
  };
}

/**
 * The ZIP, streamed: the manifest first, then each hire's two PDFs, each rendered only when the
 * archive reaches it (yazl's lazy entries), so at most one hire's forms are in memory whatever the
 * packet's size, and a slow client slows the rendering down (stream back-pressure). A failure or a
 * client that goes away mid-way ends the stream: the archive is then visibly incomplete (no
 * central directory), never a valid ZIP with files missing.
 */
function streamPacket(
  app: FastifyInstance,
  reply: FastifyReply,
  entries: readonly PacketEntry[],
  context: FilingContext,
): Readable {
  const zip = new ZipFile();
  let gone = false;
  reply.raw.once('close', () => {
    gone = !reply.raw.writableFinished;
  });
  zip.addBuffer(
    Buffer.from(
      toCsv(
        MANIFEST_HEADER,
        entries.map((e) => e.manifest),
      ),
    ),
    'manifest.csv',
  );
  let loaded: { id: string; input: Promise<FormInput> } | null = null;
  const inputOf = (applicant: Applicant) => {
    const id = applicant._id.toHexString();
    if (loaded?.id !== id) loaded = { id, input: loadFormInput(app, applicant, context) };
    return loaded.input;
  };
  const lazyPdf = (entry: PacketEntry, render: (input: FormInput) => Promise<Uint8Array>) =>
    ((callback: (error: Error | null, stream?: Readable) => void) => {
      if (gone) return callback(new Error('The client went away: packet abandoned'));
      inputOf(entry.applicant)
        .then(render)
        .then((pdf) => callback(null, new PassThrough().end(pdf)))
        .catch((error: Error) => callback(error));
    }) as (callback: (error: Error | null, stream: Readable) => void) => void;
  for (const entry of entries) {
    zip.addReadStreamLazy(`${entry.folder}8850.pdf`, lazyPdf(entry, renderForm8850));
    zip.addReadStreamLazy(`${entry.folder}9061.pdf`, lazyPdf(entry, renderForm9061));
  }
  zip.end();
  const out = zip.outputStream as PassThrough;
  zip.on('error', (error: Error) => {
    if (!gone) reply.log.error({ err: error }, 'state packet failed while streaming');
    out.destroy(error);
  });
  return out;
}

/**
 * `POST /api/filing/packets` (docs/forms.md §9): checks the whole selection first (an unknown id
 * is one 404, a hire whose forms cannot be made yet one 409, both before a byte is sent), writes
 * the audit record, then streams `<state>/<last name>-<id>/8850.pdf` and `9061.pdf` per hire and
 * `manifest.csv`, hires ordered by state, last name and id.
 */
export async function preparePacket(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  auth: AuthContext,
  applicantIds: readonly string[],
): Promise<{ stream: Readable; filename: string; count: number }> {
  const organizationId = auth.organization._id;
  const applicants = await loadSelection(app, organizationId, applicantIds);
  const context = await filingContext(app, organizationId);
  refuseBlockedSelection(applicants, context, [], 'go in a packet');
  const entries: PacketEntry[] = [];
  for (const applicant of applicants) entries.push(await packetEntry(app, applicant));
  entries.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  const states = [...new Set(entries.map((e) => e.applicant.hire!.employedInState!))];
  await recordAudit(app, request, auth, {
    action: 'filing_packet_exported',
    fields: FORM_FIELDS,
    detail: {
      rows: entries.length,
      states: states.join(' '),
      applicantIds: entries.map((e) => e.applicant._id.toHexString()).join(' '),
    },
  });
  const day = todayIn(context.timeZone, context.now);
  const place = states.length === 1 ? `-${states[0]}` : '';
  return {
    stream: streamPacket(app, reply, entries, context),
    filename: `wotc-packet${place}-${day}.zip`,
    count: entries.length,
  };
}
