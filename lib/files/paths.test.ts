import { describe, expect, it } from 'vitest';
import { MAX_PATH_BYTES, defaultFilePath, pathByteLength, pathFolder, pathName, validateFilePath } from './paths';

describe('validateFilePath (the contract’s rules)', () => {
  it.each(['a', 'report.pdf', 'reports/2025/audit.pdf', 'folder with spaces/é.txt', '.hidden', 'a/..b/c..', '~'])(
    'accepts %j',
    (path) => {
      expect(validateFilePath(path)).toBeUndefined();
    },
  );

  it.each([
    ['', /Enter a path/],
    ['/etc/passwd', /leading/],
    ['docs/', /trailing/],
    ['a//b', /empty part/],
    ['..', /“\.\.” part/],
    ['a/../b', /“\.\.” part/],
    ['./a', /“\.” part/],
    ['a/.', /“\.” part/],
    ['line\nbreak', /control characters/],
    ['tab\there', /control characters/],
    ['nul\u0000', /control characters/],
    ['del\u007f', /control characters/],
  ])('refuses %j', (path, message) => {
    expect(validateFilePath(path)).toMatch(message);
  });

  it('counts UTF-8 bytes, not characters, toward the 255-byte limit', () => {
    expect(validateFilePath('a'.repeat(MAX_PATH_BYTES))).toBeUndefined();
    expect(validateFilePath('a'.repeat(MAX_PATH_BYTES + 1))).toMatch(/256 bytes long; at most 255/);
    // "é" is 2 bytes: 128 of them are 256 bytes though only 128 characters.
    expect(pathByteLength('é'.repeat(128))).toBe(256);
    expect(validateFilePath('é'.repeat(128))).toMatch(/256 bytes/);
    expect(validateFilePath('é'.repeat(127))).toBeUndefined();
  });

  it('lets characters above U+007F through: their UTF-8 bytes are never below 0x20 or 0x7f', () => {
    expect(validateFilePath('\u0080\u00a0\u2028漢字🙂')).toBeUndefined();
  });
});

describe('defaultFilePath', () => {
  it('is the name when the name is a valid path', () => {
    expect(defaultFilePath('photo.jpg')).toBe('photo.jpg');
    expect(defaultFilePath('My folder')).toBe('My folder');
  });

  it('makes an unacceptable name acceptable', () => {
    expect(defaultFilePath('bad\nname')).toBe('bad_name');
    expect(defaultFilePath('.')).toBe('file');
    expect(defaultFilePath('..')).toBe('file');
    expect(defaultFilePath('')).toBe('file');
    const long = defaultFilePath('漢'.repeat(200));
    expect(pathByteLength(long)).toBeLessThanOrEqual(MAX_PATH_BYTES);
    expect(long).toBe('漢'.repeat(85));
    for (const name of ['bad\nname', '..', 'x'.repeat(400), '🙂'.repeat(100)]) {
      expect(validateFilePath(defaultFilePath(name))).toBeUndefined();
    }
  });
});

describe('pathName and pathFolder', () => {
  it('split a path into its folder and its name', () => {
    expect(pathName('reports/2025/audit.pdf')).toBe('audit.pdf');
    expect(pathFolder('reports/2025/audit.pdf')).toBe('reports/2025');
    expect(pathName('audit.pdf')).toBe('audit.pdf');
    expect(pathFolder('audit.pdf')).toBe('');
  });
});
