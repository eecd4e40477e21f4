import {
  PDFDocument,
  cleanText,
  degrees,
  drawLinesOfText,
  lineSplit,
  rgb,
  type PDFFont,
  type PDFName,
  type PDFPage,
} from 'pdf-lib';
import './pdf-deflate.ts';
import { SUBSET_NAMES, cachingFontkit, fontFiles, type FontWeight } from './pdf-fonts.ts';

/**
 * A small top-down layout helper over pdf-lib for the forms: a cursor (`y`) moves down the page as
 * rows of boxed fields, numbered statements and paragraphs are drawn. Text is real text in an
 * embedded font, so it can be selected, searched and extracted. Letter paper, half-inch margins.
 */

export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
const MARGIN = 36;
const BOTTOM = 48;

export interface TextStyle {
  size?: number;
  weight?: FontWeight;
  color?: 'ink' | 'muted' | 'inverse';
}

/** One boxed field of a row: a small label (its box number in bold) above the value. */
export interface Cell {
  number?: string;
  label: string;
  value?: string;
  /** Width in points; the row's widths add up to the content width. */
  width: number;
}

export interface DocumentMeta {
  title: string;
  subject: string;
  /** Fixed creation/modification date: the same input must give the same bytes. */
  createdAt: Date;
}

const COLORS = { ink: rgb(0, 0, 0), muted: rgb(0.3, 0.3, 0.3), inverse: rgb(1, 1, 1) };
const CHECKED = '\u2612';
const UNCHECKED = '\u2610';
/** Control characters would draw as missing glyphs; a typed value never needs them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

const NO_ROTATION = degrees(0);
/** A page's default line height in pdf-lib (a line break within one string moves down this far). */
const PDF_LIB_LINE_HEIGHT = 24;

export const checkMark = (checked: boolean) => (checked ? CHECKED : UNCHECKED);

