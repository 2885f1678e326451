/** A reward multiplier (1e18 = 1.00) as the rules speak of it: two decimals and a times sign, "0.45×".
 * Integer arithmetic throughout; the third decimal is cut, never rounded up. */
export function formatMultiplier(multiplier: bigint): string {
  const hundredths = (multiplier * 100n) / 10n ** 18n;
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}×`;
}
