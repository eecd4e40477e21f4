import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Test support: the text of a PDF as a reader's tools see it, read with Mozilla's pdf.js (the
 * parser browsers use). Each page is a list of lines, top to bottom; a line joins the text runs
 * that share a baseline, left to right.
 */
export async function pdfTextLines(pdf: Uint8Array): Promise<string[][]> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
  }).promise;
  try {
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines = new Map<number, { x: number; text: string }[]>();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const y = Math.round(item.transform[5]);
        const line = lines.get(y) ?? [];
        line.push({ x: item.transform[4], text: item.str });
        lines.set(y, line);
      }
      pages.push(
        [...lines.entries()]
          .sort(([a], [b]) => b - a)
          .map(([, runs]) =>
            runs
              .sort((a, b) => a.x - b.x)
              .map((run) => run.text)
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim(),
          ),
      );
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
