// What the person picked or dropped, as the entries of one upload: a single file, or every file of one folder with
// its path inside it ("holiday/day 1/photo.jpg"). The same entries are hashed in the browser and sent to the host
// node, in the same order, so both arrive at the same CID. No React here; the drop handling uses the browser's
// File and Entry APIs.
import type { UploadEntry } from './hostNodeClient';

export interface PickedUpload {
  /** The file's or the folder's name: the default path on chain. */
  name: string;
  kind: 'file' | 'folder';
  /** Sorted by path. */
  entries: UploadEntry[];
  /** Content bytes of all files: the size registered on chain. */
  size: bigint;
}

export type PickResult = { picked: PickedUpload } | { error: string };

/** A file with the path it has inside what was picked: its name alone, or "folder/…/name". */
export interface PickedFile {
  path: string;
  file: Blob;
}

/** Plain code-unit order, the same on every machine (locale order is not). */
function byPath(a: PickedFile, b: PickedFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** One upload from the files of one pick: exactly one file, or files that all sit inside one top folder. */
export function pickFromFiles(files: readonly PickedFile[]): PickResult {
  if (files.length === 0) return { error: 'Nothing was picked. (An empty folder has no file to store.)' };
  const paths = files.map((f) => f.path.replace(/^\/+/, ''));
  const tops = new Set(paths.map((p) => p.split('/')[0]));
  const inFolder = paths.every((p) => p.includes('/'));
  if (files.length === 1 && !inFolder) {
    const only = files[0]!;
    return {
      picked: {
        name: paths[0]!,
        kind: 'file',
        entries: [{ path: paths[0]!, file: only.file }],
        size: BigInt(only.file.size),
      },
    };
  }
  if (!inFolder || tops.size !== 1) {
    return { error: 'Pick one file or one folder: several files at once are stored as a folder, so put them in one.' };
  }
  const entries = files.map((f, i) => ({ path: paths[i]!, file: f.file })).sort(byPath);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.path === entries[i - 1]!.path) return { error: `“${entries[i]!.path}” appears twice.` };
  }
  const size = entries.reduce((sum, e) => sum + BigInt(e.file.size), 0n);
  return { picked: { name: [...tops][0]!, kind: 'folder', entries, size } };
}

/** The files of an `<input type="file">` (with `webkitdirectory`, each carries its path inside the folder). */
export function pickFromFileList(list: ArrayLike<File>): PickResult {
  const files: PickedFile[] = [];
  for (let i = 0; i < list.length; i++) {
    const file = list[i]!;
    files.push({ path: file.webkitRelativePath || file.name, file });
  }
  return pickFromFiles(files);
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in batches (100 at a time in Chrome) until it answers an empty one.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every file under a dropped entry, with its path from the dropped item's own name. */
export async function filesUnderEntry(entry: FileSystemEntry, prefix = ''): Promise<PickedFile[]> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) return [{ path, file: await fileOf(entry as FileSystemFileEntry) }];
  if (!entry.isDirectory) return [];
  const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
  const nested = await Promise.all(children.map((child) => filesUnderEntry(child, path)));
  return nested.flat();
}

/** What was dropped on the drop zone: a file or a whole folder (read through webkitGetAsEntry, which browsers
 * offer only during the drop event, so the entries are taken before the first await). */
export async function pickFromDataTransfer(data: DataTransfer): Promise<PickResult> {
  const entries: FileSystemEntry[] = [];
  for (let i = 0; i < data.items.length; i++) {
    const item = data.items[i]!;
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return pickFromFileList(data.files);
  if (entries.length > 1) {
    return { error: 'Drop one file or one folder: several files at once are stored as a folder, so put them in one.' };
  }
  try {
    const entry = entries[0]!;
    const files = await filesUnderEntry(entry);
    if (entry.isDirectory && files.length === 0) return { error: `The folder “${entry.name}” has no file in it.` };
    return pickFromFiles(files);
  } catch {
    return { error: 'The browser could not read what was dropped. Try the “Choose” buttons instead.' };
  }
}

/** A Blob's bytes as an async iterable, read from disk as the hasher asks for them. `isCancelled` stops the read
 * (and so the hashing) when the person picks something else meanwhile. */
export async function* blobChunks(blob: Blob, isCancelled: () => boolean = () => false): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      if (isCancelled()) throw new PickCancelledError();
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export class PickCancelledError extends Error {
  override readonly name = 'PickCancelledError';
  constructor() {
    super('Replaced by another pick.');
  }
}
