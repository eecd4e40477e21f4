import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { quickSubsets } from './pdf-font-subsets.ts';

/**
 * The forms' typeface: DejaVu Sans (npm `dejavu-fonts-ttf`, Bitstream Vera licence + public domain
 * changes: free to embed and redistribute). It covers Latin with accents, the ☐/☒ check boxes and
 * the ▶ arrows the forms use, and is embedded (subset) in every PDF so text renders and extracts the
 * same everywhere.
 */

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

/**
 * Fixed subset names: pdf-lib would otherwise add a random tag, and the same input must give the
 * same bytes. Six capitals and `+` mark a subset font (PDF 32000-1 §9.6.4).
 */
export const SUBSET_NAMES: Record<FontWeight, string> = {
  regular: 'ELIGOR+DejaVuSans',
  bold: 'ELIGOB+DejaVuSans-Bold',
};

const require = createRequire(import.meta.url);
let loading: Promise<Record<FontWeight, Uint8Array>> | undefined;

/** The font files, read once per process (they are about 700 KB each). */
export function fontFiles(): Promise<Record<FontWeight, Uint8Array>> {
  loading ??= (async () => {
    const [regular, bold] = await Promise.all([
      readFile(require.resolve(FILES.regular)),
      readFile(require.resolve(FILES.bold)),
    ]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;
type GlyphRun = ReturnType<Font['layout']>;

const parsed = new Map<Uint8Array, Font>();
const LAYOUT_CACHE_LIMIT = 20_000;

/**
 * fontkit, parsing each font file once per process and remembering text layouts. pdf-lib asks
 * fontkit to parse the file again for every document and to shape every string it measures or
 * draws; the forms' wording is the same in every document, so both are cached here. pdf-lib reads
 * only a layout's glyphs (their ids and advances), never changes them, and ignores the positions
 * fontkit computes beside them: the cache keeps the glyphs alone (with its positions a layout took
 * about 2.9 KB, and a signature record's unique strings filled the cache with them: 12 MB more
 * live heap after 300 hires of a packet), which gives the same bytes as a fresh parse.
 */
export const cachingFontkit: Fontkit = {
  create(data: Uint8Array, postscriptName?: string): Font {
    let font = parsed.get(data);
    if (!font) {
      font = (fontkit as Fontkit).create(data, postscriptName);
      const layout = font.layout.bind(font);
      const runs = new Map<string, Pick<GlyphRun, 'glyphs'>>();
      font.layout = ((text: string, features?: unknown, ...rest: unknown[]) => {
        const key = `${JSON.stringify(features ?? null)}\u0000${text}`;
        let run = runs.get(key);
        if (!run) {
          if (runs.size >= LAYOUT_CACHE_LIMIT) runs.clear();
          const { glyphs } = (layout as (...args: unknown[]) => GlyphRun)(text, features, ...rest);
          run = { glyphs };
          runs.set(key, run);
        }
        return run;
      }) as Font['layout'];
      quickSubsets(font);
      parsed.set(data, font);
    }
    return font;
  },
};
