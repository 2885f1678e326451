import { NO_PRICE } from '@/lib/files/pricing';
import { Amount } from '@/components/ui/Amount';

/** A price per MB as a person reads it, the exact price on hover or focus; past full capacity there is none. */
export function PricePerMb({ wei, testId }: { wei: bigint; testId?: string }) {
  if (wei === NO_PRICE) return <span data-testid={testId}>no price (capacity taken)</span>;
  return <Amount wei={wei} suffix="per MB" testId={testId} />;
}
