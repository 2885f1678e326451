import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks } from './ticks';

describe('niceStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(937, 4)).toBe(500);
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(0.03, 4)).toBeCloseTo(0.01, 12);
    expect(niceStep(7, 6)).toBe(2);
  });
  it('falls back to 1 for an empty or broken span', () => {
    expect(niceStep(0, 4)).toBe(1);
    expect(niceStep(Number.NaN, 4)).toBe(1);
  });
});

describe('niceTicks', () => {
  it('widens a value axis to round ticks from zero', () => {
    expect(niceTicks(0, 937, 4)).toEqual({ values: [0, 500, 1000], step: 500, domain: [0, 1000] });
    expect(niceTicks(0, 1000, 4).values).toEqual([0, 500, 1000]);
    expect(niceTicks(0, 1001, 4).values).toEqual([0, 500, 1000, 1500]);
  });

  it('writes decimal ticks without floating point noise', () => {
    const { values } = niceTicks(0, 0.3, 3);
    expect(values).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 0.00007, 4).values).toEqual([0, 0.00002, 0.00004, 0.00006, 0.00008]);
  });

  it('keeps a round axis as given and steps in whole rounds', () => {
    expect(niceTicks(1, 12, 6, { extend: false, integer: true })).toEqual({
      values: [2, 4, 6, 8, 10, 12],
      step: 2,
      domain: [1, 12],
    });
    expect(niceTicks(1, 3, 6, { extend: false, integer: true }).values).toEqual([1, 2, 3]);
  });

  it('reaches huge values and negative ranges', () => {
    expect(niceTicks(0, 3.2e9, 4).values).toEqual([0, 1e9, 2e9, 3e9, 4e9]);
    expect(niceTicks(-45, 45, 4).values).toEqual([-50, 0, 50]);
    expect(niceTicks(-45, 45, 9).values).toEqual([-50, -40, -30, -20, -10, 0, 10, 20, 30, 40, 50]);
  });

  it('makes a flat series one step tall instead of dividing by zero', () => {
    expect(niceTicks(0, 0, 4)).toEqual({ values: [0, 1], step: 1, domain: [0, 1] });
    expect(niceTicks(5, 5, 4, { extend: false, integer: true }).domain).toEqual([5, 6]);
  });

  it('refuses a range that is not finite', () => {
    expect(() => niceTicks(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
