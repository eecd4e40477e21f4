import { Schema, type Types } from 'mongoose';
import { retireIndex } from '../../lib/db/index.ts';
import { modelOn } from '../../lib/model.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';

/**
 * One pay period of one person, as the payroll CSV gave it (docs/credits.md §8). Its `_id` is
 * the key (applicant, periodStart, periodEnd) written out (`payrollPeriodId`): uploading the same
 * period again replaces it, and two uploads racing to create it meet on the primary key. Amounts
 * are integers (hundredths of an hour, cents), as `creditFor` counts them, so sums never drift.
 * Kept for people not certified (yet): their credit appears once the state certifies them.
 */
export interface PayrollPeriod {
  _id: string;
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
    _id: { type: String, required: true },
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
// A person's periods: the upload's check against what is stored, the ledger's read. Not unique:
// the primary key is. A unique compound index costs DocumentDB an index probe per insert that
// grows with the collection (210 rows/s at 20,000 periods, against 8,000 rows/s with the key in
// `_id`; docs/credits.md §8), so uniqueness lives in `_id`, as the jobs' dedupe keys do.
payrollPeriodSchema.index({ organizationId: 1, applicantId: 1 });
// The unique key it replaces, dropped where it exists.
retireIndex(payrollPeriodSchema, {
  organizationId: 1,
  applicantId: 1,
  periodStart: 1,
  periodEnd: 1,
});
payrollPeriodSchema.plugin(tenantScoped);

export const payrollPeriodModel = modelOn<PayrollPeriod>('PayrollPeriod', payrollPeriodSchema);

/** The `_id` of a person's period: one per (applicant, dates), whatever uploads it. */
export const payrollPeriodId = (applicantId: Types.ObjectId, start: string, end: string) =>
  `${applicantId.toHexString()}:${start}:${end}`;

/** Dollars and hours as the API speaks them. */
export const toHours = (hundredths: number) => hundredths / 100;
export const toDollars = (cents: number) => cents / 100;
