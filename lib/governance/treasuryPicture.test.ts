import { describe, expect, it } from 'vitest';
import { COMING_EPOCHS, epochWindow, PAST_EPOCHS, treasuryPicture } from './treasuryPicture';

describe('epochWindow', () => {
  it('is 6 past epochs, the current one and 6 coming: 13 reads whatever the contract has recorded', () => {
    const window = epochWindow(20n);
    expect(window).toHaveLength(Number(PAST_EPOCHS + 1n + COMING_EPOCHS));
    expect(window[0]).toBe(14n);
    expect(window.at(-1)).toBe(26n);
  });

  it('starts at epoch 0 near the contract start, never before', () => {
    expect(epochWindow(0n)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n]);
    expect(epochWindow(2n)[0]).toBe(0n);
    expect(epochWindow(6n)[0]).toBe(0n);
    expect(epochWindow(7n)[0]).toBe(1n);
  });
});

describe('treasuryPicture', () => {
  it('marks each epoch past, current or coming and sums what is committed on each side of now', () => {
    const epochs = epochWindow(3n); // 0..9
    const committed = [0n, 5n, 25n, 25n, 20n, 8n, 8n, 0n, 0n, 0n];
    const picture = treasuryPicture(epochs, committed, 3n);
    expect(picture.epochs.map((e) => e.tense)).toEqual([
      'past',
      'past',
      'past',
      'current',
      'coming',
      'coming',
      'coming',
      'coming',
      'coming',
      'coming',
    ]);
    expect(picture.thisEpoch).toBe(25n);
    expect(picture.nextEpoch).toBe(20n);
    expect(picture.pastTotal).toBe(30n);
    expect(picture.comingTotal).toBe(36n);
    expect(picture.largestComing).toEqual({ epoch: 4n, committed: 20n, tense: 'coming' });
  });

  it('has no largest coming epoch when nothing is committed ahead', () => {
    const picture = treasuryPicture([4n, 5n, 6n], [7n, 0n, 0n], 5n);
    expect(picture.largestComing).toBeUndefined();
    expect(picture.comingTotal).toBe(0n);
    expect(picture.thisEpoch).toBe(0n);
    expect(picture.pastTotal).toBe(7n);
  });

  it('refuses amounts that do not pair with the epochs', () => {
    expect(() => treasuryPicture([1n, 2n], [1n], 1n)).toThrow(/one amount an epoch/);
  });
});
