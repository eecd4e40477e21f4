import { Schema, type Types } from 'mongoose';
import type { TimelineActor, TimelineEventType } from '@eligo/shared/schemas/applicants';
import { modelOn } from '../../lib/model.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';

export type TimelineData = Record<string, string | number | boolean | null>;

/**
 * One event in an applicant's history. Append-only: the code only ever inserts these (no route and
 * no service updates or deletes them). `data` holds small facts, never SSNs or answers.
 */
export interface ApplicantEvent {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  applicantId: Types.ObjectId;
  at: Date;
  /** Orders events of the same millisecond in the order they were recorded (timeline.ts). */
  seq: number;
  type: TimelineEventType;
  actor: TimelineActor & { userId: Types.ObjectId | null };
  data: TimelineData;
}

const eventSchema = new Schema<ApplicantEvent>(
  {
    applicantId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    actor: {
      type: new Schema(
        {
          kind: { type: String, enum: ['system', 'user', 'applicant', 'lever'], required: true },
          name: { type: String, default: null },
          userId: { type: Schema.Types.ObjectId, default: null },
        },
        { _id: false },
      ),
      required: true,
    },
    data: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'applicant_events', versionKey: false, minimize: false },
);
eventSchema.plugin(tenantScoped);
eventSchema.index({ organizationId: 1, applicantId: 1, at: 1, seq: 1 });

export const applicantEventModel = modelOn<ApplicantEvent>('ApplicantEvent', eventSchema);
