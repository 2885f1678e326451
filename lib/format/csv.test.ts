import { describe, expect, it } from 'vitest';
import { formatUnits, parseEther } from 'viem';
import { csvCell, toCsv } from './csv';

/** A minimal RFC 4180 reader, to check that what toCsv writes reads back as the same fields. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends, numbers and bigints as digits', () => {
    const csv = toCsv(
      ['voter', 'weight_clo', 'weight_wei', 'block'],
      [['0xa0Ee7A142d267C1f36714E4a8F75612F20a79720', formatUnits(parseEther('1.5'), 18), parseEther('1.5'), 42]],
    );
    expect(csv).toBe(
      'voter,weight_clo,weight_wei,block\r\n0xa0Ee7A142d267C1f36714E4a8F75612F20a79720,1.5,1500000000000000000,42\r\n',
    );
  });

  it('quotes fields with commas, quotes and line breaks so they read back unchanged', () => {
    const awkward = ['a, b', 'say "hi"', 'two\nlines', 'cr\r\nlf', ''];
    const csv = toCsv(
      ['text'],
      awkward.map((v) => [v]),
    );
    expect(csv).toContain('"say ""hi"""');
    expect(
      readCsv(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(awkward);
  });

  it('keeps text from the chain from running as a spreadsheet formula', () => {
    const hostile = ['=HYPERLINK("https://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
    const read = readCsv(
      toCsv(
        ['title'],
        hostile.map((v) => [v]),
      ),
    )
      .slice(1)
      .map((r) => r[0]);
    expect(read).toEqual(hostile.map((v) => `'${v}`));
    for (const cell of read) expect(cell).toMatch(/^'/);
  });

  it('leaves plain numbers, even negative ones, as numbers', () => {
    expect(csvCell('-2.5')).toBe('-2.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(-(10n ** 30n))).toBe('-1000000000000000000000000000000');
    expect(csvCell('12')).toBe('12');
    // Text that merely starts like a number is still guarded.
    expect(csvCell('-1+1')).toBe("'-1+1");
  });

  it('guards the header too, and refuses numbers that are not numbers', () => {
    expect(toCsv(['=cmd'], [])).toBe("'=cmd\r\n");
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
  });
});
