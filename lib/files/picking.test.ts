import { describe, expect, it } from 'vitest';
import { PickCancelledError, blobChunks, pickFromFileList, pickFromFiles } from './picking';

const blob = (text: string) => new Blob([text]);

describe('pickFromFiles', () => {
  it('makes one file an upload of its own name', () => {
    const result = pickFromFiles([{ path: 'report.pdf', file: blob('12345') }]);
    expect(result).toEqual({
      picked: { name: 'report.pdf', kind: 'file', entries: [{ path: 'report.pdf', file: expect.any(Blob) }], size: 5n },
    });
  });

  it('makes the files of one folder one upload, sorted by path, sized by their sum', () => {
    const result = pickFromFiles([
      { path: '/site/img/logo.png', file: blob('abc') },
      { path: '/site/index.html', file: blob('<h1>') },
      { path: '/site/about.html', file: blob('') },
    ]);
    if (!('picked' in result)) throw new Error(result.error);
    expect(result.picked.name).toBe('site');
    expect(result.picked.kind).toBe('folder');
    expect(result.picked.entries.map((e) => e.path)).toEqual([
      'site/about.html',
      'site/img/logo.png',
      'site/index.html',
    ]);
    expect(result.picked.size).toBe(7n);
  });

  it('refuses nothing, several loose files, two folders and a duplicate path', () => {
    expect(pickFromFiles([])).toMatchObject({ error: /Nothing was picked/ });
    expect(
      pickFromFiles([
        { path: 'a.txt', file: blob('a') },
        { path: 'b.txt', file: blob('b') },
      ]),
    ).toMatchObject({ error: /one file or one folder/ });
    expect(
      pickFromFiles([
        { path: 'x/a.txt', file: blob('a') },
        { path: 'y/b.txt', file: blob('b') },
      ]),
    ).toMatchObject({ error: /one file or one folder/ });
    expect(
      pickFromFiles([
        { path: 'x/a.txt', file: blob('a') },
        { path: 'x/a.txt', file: blob('b') },
      ]),
    ).toMatchObject({ error: /appears twice/ });
  });
});

describe('pickFromFileList', () => {
  it('uses each file’s path inside a picked folder', () => {
    const a = new File(['a'], 'a.txt');
    const b = new File(['bb'], 'b.txt');
    Object.defineProperty(a, 'webkitRelativePath', { value: 'notes/a.txt' });
    Object.defineProperty(b, 'webkitRelativePath', { value: 'notes/sub/b.txt' });
    const result = pickFromFileList([b, a]);
    if (!('picked' in result)) throw new Error(result.error);
    expect(result.picked.entries.map((e) => e.path)).toEqual(['notes/a.txt', 'notes/sub/b.txt']);
    expect(result.picked.size).toBe(3n);
  });

  it('uses the name of a single picked file', () => {
    const result = pickFromFileList([new File(['x'], 'x.bin')]);
    expect(result).toMatchObject({ picked: { name: 'x.bin', kind: 'file', size: 1n } });
  });
});

describe('blobChunks', () => {
  it('yields the blob’s bytes', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const parts: Uint8Array[] = [];
    for await (const part of blobChunks(new Blob([bytes]))) parts.push(part);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  });

  it('stops when cancelled', async () => {
    let cancelled = false;
    const read = async () => {
      for await (const _ of blobChunks(new Blob([new Uint8Array(300_000)]), () => cancelled)) cancelled = true;
    };
    await expect(read()).rejects.toThrow(PickCancelledError);
  });
});