export class PdfFormWriter {
  readonly left = MARGIN;
  readonly right = PAGE_WIDTH - MARGIN;
  readonly contentWidth = PAGE_WIDTH - 2 * MARGIN;
  /** PDF y of the top of the next thing drawn. */
  y = PAGE_HEIGHT - MARGIN;
  private readonly pages: PDFPage[] = [];
  /** Each page's resource name of each font, added to the page the first time it is used. */
  private readonly fontKeys = new Map<PDFPage, Partial<Record<FontWeight, PDFName>>>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Record<FontWeight, PDFFont>,
  ) {}

  static async create(meta: DocumentMeta): Promise<PdfFormWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(cachingFontkit);
    const files = await fontFiles();
    const embed = (weight: FontWeight) =>
      doc.embedFont(files[weight], { subset: true, customName: SUBSET_NAMES[weight] });
    const [regular, bold] = await Promise.all([embed('regular'), embed('bold')]);
    doc.setTitle(meta.title);
    doc.setSubject(meta.subject);
    doc.setCreator('Eligo');
    doc.setProducer('Eligo (pdf-lib)');
    doc.setLanguage('en-US');
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
    return new PdfFormWriter(doc, { regular, bold });
  }

  get page(): PDFPage {
    const page = this.pages.at(-1);
    if (!page) throw new Error('addPage() first');
    return page;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  addPage(): void {
    this.pages.push(this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]));
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** Starts a new page when fewer than `height` points are left above the footer. */
  ensureRoom(height: number): void {
    if (this.y - height < BOTTOM) this.addPage();
  }

  width(text: string, style: TextStyle = {}): number {
    return this.fonts[style.weight ?? 'regular'].widthOfTextAtSize(clean(text), style.size ?? 9);
  }

  text(text: string, x: number, baseline: number, style: TextStyle = {}): void {
    const value = clean(text);
    if (value === '') return;
    this.draw(this.page, value, x, baseline, style);
  }

  /**
   * What pdf-lib's `page.drawText` writes (the same operators), except that each font is named in
   * the page's resources once: `drawText` with a font adds a new name for it at every call (a
   * page's resources listed the same font under hundreds of names, each found by a linear search).
   */
  private draw(page: PDFPage, text: string, x: number, y: number, style: TextStyle): void {
    const weight = style.weight ?? 'regular';
    const font = this.fonts[weight];
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = {}));
    keys[weight] ??= page.node.newFontDictionary(font.name, font.ref);
    page.pushOperators(
      ...drawLinesOfText(
        lineSplit(cleanText(text)).map((line) => font.encodeText(line)),
        {
          color: COLORS[style.color ?? 'ink'],
          font: keys[weight],
          size: style.size ?? 9,
          rotate: NO_ROTATION,
          xSkew: NO_ROTATION,
          ySkew: NO_ROTATION,
          x,
          y,
          lineHeight: PDF_LIB_LINE_HEIGHT,
        },
      ),
    );
  }

  /**
   * Word-wraps to `maxWidth`; `\n` starts a new line; a word wider than the line is cut. Words are
   * measured one by one (their layouts are cached across documents), not each growing line.
   */
  wrap(text: string, maxWidth: number, style: TextStyle = {}): string[] {
    const space = this.width(' ', style);
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const wordWidth = this.width(word, style);
        if (line && lineWidth + space + wordWidth <= maxWidth) {
          line = `${line} ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (line) lines.push(line);
        [line, lineWidth] = [word, wordWidth];
        while (lineWidth > maxWidth && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && this.width(line.slice(0, cut), style) > maxWidth) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
          lineWidth = this.width(line, style);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Wrapped text from the cursor down; returns the height used. */
  paragraph(
    text: string,
    options: { x?: number; width?: number; style?: TextStyle; after?: number } = {},
  ): number {
    const x = options.x ?? this.left;
    const size = options.style?.size ?? 9;
    const leading = size * 1.3;
    const lines = this.wrap(text, options.width ?? this.right - x, options.style);
    lines.forEach((line, i) => this.text(line, x, this.y - size - i * leading, options.style));
    const used = lines.length * leading + (options.after ?? 2);
    this.y -= used;
    return used;
  }

  rule(thickness = 0.75, from = this.left): void {
    this.page.drawLine({
      start: { x: from, y: this.y },
      end: { x: this.right, y: this.y },
      thickness,
      color: COLORS.ink,
    });
  }

  /** A full-width black band with a white bold heading, as the official forms mark their parts. */
  band(title: string): void {
    const height = 13;
    this.page.drawRectangle({
      x: this.left,
      y: this.y - height,
      width: this.contentWidth,
      height,
      color: COLORS.ink,
    });
    this.text(title, this.left + 4, this.y - 9.5, { size: 8, weight: 'bold', color: 'inverse' });
    this.y -= height;
  }

  /**
   * A row of boxed fields `height` points tall, starting `indent` points in from the margin; values
   * shrink and wrap to fit their box.
   */
  cells(cells: readonly Cell[], height = 26, indent = 0): void {
    let x = this.left + indent;
    const top = this.y;
    this.rule(0.5, x);
    for (const [i, cell] of cells.entries()) {
      if (i > 0) {
        this.page.drawLine({
          start: { x, y: top },
          end: { x, y: top - height },
          thickness: 0.5,
          color: COLORS.ink,
        });
      }
      const labelStyle = { size: 6.5, color: 'muted' } as const;
      let labelX = x + 3;
      if (cell.number) {
        this.text(cell.number, labelX, top - 8, { ...labelStyle, weight: 'bold', color: 'ink' });
        labelX += this.width(cell.number, { size: 6.5, weight: 'bold' }) + 3;
      }
      this.text(cell.label, labelX, top - 8, labelStyle);
      if (cell.value) this.fitValue(cell.value, x + 4, top - 11, cell.width - 8, height - 12);
      x += cell.width;
    }
    this.y = top - height;
    this.rule(0.5, this.left + indent);
  }

  private fitValue(value: string, x: number, top: number, width: number, height: number): void {
    for (const size of [10, 9, 8, 7, 6]) {
      const lines = this.wrap(value, width, { size });
      const leading = size * 1.15;
      if (lines.length * leading <= height || size === 6) {
        // First baseline fixed whatever the size: a row's values read as one line of text.
        lines.forEach((line, i) => this.text(line, x, top - 10 - i * leading, { size }));
        return;
      }
    }
  }

  /**
   * A numbered statement with its check box: the number in the left column, the box, then the
   * wrapped wording (`after` adds room for sub-fields drawn by the caller).
   */
  statement(number: string, checked: boolean, wording: string, style: TextStyle = {}): void {
    const size = style.size ?? 8.5;
    // One baseline for number, box and first line: text tools read them as one line.
    this.text(number, this.left, this.y - size, { size: size + 0.5, weight: 'bold' });
    this.text(checkMark(checked), this.left + 20, this.y - size, { size: size + 5 });
    this.paragraph(wording, {
      x: this.left + 40,
      style: { ...style, size },
      after: 3,
    });
  }

  /** Draws each page's footer, then serializes the document. */
  async finish(
    footer: (pageIndex: number, pageCount: number) => [string, string],
  ): Promise<Uint8Array> {
    const count = this.pages.length;
    this.pages.forEach((page, i) => {
      const [left, right] = footer(i, count);
      const style = { size: 7, color: 'muted' } as const;
      this.draw(page, clean(left), this.left, 28, style);
      const rightText = clean(right);
      this.draw(page, rightText, this.right - this.width(rightText, style), 28, style);
    });
    // Plain objects, no object streams: a few KB larger, quicker to write, readable as text.
    return this.doc.save({ useObjectStreams: false });
  }
}

function clean(text: string): string {
  return text.replace(CONTROL, ' ');
}
