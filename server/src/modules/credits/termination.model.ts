import { Schema, type Types } from 'mongoose';
import { modelOn } from '../../lib/model.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';

/**
 * A hire's last day of work, set by an admin (docs/credits.md §8): it ends the credit projection,
 * and under 120 hours by then means no credit. One document per applicant (`_id` is the
 * applicant's id); clearing it deletes it.
 */
export interface HireTermination {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  terminatedOn: string;
  setBy: Types.ObjectId;
  setAt: Date;
}

const terminationSchema = new Schema<HireTermination>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    terminatedOn: { type: String, required: true },
    setBy: { type: Schema.Types.ObjectId, required: true },
    setAt: { type: Date, required: true },
  },
  { collection: 'hire_terminations', versionKey: false },
);
terminationSchema.index({ organizationId: 1 });
terminationSchema.plugin(tenantScoped);

export const terminationModel = modelOn<HireTermination>('HireTermination', terminationSchema);
