import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

/**
 * pdf-lib compresses every stream (page contents, the embedded font subsets) with pako, zlib in
 * JavaScript: the largest share of a form's rendering after the font subsetting itself (docs/
 * forms.md §6). Node's own zlib writes the same format (RFC 1950, what `/FlateDecode` reads) in
 * native code, several times faster. pdf-lib calls `pako.deflate` on its copy of pako's module
 * object at each use, so replacing that one function there is enough; the same input still gives
 * the same bytes. Imported once by the writer, before any document is saved.
 */
type Pako = { deflate: (data: Uint8Array) => Uint8Array };

const fromPdfLib = createRequire(createRequire(import.meta.url).resolve('pdf-lib'));
const pako = fromPdfLib('pako') as Pako;

pako.deflate = (data) => deflateSync(data);
