import type { Cell, PdfFormWriter } from '../pdf-writer.ts';

/** Pieces several form layouts draw the same way. */

export interface HeaderSpec {
  /** Left column; a line equal to `formNumber` is drawn large and bold. */
  left: readonly string[];
  formNumber?: string;
  /** Centre: the form's title (bold), then an optional note. */
  title: string;
  note?: string;
  /** Right column, e.g. the OMB number. */
  right: readonly string[];
}

const HEADER_HEIGHT = 54;

/** The three-column header of a government form: who issues it, its title, its OMB number. */
export function formHeader(w: PdfFormWriter, spec: HeaderSpec): void {
  const top = w.y;
  const leftWidth = 130;
  const rightWidth = 120;
  let y = top;
  for (const line of spec.left) {
    const big = line === spec.formNumber;
    // Long agency names shrink to stay in their column.
    const size = big ? 18 : Math.min(6.5, (6.5 * (leftWidth - 4)) / w.width(line, { size: 6.5 }));
    y -= big ? 18 : 8;
    w.text(line, w.left, y, { size, weight: big ? 'bold' : 'regular' });
  }
  const centerX = w.left + leftWidth + 8;
  const centerWidth = w.contentWidth - leftWidth - rightWidth - 16;
  w.y = top - 4;
  w.paragraph(spec.title, { x: centerX, width: centerWidth, style: { size: 11, weight: 'bold' } });
  if (spec.note) {
    w.paragraph(spec.note, { x: centerX, width: centerWidth, style: { size: 7, color: 'muted' } });
  }
  w.y = top;
  for (const line of spec.right) {
    w.paragraph(line, {
      x: w.right - rightWidth + 6,
      style: { size: 7.5, weight: 'bold' },
      after: 1,
    });
  }
  for (const x of [w.left + leftWidth, w.right - rightWidth]) {
    w.page.drawLine({ start: { x, y: top }, end: { x, y: top - HEADER_HEIGHT }, thickness: 0.5 });
  }
  w.y = top - HEADER_HEIGHT;
  w.rule(1.5);
  w.y -= 4;
}

/** The top line of a form's later page: the form and revision left, the page number right. */
export function continuationHeader(w: PdfFormWriter, form: string, page: number): void {
  const label = `Page ${page}`;
  const bold = { size: 8, weight: 'bold' } as const;
  w.text(form, w.left, w.y - 9, { size: 8 });
  w.text(label, w.right - w.width(label, bold), w.y - 9, bold);
  w.y -= 14;
}

/** A declaration in small type, then its signature row. */
export function signatureBlock(
  w: PdfFormWriter,
  declaration: string,
  cells: readonly Cell[],
): void {
  w.paragraph(declaration, { style: { size: 7.5 }, after: 4 });
  w.cells(cells, 30);
}

/** How an electronic signature stands on a signature line. */
export function signedLine(typedName: string): string {
  return `/s/ ${typedName} (signed electronically; see the signature record)`;
}
