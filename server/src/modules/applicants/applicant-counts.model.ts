import { Schema, type Types } from 'mongoose';
import { modelOn } from '../../lib/model.ts';

/**
 * The dashboard's counts of an organization, kept with the writes (applicant-counts.ts): a few
 * shard documents per organization, each a map of counters (`s_<survey status>`,
 * `w_<WOTC status>`, `t_<tag state>`), summed when read. A write adds to one shard picked at random,
 * so concurrent writes of one organization rarely wait on the same row. `v` counts the additions
 * (the repair job compares it before and after it recounts). Shard 0 also says whether every
 * applicant of the organization is counted (`ready`).
 */
export interface ApplicantCounts {
  /** `<organizationId>:<shard>`. */
  _id: string;
  organizationId: Types.ObjectId;
  n: Record<string, number>;
  v: number;
  ready?: boolean;
}

const applicantCountsSchema = new Schema<ApplicantCounts>(
  {
    _id: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    n: { type: Schema.Types.Mixed, default: () => ({}) },
    v: { type: Number, default: 0 },
    ready: { type: Boolean },
  },
  { collection: 'applicant_counts', versionKey: false, minimize: false },
);

export const applicantCountsModel = modelOn<ApplicantCounts>(
  'ApplicantCounts',
  applicantCountsSchema,
);
