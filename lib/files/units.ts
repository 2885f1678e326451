// Sizes, prices and shares as the file pages show them: the app's binary units (1 MB = 2^20 bytes), CLO prices
// per MB with every decimal, use as a share of capacity (written by lib/format/percent's formatBps). Bigint in, text
// out; nothing rounds up past what is stored.
import { formatCloReadable } from '../format/clo';
import { NO_PRICE } from './pricing';

/** What the page says about units wherever it shows MB. */
export const MB_NOTE = '1 MB = 1,048,576 bytes';

const UNITS = [
  { name: 'GB', bytes: 1n << 30n },
  { name: 'MB', bytes: 1n << 20n },
  { name: 'KB', bytes: 1n << 10n },
] as const;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A size for people: "812 bytes", "1.5 KB", "12.34 MB", "2.05 GB", in the app's binary units (1 MB = 2^20
 * bytes), truncated to two decimals with integer arithmetic (no rounding up past what is stored). */
export function formatBytes(bytes: bigint): string {
  if (bytes < 0n) return `-${formatBytes(-bytes)}`;
  for (const unit of UNITS) {
    if (bytes >= unit.bytes) {
      const hundredths = (bytes * 100n) / unit.bytes;
      const whole = hundredths / 100n;
      const fraction = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
      return `${groupThousands(whole.toString())}${fraction ? `.${fraction}` : ''} ${unit.name}`;
    }
  }
  return `${groupThousands(bytes.toString())} byte${bytes === 1n ? '' : 's'}`;
}

/** The exact byte count, grouped: "1,048,576 bytes". */
export function formatByteCount(bytes: bigint): string {
  return `${groupThousands(bytes.toString())} byte${bytes === 1n ? '' : 's'}`;
}

/** A price per MB as a person reads it ("0.099999 CLO per MB", "< 0.000001 CLO per MB"); the exact one is the
 * `Amount` component's title (see components/files/PricePerMb.tsx). */
export function formatPricePerMb(wei: bigint): string {
  return wei === NO_PRICE ? 'no price (capacity taken)' : `${formatCloReadable(wei)} per MB`;
}

/** Use as a share of capacity in basis points (10,000 = full; above when a node removal left use above it). */
export function utilisationBps(used: bigint, capacity: bigint): number {
  if (capacity === 0n) return used > 0n ? 10_000 : 0;
  return Number((used * 10_000n) / capacity);
}
