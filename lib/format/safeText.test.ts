import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters, safeSegments, truncateCodePoints, visibleText } from './safeText';

describe('safeText', () => {
  it('writes a right-to-left override as its escape, so "gpj.exe" cannot read as ".jpg"', () => {
    expect(visibleText('<img src=x onerror=alert(1)>\u202Egpj.exe')).toBe('<img src=x onerror=alert(1)>\\u202Egpj.exe');
    expect(visibleText('invoice\u202Efdp.exe')).toBe('invoice\\u202Efdp.exe');
    expect(safeSegments('invoice\u202Efdp.exe')).toEqual([
      { kind: 'text', text: 'invoice' },
      { kind: 'hidden', char: '\u202E', code: '\\u202E', name: 'right-to-left override' },
      { kind: 'text', text: 'fdp.exe' },
    ]);
  });

  it('shows every bidi control, zero-width and invisible format character', () => {
    const hidden = [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c, 0x200b, 0x200c,
      0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x00ad, 0x180e, 0x3164, 0x115f, 0x2028, 0x2029,
    ];
    for (const code of hidden) {
      const char = String.fromCodePoint(code);
      expect(hasHiddenCharacters(`So${char}lidity`), code.toString(16)).toBe(true);
      expect(visibleText(`a${char}b`)).toBe(`a\\u${code.toString(16).toUpperCase().padStart(4, '0')}b`);
    }
  });

  it('shows C0 and C1 controls, and tag characters beyond the basic plane as one badge', () => {
    expect(visibleText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg')).toBe(
      'a\\u0000b\\u0007c\\u001Bd\\u007Fe\\u0085f\\u009Fg',
    );
    const tagged = `ok${String.fromCodePoint(0xe0041)}`;
    expect(safeSegments(tagged)).toEqual([
      { kind: 'text', text: 'ok' },
      { kind: 'hidden', char: String.fromCodePoint(0xe0041), code: '\\u{E0041}', name: 'tag character' },
    ]);
  });

  it('keeps line breaks and tabs as layout in multi-line text only', () => {
    expect(hasHiddenCharacters('line one\nline two\tx', true)).toBe(false);
    expect(hasHiddenCharacters('name\nsecond line')).toBe(true);
    expect(visibleText('a\nb', true)).toBe('a\nb');
    expect(visibleText('a\r\nb', true)).toBe('a\r\nb');
    expect(visibleText('a\rb')).toBe('a\\u000Db');
  });

  it('leaves ordinary text of every script alone', () => {
    for (const text of ['Solidity 0.8.30', 'Ärger über Öl', 'Кошелёк', 'مرحبا بالعالم', 'שלום', '日本語', '👩‍💻 dev']) {
      // The emoji's zero-width joiner is the one exception: it is still a hidden character.
      expect(hasHiddenCharacters(text), text).toBe(text.includes('\u200d'));
    }
    expect(safeSegments('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
    expect(safeSegments('')).toEqual([]);
  });

  it('truncates by code point without splitting a surrogate pair', () => {
    expect(truncateCodePoints('abc', 5)).toEqual({ shown: 'abc', omitted: 0 });
    expect(truncateCodePoints('a'.repeat(100_021), 256)).toEqual({ shown: 'a'.repeat(256), omitted: 99_765 });
    expect(truncateCodePoints('😀😀😀', 2)).toEqual({ shown: '😀😀', omitted: 1 });
  });
});
