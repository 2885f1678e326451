import { formatUnits } from 'viem';

/** Digits with a comma every three from the right: "1234567" reads "1,234,567". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** CLO from wei for display: grouped thousands, at most `maxFractionDigits` decimals, never floating point. */
export function formatClo(wei: bigint, maxFractionDigits = 4): string {
  const negative = wei < 0n;
  const [whole = '0', fraction = ''] = formatUnits(negative ? -wei : wei, 18).split('.');
  const trimmed = fraction.slice(0, maxFractionDigits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${groupThousands(whole)}${trimmed ? `.${trimmed}` : ''}`;
}

export function formatCloWithUnit(wei: bigint, maxFractionDigits = 4): string {
  return `${formatClo(wei, maxFractionDigits)} CLO`;
}

/** The smallest amount `formatCloReadable` writes as digits: 0.000001 CLO. Below it a person reads "dust". */
const READABLE_FLOOR_WEI = 10n ** 12n;
/** Digits a person takes in at a glance; the whole part is always written in full, whatever its length. */
const READABLE_SIGNIFICANT_DIGITS = 6;
const READABLE_MAX_FRACTION_DIGITS = 6;

/**
 * CLO as a person reads it: about six significant digits ("1,234.56 CLO", "0.012345 CLO"), the whole part never
 * shortened, cut (not rounded) so it never shows more than there is, "0 CLO" for nothing and "< 0.000001 CLO" for
 * dust. The exact amount belongs next to it (`formatCloExact`, the `Amount` component's title).
 */
export function formatCloReadable(wei: bigint): string {
  if (wei === 0n) return '0 CLO';
  const negative = wei < 0n;
  const magnitude = negative ? -wei : wei;
  if (magnitude < READABLE_FLOOR_WEI) return negative ? '> -0.000001 CLO' : '< 0.000001 CLO';
  const whole = magnitude / 10n ** 18n;
  const wholeDigits = whole === 0n ? 0 : whole.toString().length;
  const fractionDigits = Math.min(READABLE_MAX_FRACTION_DIGITS, Math.max(0, READABLE_SIGNIFICANT_DIGITS - wholeDigits));
  return `${formatClo(wei, fractionDigits)} CLO`;
}

/** Every one of the 18 decimals that are not trailing zeros, grouped, with the unit: "1,234.000000000000000001 CLO". */
export function formatCloExact(wei: bigint): string {
  return formatCloWithUnit(wei, 18);
}

/** 0x1234…abcd: enough to recognise an address, with the full one in a title or beside it. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}
