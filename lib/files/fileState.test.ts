import { describe, expect, it } from 'vitest';
import { confirmationsText, fileState, fileStateExplanation, fileStatusLabel } from './fileState';

describe('file words', () => {
  it('labels the state, and a pending upload past its window as expired before anyone releases it', () => {
    const pending = { status: 0, expires_at: 1_000n };
    expect(fileState(pending, 999n)).toBe('pending');
    expect(fileState(pending, 1_000n)).toBe('expired');
    expect(fileState({ status: 1, expires_at: 1_000n }, 5_000n)).toBe('counted');
    expect(fileState({ status: 2, expires_at: 1_000n }, 5_000n)).toBe('expired');
    expect(fileState({ status: 3, expires_at: 1_000n }, 0n)).toBe('withdrawn');
    expect(fileStatusLabel('pending')).toBe('Waiting for confirmation');
    expect(fileStatusLabel('counted')).toBe('Stored');
    expect(fileStatusLabel('expired')).toBe('Expired unconfirmed');
    expect(fileStatusLabel('withdrawn')).toBe('Withdrawn');
    expect(fileStateExplanation('pending')).toMatch(/before the file counts/);
  });

  it('says how many of the elected nodes confirmed', () => {
    expect(confirmationsText(2, 2n)).toBe('2 of 2 nodes');
    expect(confirmationsText(0, 1)).toBe('0 of 1 node');
    expect(confirmationsText(1n, 0n)).toBe('1 of 0 nodes');
  });
});
