import type { FilingRow } from '@eligo/shared/schemas/filing';

/**
 * What an admin can do with the hires picked on Filing (docs/forms.md §8–§9): sign for the
 * employer the ones that lack only that signature, and download the packet of the ones ready to
 * file. A hire already sent to the state is neither.
 */

type Pickable = Pick<FilingRow, 'id' | 'filing'>;

/** Nothing is missing but the employer's signature: "Sign and mark ready" applies. */
export function needsOnlyEmployerSignature(row: Pickable): boolean {
  const { missing, status } = row.filing;
  return (
    status.state === 'not_submitted' && missing.length === 1 && missing[0] === 'employer_signature'
  );
}

/** Ready to file: its forms can go in a packet. */
export function isReadyToFile(row: Pickable): boolean {
  return row.filing.status.state === 'not_submitted' && row.filing.missing.length === 0;
}

export function isPickable(row: Pickable): boolean {
  return needsOnlyEmployerSignature(row) || isReadyToFile(row);
}

/** The picked rows shown on the page, split by what can be done with them. */
export function pickedActions(rows: readonly Pickable[], picked: ReadonlySet<string>) {
  const chosen = rows.filter((row) => picked.has(row.id));
  return {
    toSign: chosen.filter(needsOnlyEmployerSignature).map((row) => row.id),
    toPack: chosen.filter(isReadyToFile).map((row) => row.id),
  };
}
