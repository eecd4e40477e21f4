import { Schema } from 'mongoose';
import { modelOn } from '../../lib/model.ts';

/**
 * Proof that a one-time token was used: `_id` is the token's hash, so a second use fails on the
 * unique `_id` — atomic on MongoDB and on FerretDB alike (read-then-write checks are not).
 */
export interface TokenReceipt {
  _id: string;
  purpose: 'invitation' | 'survey' | 'password_reset';
  usedAt: Date;
}

const tokenReceiptSchema = new Schema<TokenReceipt>(
  {
    _id: { type: String, required: true },
    purpose: { type: String, required: true },
    usedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const tokenReceiptModel = modelOn<TokenReceipt>('TokenReceipt', tokenReceiptSchema);
