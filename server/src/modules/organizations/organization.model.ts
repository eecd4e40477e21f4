import { Schema, type HydratedDocument, type Types } from 'mongoose';
import { modelOn } from '../../lib/model.ts';

export interface Organization {
  _id: Types.ObjectId;
  name: string;
  /** Prefix of the Lever tags Eligo writes, e.g. `Eligo` → `Eligo-WOTC:Pre Qualified`. */
  tagPrefix: string;
  createdAt: Date;
  updatedAt: Date;
}
export type OrganizationDocument = HydratedDocument<Organization>;

// The tenant root: not tenant-scoped itself; read only by the id taken from the session.
const organizationSchema = new Schema<Organization>(
  {
    name: { type: String, required: true, trim: true, maxlength: 120 },
    tagPrefix: { type: String, required: true, default: 'Eligo', maxlength: 40 },
  },
  { timestamps: true },
);

export const organizationModel = modelOn<Organization>('Organization', organizationSchema);
