import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import { maxStakeable, termChoice, validateStakeForm } from './stakeForm';

const balance = parseEther('500');

describe('stake form validation', () => {
  it('accepts a valid amount and rounds', () => {
    expect(validateStakeForm({ amount: '100', rounds: '2', balance })).toEqual({
      amount: parseEther('100'),
      rounds: 2n,
      errors: { amount: undefined, rounds: undefined },
    });
    expect(validateStakeForm({ amount: '0.000000000000000001', rounds: '12', balance }).amount).toBe(1n);
    expect(validateStakeForm({ amount: '.5', rounds: '1', balance }).amount).toBe(parseEther('0.5'));
  });

  it.each([
    ['', 'Enter an amount of CLO'],
    ['   ', 'Enter an amount of CLO'],
    ['0', 'The amount must be more than zero'],
    ['0.000', 'The amount must be more than zero'],
    ['-5', 'The amount must be positive'],
    ['abc', 'Enter a number, such as 100 or 2.5'],
    ['1e3', 'Enter a number, such as 100 or 2.5'],
    ['1,5', 'Enter a number, such as 100 or 2.5'],
    ['0.0000000000000000001', 'CLO has at most 18 decimals'],
    ['500.000000000000000001', 'That is more than your balance of 500 CLO'],
  ])('refuses the amount %j', (amount, message) => {
    const result = validateStakeForm({ amount, rounds: '1', balance });
    expect(result.errors.amount).toBe(message);
    expect(result.amount).toBeUndefined();
  });

  it('refuses an amount beyond what a uint256 holds, before any balance is known', () => {
    const tooLarge = validateStakeForm({ amount: '1' + '0'.repeat(60), rounds: '1' });
    expect(tooLarge.errors.amount).toBe('That is more CLO than exists');
    expect(tooLarge.amount).toBeUndefined();
  });

  it.each(['0', '13', '-1', '1.5', '', 'two'])('refuses %j rounds', (rounds) => {
    expect(validateStakeForm({ amount: '1', rounds, balance }).errors.rounds).toBe('Choose 1 to 12 rounds');
  });

  it('keeps a fee reserve out of the maximum', () => {
    const gasPrice = 1_000_000_000n;
    expect(maxStakeable(parseEther('10'), gasPrice)).toBe(parseEther('10') - 800_000n * gasPrice);
    expect(maxStakeable(1000n, gasPrice)).toBe(0n);
  });
});

describe('the term of a top-up', () => {
  const DAY = 86_400n;
  it('extends the term only with more rounds than the current term has left', () => {
    // A term ending 1.5 rounds from now: 1 round keeps its end, 2 rounds extend it.
    expect(termChoice(1_000n + (3n * DAY) / 2n, 1_000n, DAY)).toEqual({ roundsToExtend: 2n });
    // Ending exactly 2 rounds from now: 2 rounds end at the same second, so 3 are needed to move it.
    expect(termChoice(1_000n + 2n * DAY, 1_000n, DAY)).toEqual({ roundsToExtend: 3n });
  });

  it('lets any term extend a term that is over', () => {
    expect(termChoice(500n, 1_000n, DAY)).toEqual({ roundsToExtend: 1n });
  });
});
