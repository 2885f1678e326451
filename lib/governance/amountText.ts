// The governance forms' amounts, read by the app's one amount parser (lib/format/amount.ts) and refused in each
// field's own words, so a voter sees "CLO has at most 18 decimals" next to the CLO field and "steps of 0.01%" next
// to the quorum.
import { parseDecimal } from '../format/amount';

export interface AmountWords {
  /** Nothing typed. */
  empty: string;
  /** Not a number (or a negative one). */
  notANumber: string;
  /** More decimals than the unit has. */
  tooManyDecimals: string;
}

/** `raw` as an integer of 10^-decimals units, or the field's message in `words`. */
export function readAmount(raw: string, decimals: number, words: AmountWords): { value?: bigint; error?: string } {
  const parsed = parseDecimal(raw, decimals);
  if (parsed.kind === 'ok') return { value: parsed.value };
  if (parsed.kind === 'empty') return { error: words.empty };
  if (parsed.problem === 'too-many-decimals') return { error: words.tooManyDecimals };
  if (parsed.problem === 'too-large') return { error: parsed.reason };
  return { error: words.notANumber };
}
