// Amounts typed by a person, read into exact integers of the smallest unit (wei for CLO, basis points for a
// percentage with two decimals). Every form in the app parses through here, so one set of rules decides what a
// number is, and no amount goes through floating point on its way to a transaction.

/** Why a text is not an amount, for callers that say it in their own words ("CLO has at most 18 decimals"). */
export type AmountProblem = 'negative' | 'not-a-number' | 'too-many-decimals' | 'too-large';

export type ParsedAmount =
  { kind: 'empty' } | { kind: 'invalid'; reason: string; problem: AmountProblem } | { kind: 'ok'; value: bigint };

/**
 * The one pattern for a decimal typed by a person: digits with an optional point and fraction ("12", "12.",
 * "12.5", ".5"). No sign, no exponent, no thousands separators: "1,000" is refused rather than guessed at.
 */
export const DECIMAL_TEXT = /^(\d+\.?\d*|\.\d+)$/;

/** The largest value a contract's uint256 can hold. */
export const MAX_UINT256 = 2n ** 256n - 1n;

function invalid(problem: AmountProblem, reason: string): ParsedAmount {
  return { kind: 'invalid', problem, reason };
}

/**
 * `text` as an integer count of 10^-decimals units: "2.5" with 18 decimals is 2.5e18. Surrounding spaces are
 * ignored. A fraction longer than `decimals` is refused, never rounded: the user must see the amount that is sent.
 */
export function parseDecimal(text: string, decimals = 18): ParsedAmount {
  if (!Number.isSafeInteger(decimals) || decimals < 0) throw new RangeError(`decimals must be a whole number >= 0`);
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (/^-\s*(\d|\.\d)/.test(trimmed)) return invalid('negative', 'Enter a positive number');
  if (!DECIMAL_TEXT.test(trimmed)) return invalid('not-a-number', 'Enter a number, such as 100 or 2.5');
  const [whole = '', fraction = ''] = trimmed.split('.');
  if (fraction.length > decimals) {
    return invalid(
      'too-many-decimals',
      decimals === 0 ? 'Enter a whole number' : `Use at most ${decimals} decimal${decimals === 1 ? '' : 's'}`,
    );
  }
  const value = BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (value > MAX_UINT256) return invalid('too-large', 'The number is too large');
  return { kind: 'ok', value };
}
