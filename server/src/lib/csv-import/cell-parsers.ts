import { parseIsoDate } from '@eligo/shared/wotc/dates';

/** What a cell becomes once parsed (what the staging collection stores and `apply` receives). */
export type CsvValue = string | number | null;

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Parses one cell (as the file has it, untrimmed) into a value, or says why it cannot, in words for
 * the person who made the file: the message is shown next to the line and the column's name.
 */
export type CellParser<T extends CsvValue = CsvValue> = (cell: string) => CellResult<T>;

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = <T>(message: string): CellResult<T> => ({ ok: false, message });

const REQUIRED = 'A value is required';

/** The cell as a message quotes it: short, so a runaway cell cannot make a runaway message. */
function quoted(cell: string): string {
  return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);
}

// C0 and C1 control characters (line breaks and tabs included): never part of a name, a position or
// an id, and a line break inside a quoted cell would make every later line number wrong to a reader.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** What a UTF-8 decoder puts in place of bytes that are not UTF-8 (a file saved as Windows-1252). */
const NOT_UTF8 = '\uFFFD';

/** Trimmed, non-empty text of at most `maxLength` characters, without control characters. */
export function csvText({ maxLength }: { maxLength: number }): CellParser<string> {
  return (cell) => {
    const text = cell.trim();
    if (text === '') return bad(REQUIRED);
    if (text.includes(NOT_UTF8))
      return bad(
        'Has characters that are not UTF-8: save the file as "CSV UTF-8" and upload it again',
      );
    if (CONTROL_CHARACTER.test(text))
      return bad('Contains a line break, a tab or another control character');
    if (text.length > maxLength) return bad(`Is longer than ${maxLength} characters`);
    return ok(text);
  };
}

/** One of a fixed list of values (e.g. a status or a state code), compared without case. */
export function csvOneOf<T extends string>(values: readonly T[]): CellParser<T> {
  const byLowerCase = new Map(values.map((value) => [value.toLowerCase(), value]));
  return (cell) => {
    const text = cell.trim();
    if (text === '') return bad(REQUIRED);
    const value = byLowerCase.get(text.toLowerCase());
    if (value !== undefined) return ok(value);
    const list = values.length <= 12 ? `: one of ${values.join(', ')}` : '';
    return bad(`${quoted(text)} is not an accepted value${list}`);
  };
}

/** A calendar date written `YYYY-MM-DD` that exists (`2026-02-30` is refused). */
export function csvDate(): CellParser<string> {
  return (cell) => {
    const text = cell.trim();
    if (text === '') return bad(REQUIRED);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
      return bad(`${quoted(text)} is not a date written YYYY-MM-DD (e.g. 2026-03-31)`);
    if (!parseIsoDate(text)) return bad(`${text} is not a real date`);
    return ok(text);
  };
}

interface DecimalRule {
  /** What the number is, for messages: "amount", "number of hours". */
  what: string;
  example: string;
  maxDecimals: number;
  max: number;
}

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;
/** Thousands separators: a comma every three digits, e.g. `1,234,567.50`. */
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
/** A currency symbol anywhere (`$`, `€`, `£`…), or a currency code before or after the number. */
const CURRENCY = /\p{Sc}|^(USD|US\$|EUR|GBP|CAD|MXN)|(USD|EUR|GBP|CAD|MXN)$/iu;

/**
 * A non-negative decimal. The number rules (README.md in this folder): a dot for decimals; a comma
 * only as a thousands separator, every three digits (`1,234.50`); such a value must be in double
 * quotes, or its comma would split it into two cells (the line then has one cell too many, which
 * that error explains). No currency symbol or code, no sign, no exponent.
 */
function csvDecimal(rule: DecimalRule): CellParser<number> {
  const formats = `use a dot for decimals and, if you like, a comma every three digits (e.g. ${rule.example})`;
  return (cell) => {
    const text = cell.trim();
    if (text === '') return bad(REQUIRED);
    if (/^-|^\(.*\)$/.test(text)) return bad(`${quoted(text)} is negative; it must be 0 or more`);
    if (CURRENCY.test(text))
      return bad(
        `${quoted(text)}: write the ${rule.what} without a currency symbol (e.g. ${rule.example})`,
      );
    if (!PLAIN_NUMBER.test(text) && !GROUPED_NUMBER.test(text)) {
      return bad(
        text.includes(',')
          ? `${quoted(text)} is not a valid ${rule.what}: ${formats}`
          : `${quoted(text)} is not a number (e.g. ${rule.example})`,
      );
    }
    const decimals = text.split('.')[1]?.length ?? 0;
    if (decimals > rule.maxDecimals)
      return bad(`${quoted(text)} has more than ${rule.maxDecimals} decimals`);
    const value = Number(text.replaceAll(',', ''));
    if (value > rule.max)
      return bad(`${quoted(text)} is more than ${rule.max.toLocaleString('en-US')}`);
    return ok(value);
  };
}

/** Dollars and cents, 0 or more, at most 2 decimals (see `csvDecimal` for commas and symbols). */
export function csvMoney({ max = 100_000_000 }: { max?: number } = {}): CellParser<number> {
  return csvDecimal({ what: 'amount', example: '1234.50', maxDecimals: 2, max });
}

/** Hours worked, 0 or more, at most 2 decimals. */
export function csvHours({ max = 10_000 }: { max?: number } = {}): CellParser<number> {
  return csvDecimal({ what: 'number of hours', example: '37.5', maxDecimals: 2, max });
}

/** A cell that may be left empty (then `null`); anything else goes through `parser`. */
export function optional<T extends CsvValue>(parser: CellParser<T>): CellParser<T | null> {
  return (cell) => (cell.trim() === '' ? ok(null) : parser(cell));
}
