// Validation of the stake form. Every message says what is wrong in words the user can act on; nothing is
// sent until both fields are valid.
import { parseDecimal, type AmountProblem } from '../format/amount';
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

/** The form's words for each way a text is not an amount of CLO. */
const AMOUNT_PROBLEMS: Record<AmountProblem, string> = {
  negative: 'The amount must be positive',
  'not-a-number': 'Enter a number, such as 100 or 2.5',
  'too-many-decimals': 'CLO has at most 18 decimals',
  'too-large': 'That is more CLO than exists',
};

function parseCloAmount(raw: string, balance?: bigint): { value?: bigint; error?: string } {
  const parsed = parseDecimal(raw, 18);
  if (parsed.kind === 'empty') return { error: 'Enter an amount of CLO' };
  if (parsed.kind === 'invalid') return { error: AMOUNT_PROBLEMS[parsed.problem] };
  const value = parsed.value;
  if (value === 0n) return { error: 'The amount must be more than zero' };
  if (balance !== undefined && value > balance) {
    return { error: `That is more than your balance of ${formatClo(balance)} CLO` };
  }
  return { value };
}

function parseRounds(raw: string): { value?: bigint; error?: string } {
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

/**
 * For adding to a stake: the contract keeps the later of the current term end and `now + rounds × round`, so a
 * shorter choice does not move the end. `roundsToExtend` is the fewest rounds whose end falls after the current one
 * (1 when the current term is over), for the form to say which choices extend it.
 */
export function termChoice(currentEnd: bigint, now: bigint, roundInterval: bigint): { roundsToExtend: bigint } {
  if (currentEnd <= now || roundInterval <= 0n) return { roundsToExtend: 1n };
  return { roundsToExtend: (currentEnd - now) / roundInterval + 1n };
}
