import { describe, expect, it } from 'vitest';
import { MB } from './pricing';
import { uploadUnavailableReason, validateUploadSize } from './uploadRules';

describe('upload checks before anything is sent', () => {
  const totals = { node_count: 2n, used_bytes: 2n * MB, pending_bytes: MB, capacity_bytes: 4n * MB };
  it('says before a file is picked when no node is elected or capacity is taken', () => {
    expect(uploadUnavailableReason({ ...totals, node_count: 0n, capacity_bytes: 0n })).toMatch(/No host node/);
    expect(uploadUnavailableReason({ ...totals, used_bytes: 3n * MB })).toMatch(/capacity is taken/);
    expect(uploadUnavailableReason({ ...totals, pending_bytes: 2n * MB - 1n })).toMatch(/capacity is taken/);
    expect(uploadUnavailableReason({ ...totals, used_bytes: 5n * MB })).toMatch(/capacity is taken/);
    expect(uploadUnavailableReason(totals)).toBeUndefined();
  });

  it('refuses an empty file, one that leaves no capacity free, and one over the nodes’ limit', () => {
    expect(validateUploadSize(0n, totals)).toMatch(/empty/);
    expect(validateUploadSize(MB, totals)).toBe(
      'It is 1 MB; 1 MB of capacity is free, and an upload must leave some of it free.',
    );
    expect(validateUploadSize(MB - 1n, totals)).toBeUndefined();
    expect(validateUploadSize(2048n, totals, 1024n)).toBe('It is 2 KB; the host nodes accept uploads of at most 1 KB.');
    expect(validateUploadSize(1n, { ...totals, node_count: 0n })).toMatch(/No host node/);
  });
});
