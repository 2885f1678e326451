import { describe, expect, it } from 'vitest';
import { archiveCopyStateOf } from './archiveCopy';

const NOW = 1_000_000n;
const pending = { status: 0, expires_at: NOW + 100n, confirmations: 0 };

describe('archiveCopyStateOf', () => {
  it('tells a report the app does not archive from one the archive does not hold now', () => {
    expect(archiveCopyStateOf(undefined, undefined, NOW)).toEqual({ kind: 'none' });
    expect(archiveCopyStateOf({ stored: false, fileId: 0n }, undefined, NOW)).toEqual({ kind: 'not-stored' });
  });

  it('a registered copy no node confirmed waits until its window ends, then is expired', () => {
    expect(archiveCopyStateOf({ stored: true, fileId: 4n }, pending, NOW)).toEqual({
      kind: 'waiting',
      fileId: 4n,
      expiresAt: NOW + 100n,
    });
    expect(archiveCopyStateOf({ stored: true, fileId: 4n }, pending, NOW + 100n)).toEqual({
      kind: 'expired',
      fileId: 4n,
    });
    expect(archiveCopyStateOf({ stored: true, fileId: 4n }, { ...pending, status: 2 }, NOW)).toEqual({
      kind: 'expired',
      fileId: 4n,
    });
  });

  it('a copy a node confirmed is confirmed, with the number of nodes', () => {
    expect(archiveCopyStateOf({ stored: true, fileId: 4n }, { ...pending, status: 1, confirmations: 2 }, NOW)).toEqual({
      kind: 'confirmed',
      fileId: 4n,
      confirmations: 2,
    });
  });
});
