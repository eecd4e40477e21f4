import { describe, expect, test } from 'vitest';
import { aFilingRow, aHire } from './fixtures.ts';
import { isPickable, pickedActions } from './filing-selection.ts';

const complete = aHire({
  offeredOn: '2026-03-01',
  hiredOn: '2026-03-02',
  startedOn: '2026-03-05',
  position: 'Dock worker',
  startingWage: 18,
  employedInState: 'TX',
});
const unsigned = aFilingRow('1'.repeat(24), 'Unsigned', complete);
const ready = aFilingRow('2'.repeat(24), 'Ready', complete, { employerSigned: true });
const noStart = aFilingRow('3'.repeat(24), 'No start', aHire({ offeredOn: '2026-03-01' }), {
  employerSigned: true,
});
const sent = aFilingRow('4'.repeat(24), 'Sent', complete, {
  employerSigned: true,
  status: {
    state: 'submitted',
    submission: { on: '2026-03-06', method: 'portal', reference: null, late: false },
    determination: null,
  },
});

describe('what can be done with the hires picked', () => {
  test('sign the ones lacking only the signature; pack the ready ones; nothing else', () => {
    expect([unsigned, ready, noStart, sent].map(isPickable)).toEqual([true, true, false, false]);
    const all = new Set([unsigned.id, ready.id, noStart.id, sent.id]);
    expect(pickedActions([unsigned, ready, noStart, sent], all)).toEqual({
      toSign: [unsigned.id],
      toPack: [ready.id],
    });
    expect(pickedActions([unsigned, ready], new Set([ready.id]))).toEqual({
      toSign: [],
      toPack: [ready.id],
    });
  });
});
