import { Type, type Static } from 'typebox';

/**
 * The kinds of background work an admin sees when some of it is dead (it ran out of retries, or a
 * permanent failure ended it) and can retry all at once: emails, Lever applications to read, Lever
 * tags to write. The server's job definitions name their kind with these values.
 */
export const JOB_KINDS = ['mail', 'lever-application', 'lever-tag'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_KIND_LABELS: Record<JobKind, string> = {
  mail: 'Emails not sent',
  'lever-application': 'Lever applications not read',
  'lever-tag': 'Lever tags not written',
};

export const jobKindSchema = Type.Enum(JOB_KINDS);

export const deadWorkSchema = Type.Object({
  /** Every kind, in JOB_KINDS order, with how many of the organization's jobs of it are dead. */
  items: Type.Array(Type.Object({ kind: jobKindSchema, count: Type.Integer({ minimum: 0 }) })),
});
export type DeadWork = Static<typeof deadWorkSchema>;

export const retryDeadWorkBodySchema = Type.Object(
  { kind: jobKindSchema },
  { additionalProperties: false },
);
export type RetryDeadWorkBody = Static<typeof retryDeadWorkBodySchema>;

export const retryDeadWorkResultSchema = Type.Object({
  kind: jobKindSchema,
  /** How many dead jobs were queued again (0 when there were none). */
  retried: Type.Integer({ minimum: 0 }),
});
export type RetryDeadWorkResult = Static<typeof retryDeadWorkResultSchema>;
