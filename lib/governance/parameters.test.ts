import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import { describeParameterChange, parseDepositClo, parseQuorumPercent } from './parameters';
import { ProposalParam } from './proposal';

describe('parameter form fields', () => {
  it('reads the quorum as a percentage into basis points', () => {
    expect(parseQuorumPercent('10')).toEqual({ value: 1000n });
    expect(parseQuorumPercent('12.5%')).toEqual({ value: 1250n });
    expect(parseQuorumPercent('100')).toEqual({ value: 10_000n });
    expect(parseQuorumPercent('0.01')).toEqual({ value: 1n });
    expect(parseQuorumPercent('0').error).toMatch(/1% to 30%/);
    expect(parseQuorumPercent('100.01').error).toMatch(/1% to 30%/);
    expect(parseQuorumPercent('0.001').error).toMatch(/2 decimals/);
    expect(parseQuorumPercent('ten').error).toMatch(/number/);
    expect(parseQuorumPercent('').error).toMatch(/Enter/);
  });

  it('reads the deposit in CLO', () => {
    expect(parseDepositClo('500')).toEqual({ value: parseEther('500') });
    expect(parseDepositClo('0').error).toMatch(/above zero/);
    expect(parseDepositClo('1.0000000000000000001').error).toMatch(/18 decimals/);
    expect(parseDepositClo('-1').error).toMatch(/number/);
  });

  it('describes a parameter change', () => {
    expect(describeParameterChange({ param: ProposalParam.Quorum, param_value: 1250n })).toBe('Quorum → 12.5%');
    expect(describeParameterChange({ param: ProposalParam.SubmissionDeposit, param_value: parseEther('250') })).toBe(
      'Submission deposit → 250 CLO',
    );
  });
});
