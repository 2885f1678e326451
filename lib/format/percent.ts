// Percentages from exact integers. Cut, never rounded up, so a share short of the whole never reads "100%" and a
// quorum short of its mark never reads as met.

/** `units` hundredths-of-... written with `fractionDigits` decimals, trailing zeros dropped: 1250n, 2 -> "12.5". */
function writeScaled(units: bigint, fractionDigits: number): string {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const scale = 10n ** BigInt(fractionDigits);
  const whole = magnitude / scale;
  const fraction = fractionDigits === 0 ? '' : (magnitude % scale).toString().padStart(fractionDigits, '0');
  const trimmed = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${trimmed ? `.${trimmed}` : ''}`;
}

function checkDigits(fractionDigits: number) {
  if (!Number.isSafeInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 18) {
    throw new RangeError('fractionDigits must be a whole number from 0 to 18');
  }
}

/**
 * Basis points (10,000 = 100%) as a percentage with at most `fractionDigits` decimals, cut toward zero and
 * trailing zeros dropped: 1250 -> "12.5%", 6249 -> "62.4%", 9999 -> "99.9%" (never "100%"), 6200 -> "62%".
 */
export function formatBps(bps: bigint | number, fractionDigits = 1): string {
  checkDigits(fractionDigits);
  const value = BigInt(bps);
  // bps are hundredths of a percent: in units of 10^-fractionDigits percent that is bps * 10^fractionDigits / 100.
  const units = (value * 10n ** BigInt(fractionDigits)) / 100n;
  return `${writeScaled(units, fractionDigits)}%`;
}

/**
 * Each part's share of their sum as a percentage with at most `fractionDigits` decimals, the shares adding up to
 * exactly 100% (largest remainder: every share is cut, then the units left over go one each to the parts with
 * the largest remainders, the earlier part first on a tie). Three equal parts read 33.4%, 33.3%, 33.3%. All
 * zero parts read 0% each. Negative parts have no share and are refused.
 */
export function sharesOf(parts: readonly bigint[], fractionDigits = 1): string[] {
  checkDigits(fractionDigits);
  if (parts.some((part) => part < 0n)) throw new RangeError('sharesOf: parts must not be negative');
  const total = parts.reduce((sum, part) => sum + part, 0n);
  if (total === 0n) return parts.map(() => '0%');
  const whole = 100n * 10n ** BigInt(fractionDigits);
  const units = parts.map((part) => (part * whole) / total);
  const remainders = parts.map((part, index) => ({ index, remainder: (part * whole) % total }));
  let left = whole - units.reduce((sum, u) => sum + u, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    units[index]! += 1n;
    left -= 1n;
  }
  return units.map((u) => `${writeScaled(u, fractionDigits)}%`);
}
