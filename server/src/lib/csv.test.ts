import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV cells', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['Ada Lovelace', '"Ada Lovelace"'],
    ['Mary-Ann', '"Mary-Ann"'],
    ['say "hi", ok', '"say ""hi"", ok"'],
    [null, '""'],
    [42, '"42"'],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  test('a BOM, a header and CRLF rows; line breaks stay inside their quoted cell', () => {
    expect(toCsv(['a', 'b'], [['1', 'two\nlines']])).toBe('\uFEFF"a","b"\r\n"1","two\nlines"\r\n');
  });
});
