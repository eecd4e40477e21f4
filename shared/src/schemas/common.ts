import { Type } from 'typebox';

/** A MongoDB ObjectId as the API shows it. */
export const idSchema = Type.String({ pattern: '^[a-f0-9]{24}$', description: 'Object id' });

export const idParamsSchema = Type.Object({ id: idSchema }, { additionalProperties: false });

/** Email as people type it; the server normalizes (trim + lowercase) before comparing. */
export const emailSchema = Type.String({
  minLength: 3,
  maxLength: 254,
  pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
});

/** OWASP ASVS 6.2: at least 8 characters (15 recommended), allow long passphrases, no composition rules. */
export const passwordSchema = Type.String({ minLength: 8, maxLength: 256 });

/** At least one character that is not white space (the server trims; an empty name is refused here). */
export const NOT_BLANK = '\\S';

/** Text that must say something: `"   "` is refused by the schema (400 with the field's path). */
export function nonBlankString(options: { maxLength: number }) {
  return Type.String({ minLength: 1, maxLength: options.maxLength, pattern: NOT_BLANK });
}

export const personNameSchema = nonBlankString({ maxLength: 120 });

export const isoDateTimeSchema = Type.String({ format: 'date-time' });
