import { describe, expect, it } from 'vitest';
import { karmaFor, startedKib } from './karma';

const params = { karmaPerKb: 10n, errorPenalty: 7n };

describe('startedKib', () => {
  it('counts started KiB', () => {
    expect(startedKib(0n)).toBe(0n);
    expect(startedKib(1n)).toBe(1n);
    expect(startedKib(1024n)).toBe(1n);
    expect(startedKib(1025n)).toBe(2n);
    expect(startedKib(24_576n)).toBe(24n);
  });

  it('refuses negative sizes', () => {
    expect(() => startedKib(-1n)).toThrow(RangeError);
  });
});

describe('karmaFor', () => {
  it('pays karma_per_kb a started KiB without errors', () => {
    expect(karmaFor(params, 1n, 0n)).toBe(10n);
    expect(karmaFor(params, 2048n, 0n)).toBe(20n);
    expect(karmaFor(params, 2049n, 0n)).toBe(30n);
  });

  it('takes error_penalty off each error', () => {
    expect(karmaFor(params, 3000n, 1n)).toBe(23n);
    expect(karmaFor(params, 3000n, 4n)).toBe(2n);
  });

  it('never goes below zero', () => {
    expect(karmaFor(params, 3000n, 5n)).toBe(0n);
    expect(karmaFor(params, 1n, 1000n)).toBe(0n);
    expect(karmaFor({ karmaPerKb: 7n, errorPenalty: 7n }, 1024n, 1n)).toBe(0n);
  });

  it('refuses negative error counts', () => {
    expect(() => karmaFor(params, 1n, -1n)).toThrow(RangeError);
  });
});
