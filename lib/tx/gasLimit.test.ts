import { describe, expect, it } from 'vitest';
import { gasLimitWithMargin } from './gasLimit';

describe('the gas limit asked of the wallet', () => {
  it('adds half the estimate, so a withdrawal estimated at 92,051 gets room for the refresh of a new block', () => {
    expect(gasLimitWithMargin(92_051n, 30_000_000n)).toBe(138_076n);
  });

  it('never asks for more than the block gas limit', () => {
    expect(gasLimitWithMargin(7_000_000n, 8_000_000n)).toBe(8_000_000n);
  });

  it('keeps an estimate above the block gas limit as it is (the node will say why it cannot be mined)', () => {
    expect(gasLimitWithMargin(9_000_000n, 8_000_000n)).toBe(9_000_000n);
  });
});
