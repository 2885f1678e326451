import { formatUnits } from 'viem';

/** CLO from wei for display: grouped thousands, at most `maxFractionDigits` decimals, never floating point. */
export function formatClo(wei: bigint, maxFractionDigits = 4): string {
  const negative = wei < 0n;
  const [whole = '0', fraction = ''] = formatUnits(negative ? -wei : wei, 18).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.slice(0, maxFractionDigits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

export function formatCloWithUnit(wei: bigint, maxFractionDigits = 4): string {
  return `${formatClo(wei, maxFractionDigits)} CLO`;
}

/** 0x1234…abcd: enough to recognise an address, with the full one in a title or beside it. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}
