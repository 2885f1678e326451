// A file's path under its owner's home directory, checked by the same rules as CallistoFS.upload so that the form
// says what is wrong before anything is sent (the contract's revert says only "invalid path"). No React here.

/** The contract's MAX_PATH_BYTES. */
export const MAX_PATH_BYTES = 255;

const encoder = new TextEncoder();

export function pathByteLength(path: string): number {
  return encoder.encode(path).length;
}

/** Why the contract would refuse this path, in words for the form; undefined when it accepts it. Checked on the
 * UTF-8 bytes, as the contract does: a character outside ASCII counts 2 to 4 bytes toward the limit. */
export function validateFilePath(path: string): string | undefined {
  if (path === '') return 'Enter a path, for example reports/2025/audit.pdf';
  const bytes = encoder.encode(path);
  if (bytes.length > MAX_PATH_BYTES)
    return `The path is ${bytes.length} bytes long; at most ${MAX_PATH_BYTES} bytes are allowed`;
  // Bytes below 0x20 and 0x7f are control characters (a newline or a tab pasted in, say); UTF-8 never uses those
  // byte values inside a multi-byte character, so checking bytes and characters is the same here.
  for (const byte of bytes) {
    if (byte < 0x20 || byte === 0x7f) return 'The path must not contain control characters (tabs, line breaks)';
  }
  if (path.startsWith('/')) return 'The path is relative to your home directory: remove the leading “/”';
  if (path.endsWith('/')) return 'Remove the trailing “/”: a path names a file or a folder, not its contents';
  for (const segment of path.split('/')) {
    if (segment === '') return 'The path has an empty part (“//”): remove the extra “/”';
    if (segment === '.' || segment === '..')
      return `The path must not contain a “${segment}” part: each part names a folder or the file itself`;
  }
  return undefined;
}

/**
 * The path the form proposes for a picked file or folder: its name, made acceptable when the name itself is not
 * (control characters become "_", the name is shortened to the byte limit without splitting a character, and a
 * name of "." or ".." becomes "file"). The user may still change it.
 */
export function defaultFilePath(name: string): string {
  let clean = '';
  for (const char of name.replace(/\//g, '_')) {
    const code = char.codePointAt(0) ?? 0;
    const safe = code < 0x20 || code === 0x7f ? '_' : char;
    if (pathByteLength(clean + safe) > MAX_PATH_BYTES) break;
    clean += safe;
  }
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/** The last part of a path: the file's or folder's own name. */
export function pathName(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? path;
}

/** The folders above the name, "" for a path at the top of the home directory. */
export function pathFolder(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
