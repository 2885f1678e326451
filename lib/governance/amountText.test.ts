import { describe, expect, it } from 'vitest';
import { parseAmountPerEpoch } from './proposal';
import { parseDepositClo, parseQuorumPercent } from './parameters';

describe('amounts typed into the governance forms', () => {
  it('reads them exactly, in the unit of each field', () => {
    expect(parseAmountPerEpoch(' 2.5 ')).toEqual({ value: 2_500_000_000_000_000_000n });
    expect(parseQuorumPercent('12.5%')).toEqual({ value: 1_250n });
  });

  it("refuses what the contract would refuse, in the field's own words, before anything is sent", () => {
    expect(parseQuorumPercent('12.345')).toEqual({ error: 'The quorum has at most 2 decimals (steps of 0.01%)' });
    expect(parseDepositClo('1,000')).toEqual({ error: 'Enter a number of CLO, such as 500 or 2.5' });
    expect(parseDepositClo('')).toEqual({ error: 'Enter a deposit in CLO, such as 500' });
    expect(parseAmountPerEpoch('-5')).toEqual({ error: 'Enter an amount of CLO, such as 1000 or 2.5' });
    // 61 digits of CLO is more wei than a uint256 holds: said next to the field, not by the encoder after submit.
    expect(parseAmountPerEpoch('9'.repeat(61))).toEqual({ error: 'The number is too large' });
  });
});
