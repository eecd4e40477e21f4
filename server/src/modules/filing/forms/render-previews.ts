import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { renderForm8850, renderForm9061 } from './form-renderers.ts';
import { sampleFormInput } from './form-samples.ts';

/**
 * Renders the sample forms to PDF, and each page to PNG with poppler's `pdftoppm` when it is
 * installed (Debian: `apt-get install poppler-utils`), to look at them as a state's reviewer would:
 *
 *   pnpm --filter @eligo/server exec tsx src/modules/filing/forms/render-previews.ts <out-dir>
 *
 * Writes `form-8850.pdf`, `form-9061.pdf` and `form-8850-<page>.png`, `form-9061-<page>.png`.
 */

const run = promisify(execFile);

async function main(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const input = sampleFormInput();
  const forms = [
    ['form-8850', await renderForm8850(input)],
    ['form-9061', await renderForm9061(input)],
  ] as const;
  for (const [name, pdf] of forms) {
    const file = join(outDir, `${name}.pdf`);
    await writeFile(file, pdf);
    try {
      await run('pdftoppm', ['-r', '110', '-png', file, join(outDir, name)]);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (!missing) throw error;
      console.warn('pdftoppm not found: PDFs only (apt-get install poppler-utils for PNGs)');
    }
    console.log(file);
  }
}

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: render-previews.ts <out-dir>');
  process.exitCode = 2;
} else {
  await main(resolve(outDir));
}
