// Strings from the chain (titles, paths, endpoints, contract names, links, reasons) are written by anyone. A
// character that reorders text (a bidi override) or hides (a zero-width space) must not change what a reader
// sees: this module finds those characters so the UI can show each one as a visible badge instead.

/** A run of ordinary text, or one hidden character shown as its code (`\u202E`). */
export type SafeSegment = { kind: 'text'; text: string } | { kind: 'hidden'; char: string; code: string; name: string };

/** Names of the characters a spoofing string uses most, for the badge's tooltip and screen readers. */
const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x115f: 'Hangul choseong filler',
  0x1160: 'Hangul jungseong filler',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x3164: 'Hangul filler',
  0xfeff: 'zero-width no-break space',
  0xffa0: 'halfwidth Hangul filler',
};

// Control (Cc), format (Cf: every bidi control, zero-width and tag character), line and paragraph separators,
// and the letters and marks that draw nothing (Hangul fillers, the combining grapheme joiner).
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029\u034f\u115f\u1160\u3164\uffa0]/u;
// Line breaks (LF, CRLF) and tabs are ordinary in multi-line text (a reason, a description); everywhere else they are not.
const LAYOUT = /[\n\r\t]/;

/** `\u202E` for U+202E; `\u{E0041}` beyond the basic plane: the escape a developer would type. */
export function escapeCodePoint(codePoint: number): string {
  return codePoint > 0xffff
    ? `\\u{${codePoint.toString(16).toUpperCase()}}`
    : `\\u${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function nameOf(codePoint: number): string {
  const known = NAMES[codePoint];
  if (known) return known;
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return 'tag character';
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'control character';
  return 'invisible formatting character';
}

/** Whether one character is shown as a badge: in multi-line text, line breaks and tabs stay layout. */
export function isHiddenCharacter(char: string, multiline = false): boolean {
  if (multiline && LAYOUT.test(char)) return false;
  return HIDDEN.test(char);
}

/** The text cut into ordinary runs and hidden characters, by code point (a tag character is two UTF-16 units). */
export function safeSegments(text: string, multiline = false): SafeSegment[] {
  const segments: SafeSegment[] = [];
  let run = '';
  for (const char of text) {
    if (!isHiddenCharacter(char, multiline)) {
      run += char;
      continue;
    }
    if (run) segments.push({ kind: 'text', text: run });
    run = '';
    const codePoint = char.codePointAt(0) ?? 0;
    segments.push({ kind: 'hidden', char, code: escapeCodePoint(codePoint), name: nameOf(codePoint) });
  }
  if (run) segments.push({ kind: 'text', text: run });
  return segments;
}

/** Whether the text holds any character that hides or changes the direction of text. */
export function hasHiddenCharacters(text: string, multiline = false): boolean {
  for (const char of text) if (isHiddenCharacter(char, multiline)) return true;
  return false;
}

/** What a reader sees of the text with every hidden character written as its escape: `a\u202Eb`. For copy, tests
 * and places that only take a plain string (a title attribute). */
export function visibleText(text: string, multiline = false): string {
  return safeSegments(text, multiline)
    .map((s) => (s.kind === 'text' ? s.text : s.code))
    .join('');
}

/** The first `max` code points of the text and how many were left out; a surrogate pair is never split. */
export function truncateCodePoints(text: string, max: number): { shown: string; omitted: number } {
  if (text.length <= max) return { shown: text, omitted: 0 };
  const points = Array.from(text);
  if (points.length <= max) return { shown: text, omitted: 0 };
  return { shown: points.slice(0, max).join(''), omitted: points.length - max };
}
