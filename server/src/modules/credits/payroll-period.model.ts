import { Schema, type Types } from 'mongoose';
import { modelOn } from '../../lib/model.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';

/**
 * One pay period of one person, as the payroll CSV gave it (docs/credits.md §8). Stored under
 * (organization, applicant, periodStart, periodEnd): uploading the same period again replaces it.
 * Amounts are integers (hundredths of an hour, cents), as `creditFor` counts them, so sums never
 * drift. Kept for people not certified (yet): their credit appears once the state certifies them.
 */
export interface PayrollPeriod {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  applicantId: Types.ObjectId;
  periodStart: string;
  periodEnd: string;
  hundredthsOfHours: number;
  cents: number;
  createdAt: Date;
  updatedAt: Date;
}

const payrollPeriodSchema = new Schema<PayrollPeriod>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    applicantId: { type: Schema.Types.ObjectId, required: true },
    periodStart: { type: String, required: true },
    periodEnd: { type: String, required: true },
    hundredthsOfHours: { type: Number, required: true },
    cents: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'payroll_periods', versionKey: false },
);
// The key of an upload's upsert, and the ledger's read of a person's periods in order.
payrollPeriodSchema.index(
  { organizationId: 1, applicantId: 1, periodStart: 1, periodEnd: 1 },
  { unique: true },
);
payrollPeriodSchema.plugin(tenantScoped);

export const payrollPeriodModel = modelOn<PayrollPeriod>('PayrollPeriod', payrollPeriodSchema);

/** Dollars and hours as the API speaks them. */
export const toHours = (hundredths: number) => hundredths / 100;
export const toDollars = (cents: number) => cents / 100;
