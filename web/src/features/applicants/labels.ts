import { WOTC_STATUS_LABELS } from '@eligo/shared/applicants';
import type {
  SurveyStatus,
  TagSyncState,
  TimelineEvent,
  WotcStatus,
} from '@eligo/shared/schemas/applicants';
import type { Tone } from '../../components/ToneBadge.vue';

export {
  SURVEY_STATUS_LABELS,
  TAG_SYNC_LABELS,
  WOTC_STATUS_LABELS,
} from '@eligo/shared/applicants';

/** The badge colour of each status. */
export function surveyTone(status: SurveyStatus): Tone {
  if (status === 'submitted') return 'good';
  if (status === 'missing_email' || status === 'expired') return 'warn';
  if (status === 'declined') return 'muted';
  return 'info';
}

export function wotcTone(status: WotcStatus): Tone {
  const tones: Record<WotcStatus, Tone> = {
    pending: 'muted',
    pre_qualified: 'good',
    not_qualified: 'neutral',
    needs_review: 'warn',
  };
  return tones[status];
}

const TAG_TONES: Record<TagSyncState, Tone> = {
  none: 'muted',
  pending: 'info',
  synced: 'good',
  failed: 'warn',
  dead: 'bad',
};

export function tagTone(state: TagSyncState): Tone {
  return TAG_TONES[state];
}

export function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—';
}

/**
 * A calendar day (`YYYY-MM-DD`: a start date, a due date) as `Mar 9, 2026`. Read as UTC so the
 * browser's own time zone never moves it to the day before.
 */
export function formatDay(iso: string | null | undefined): string {
  return iso
    ? new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, {
        dateStyle: 'medium',
        timeZone: 'UTC',
      })
    : '—';
}

export function formatDateTime(iso: string | null): string {
  return iso
    ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    : '—';
}

export function formatMoney(dollars: number): string {
  return dollars.toLocaleString('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  });
}

/** A wage in dollars and cents: `$17.25`. */
export function formatWage(dollars: number): string {
  return dollars.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** One line of the timeline, in words. */
export function describeEvent(event: TimelineEvent): string {
  const d = event.data;
  switch (event.type) {
    case 'received':
      return d.anonymized
        ? 'Application received from Lever (candidate anonymized)'
        : `Application received from Lever${d.postingTitle ? ` for ${str(d.postingTitle)}` : ''}`;
    case 'missing_email':
      return 'No email address in Lever: the survey cannot be sent';
    case 'invitation_sent':
      return `Survey emailed to ${str(d.email)}`;
    case 'invitation_failed':
      return `The survey email could not be sent: ${str(d.reason)}`;
    case 'reminder_sent':
      return `Reminder ${str(d.number)} emailed to ${str(d.email)}`;
    case 'reminder_failed':
      return `Reminder ${str(d.number)} could not be sent: ${str(d.reason)}`;
    case 'survey_reused':
      return `Same person applied before${d.postingTitle ? ` (${str(d.postingTitle)})` : ''}: that survey is used, no new email`;
    case 'survey_opened':
      return 'Survey opened';
    case 'survey_submitted':
      return 'Survey submitted';
    case 'survey_declined':
      return 'Survey declined';
    case 'evaluated':
      return `Evaluated: ${str(d.status).replace(/_/g, ' ')}${d.targetGroups ? ` (groups ${str(d.targetGroups)})` : ''}`;
    case 'result_copied':
      return 'Result copied from the earlier application of the same person';
    case 'override':
      return `WOTC status changed from ${label(d.from)} to ${label(d.to)}: “${str(d.reason)}”`;
    case 'email_set':
      return `Email address set to ${str(d.email)}`;
    case 'survey_resent':
      return `Survey emailed again to ${str(d.email)} with a new link`;
    case 'tag_sync_requested':
      return `Lever tag requested: ${str(d.tag)}`;
    case 'tag_synced':
      return 'Lever tag written';
    case 'tag_sync_failed':
      return `Writing the Lever tag failed: ${str(d.reason)}`;
    case 'tag_sync_dead':
      return `Gave up writing the Lever tag: ${str(d.reason)}`;
    case 'ssn_revealed':
      return `SSN revealed: “${str(d.reason)}”`;
    case 'hire_recorded':
      return `Hire recorded (${hireSource(d.source)})${d.fields ? `: ${str(d.fields)}` : ''}`;
    case 'hire_updated':
      return `Hire updated (${hireSource(d.source)})${d.fields ? `: ${str(d.fields)}` : ''}${d.reason ? ` — “${str(d.reason)}”` : ''}`;
    case 'employer_signed':
      return `Forms 8850 and 9061 signed for the employer by ${str(d.name)}${d.title ? `, ${str(d.title)}` : ''}`;
    case 'filing_recorded':
      return describeFilingEvent(d);
  }
}

/** What the state did, as recorded (a submission after the deadline says so). */
function describeFilingEvent(d: Record<string, unknown>): string {
  const on = str(d.on);
  switch (d.status) {
    case 'submitted':
      return `Submitted to the state on ${on} by ${str(d.method)}${d.reference ? ` (reference ${str(d.reference)})` : ''}${d.late ? ' — after the 28-day deadline' : ''}`;
    case 'certified':
      return `Certified on ${on}${d.targetGroup ? `, target group ${str(d.targetGroup)}` : ''}${d.certificationNumber ? `, certification ${str(d.certificationNumber)}` : ''}`;
    case 'denied':
      return `Denied on ${on}${d.reason ? `: ${str(d.reason)}` : ''}`;
    case 'held':
      return `Held by the state on ${on}${d.reason ? `: ${str(d.reason)}` : ''}`;
    default:
      return `Filing status recorded: ${str(d.status)} on ${on}`;
  }
}

const HIRE_SOURCE_WORDS: Record<string, string> = {
  lever_webhook: 'from Lever',
  lever_reconcile: 'from Lever, found by the reconcile',
  admin: 'by an admin',
  csv: 'from a CSV upload',
};

function hireSource(source: unknown): string {
  return HIRE_SOURCE_WORDS[str(source)] ?? str(source);
}

function label(status: unknown): string {
  return WOTC_STATUS_LABELS[str(status) as WotcStatus] ?? str(status);
}
