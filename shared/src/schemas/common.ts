import { Type } from 'typebox';
import { TEXT_NOT_BLANK } from '../text.ts';

export { MULTILINE_TEXT, MULTILINE_TEXT_NOT_BLANK, TEXT, TEXT_NOT_BLANK } from '../text.ts';

/** A MongoDB ObjectId as the API shows it. */
export const idSchema = Type.String({ pattern: '^[a-f0-9]{24}$', description: 'Object id' });

export const idParamsSchema = Type.Object({ id: idSchema }, { additionalProperties: false });

/**
 * Something@something.something, nothing blank in between, and no control characters or
 * surrogates (text.ts): an address goes into mail headers.
 */
export const EMAIL_PATTERN =
  '^[^\\s@\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]+@[^\\s@\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]+\\.[^\\s@\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]+$';

/** Email as people type it; the server normalizes (trim + lowercase) before comparing. */
export const emailSchema = Type.String({ minLength: 3, maxLength: 254, pattern: EMAIL_PATTERN });

/** OWASP ASVS 6.2: at least 8 characters (15 recommended), allow long passphrases, no composition rules. */
export const passwordSchema = Type.String({ minLength: 8, maxLength: 256 });

/**
 * "Not blank" single-line text: at least one character that is not white space, and text that is
 * text (no control characters, no lone surrogates: text.ts). Every one-line text field that must
 * say something carries it as its `pattern` (`"   "` is then a 400 with the field's path, never a
 * value the server trims to nothing); optional text carries `TEXT`, several lines
 * `MULTILINE_TEXT(_NOT_BLANK)`. Written inline as `Type.String({ …, pattern: NOT_BLANK })`: a
 * helper function around it would keep schemas in browser bundles that only need a module's
 * functions (bundlers drop unused TypeBox calls, not unused calls of our own functions).
 */
export const NOT_BLANK = TEXT_NOT_BLANK;

export const personNameSchema = Type.String({ minLength: 1, maxLength: 120, pattern: NOT_BLANK });

export const isoDateTimeSchema = Type.String({ format: 'date-time' });
