/**
 * Font subsets made quicker, for the forms' fonts parsed once per process (`pdf-fonts.ts`); the
 * bytes are those fontkit writes (docs/forms.md §6).
 */

/** The parts of fontkit's TrueType font and glyphs a subset reads. */
interface TrueTypeFont {
  createSubset(): unknown;
  getGlyph(id: number): TrueTypeGlyph;
  loca: { offsets: number[] };
  _getTableStream(tag: 'glyf'): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
}
interface TrueTypeGlyph {
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
}

/** The parts of fontkit's TrueType subset pdf-lib and this file use. */
interface Subset {
  includeGlyph(glyph: number): number;
  encode(stream: unknown): void;
  encodeStream(): unknown;
  _addGlyph(glyph: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}
interface EncodeStream {
  push(chunk: Uint8Array | null): boolean;
  end(): void;
}
type EncodeStreamClass = new () => EncodeStream;

/** What a subset copies of one glyph of the font: its outline's bytes and its metrics. */
interface GlyphRecord {
  bytes: Uint8Array;
  /** A composite glyph's parts: their glyph ids, renumbered in the subset at these offsets. */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/**
 * Two changes to the subsets of `font`, both giving the same bytes:
 * - each glyph's outline bytes and metrics are read from the font once per process: fontkit
 *   decodes the whole outline (every point) of each glyph of each subset only to learn whether
 *   it is made of other glyphs, a fifth of a form's rendering time;
 * - a subset is encoded at once: fontkit does it on its bundled `process.nextTick`, a
 *   `setTimeout` (at least a millisecond, more on a busy machine), and hands the bytes over as
 *   stream events scheduled the same way; here the same chunks reach pdf-lib's listeners in the
 *   next microtask.
 */
export function quickSubsets(font: unknown): void {
  const ttf = font as TrueTypeFont;
  if (ttf._variationProcessor) throw new Error('The forms expect a font without variations');
  const createSubset = ttf.createSubset.bind(ttf) as () => Subset;
  const records = new Map<number, GlyphRecord>();
  const recordOf = (id: number): GlyphRecord => {
    let record = records.get(id);
    if (!record) {
      const glyph = ttf.getGlyph(id);
      const outline = glyph._decode();
      const start = ttf.loca.offsets[id]!;
      const stream = ttf._getTableStream('glyf');
      stream.pos += start;
      record = {
        bytes: stream.readBuffer(ttf.loca.offsets[id + 1]! - start).slice(),
        components: outline && outline.numberOfContours < 0 ? outline.components! : null,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      records.set(id, record);
    }
    return record;
  };
  let Encoder: EncodeStreamClass | undefined;
  (font as { createSubset: () => Subset }).createSubset = () => {
    const subset = createSubset();
    // fontkit does not export its encoder class: a throwaway subset that encodes nothing shows it.
    if (!Encoder) {
      const probe = createSubset();
      probe.encode = () => undefined;
      Encoder = (probe.encodeStream() as EncodeStream).constructor as EncodeStreamClass;
    }
    subset._addGlyph = (id) => addGlyph(subset, recordOf(id));
    subset.encodeStream = () => encodeAtOnce(subset, Encoder!);
    return subset;
  };
}

/** fontkit's `TTFSubset._addGlyph`, from a glyph's record. */
function addGlyph(subset: Subset, record: GlyphRecord): number {
  let bytes = record.bytes;
  if (record.components) {
    const copy = Buffer.from(bytes);
    for (const component of record.components) {
      copy.writeUInt16BE(subset.includeGlyph(component.glyphID), component.pos);
    }
    bytes = copy;
  }
  subset.glyf.push(bytes);
  subset.loca.offsets.push(subset.offset);
  subset.hmtx.metrics.push({ advance: record.advance, bearing: record.bearing });
  subset.offset += bytes.length;
  return subset.glyf.length - 1;
}

/** The subset encoded now into fontkit's own encoder; its chunks handed over in a microtask. */
function encodeAtOnce(subset: Subset, Encoder: EncodeStreamClass) {
  const chunks: Uint8Array[] = [];
  const stream = new Encoder();
  stream.push = (chunk) => {
    if (chunk !== null) chunks.push(chunk);
    return true;
  };
  subset.encode(stream);
  stream.end();
  const listeners: Partial<Record<'data' | 'end' | 'error', (value?: unknown) => void>> = {};
  const events = {
    on(event: 'data' | 'end' | 'error', listener: (value?: unknown) => void) {
      listeners[event] = listener;
      return events;
    },
  };
  queueMicrotask(() => {
    for (const chunk of chunks) listeners.data?.(chunk);
    listeners.end?.();
  });
  return events;
}
