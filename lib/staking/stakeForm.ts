// Validation of the stake form. Every message says what is wrong in words the user can act on; nothing is
// sent until both fields are valid.
import { parseUnits } from 'viem';
import { formatClo } from '../format/clo';

export const MIN_FORM_ROUNDS = 1;
export const MAX_FORM_ROUNDS = 12;

export interface StakeFormInput {
  amount: string;
  rounds: string;
  /** The wallet balance, when known. */
  balance?: bigint;
}

export interface StakeFormResult {
  amount?: bigint;
  rounds?: bigint;
  errors: { amount?: string; rounds?: string };
}

export function parseCloAmount(raw: string, balance?: bigint): { value?: bigint; error?: string } {
  const text = raw.trim();
  if (text === '') return { error: 'Enter an amount of CLO' };
  if (text.startsWith('-')) return { error: 'The amount must be positive' };
  if (!/^(\d+\.?\d*|\.\d+)$/.test(text)) return { error: 'Enter a number, such as 100 or 2.5' };
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  if (decimals > 18) return { error: 'CLO has at most 18 decimals' };
  const value = parseUnits(text, 18);
  if (value === 0n) return { error: 'The amount must be more than zero' };
  if (balance !== undefined && value > balance) {
    return { error: `That is more than your balance of ${formatClo(balance)} CLO` };
  }
  return { value };
}

export function parseRounds(raw: string): { value?: bigint; error?: string } {
  const text = raw.trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < MIN_FORM_ROUNDS || n > MAX_FORM_ROUNDS) {
    return { error: `Choose ${MIN_FORM_ROUNDS} to ${MAX_FORM_ROUNDS} rounds` };
  }
  return { value: BigInt(n) };
}

export function validateStakeForm(input: StakeFormInput): StakeFormResult {
  const amount = parseCloAmount(input.amount, input.balance);
  const rounds = parseRounds(input.rounds);
  return {
    amount: amount.value,
    rounds: rounds.value,
    errors: { amount: amount.error, rounds: rounds.error },
  };
}

/** The most a user can stake: the balance less a reserve for the transaction's fee. */
export function maxStakeable(balance: bigint, gasPrice: bigint | undefined): bigint {
  // A stake costs well under 200,000 gas; twice that at twice today's price leaves room for a price rise.
  const fallbackPrice = 100_000_000_000n;
  const reserve = 400_000n * 2n * (gasPrice ?? fallbackPrice);
  return balance > reserve ? balance - reserve : 0n;
}
