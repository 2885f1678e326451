import { committedBytes, CRR } from '@/lib/files/pricing';
import { PENDING_WINDOW_TEXT } from '@/lib/files/fileState';
import type { Quote } from '@/lib/files/uploadFlow';
import { MB_NOTE, formatBytes, utilisationBps } from '@/lib/files/units';
import { formatBps } from '@/lib/format/percent';
import { Amount } from '@/components/ui/Amount';
import { PricePerMb } from './PricePerMb';

/**
 * The deposit of the picked file with the formula's inputs beside it. `paid`: the deposit was paid at this quote,
 * which no longer follows the totals (the upload itself moved them).
 */
export function QuoteBox({ quote, paid }: { quote: Quote; paid: boolean }) {
  const { totals } = quote;
  const committed = committedBytes(totals);
  const after = committed + quote.size;
  return (
    <div className="rounded-md border border-slate-800 bg-slate-950/50 p-3 text-sm" data-testid="quote-box">
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-slate-400">
            {paid ? 'Deposit paid (refunded whole when you withdraw)' : 'Deposit (refunded whole when you withdraw)'}
          </dt>
          <dd className="mt-0.5 text-lg font-semibold">
            <Amount wei={quote.deposit} testId="deposit-quote" />
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-400">Price after this upload</dt>
          <dd className="mt-0.5 tabular-nums" data-testid="quote-price">
            <PricePerMb wei={quote.pricePerMb} />{' '}
            <span className="text-slate-400">at {formatBps(utilisationBps(after, totals.capacity_bytes))} use</span>
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-sm text-amber-100" data-testid="quote-confirmation-rule">
        Your file counts once a host node confirms it holds this content at this size. Until then its space is reserved;
        if no node confirms it within {PENDING_WINDOW_TEXT} (the bytes never reached a node, or the size does not
        match), the upload expires, its space goes back, and you withdraw the deposit.
      </p>
      <div className="mt-3 space-y-1 text-xs break-words text-slate-300" data-testid="quote-formula">
        <p>
          deposit = the area under the price curve over the bytes this upload takes, from {formatBytes(committed)} to{' '}
          {formatBytes(after)} of {formatBytes(totals.capacity_bytes)} (stored and waiting files alike) ={' '}
          <Amount wei={quote.deposit} />. Two smaller uploads never cost less than one.
        </p>
        <p>
          price per MB = floor + unit price ÷ (2 × CRR) × (C² ÷ (C − use)² − 1), C = capacity, CRR = {CRR.toString()}:
          while little is used it is the seed’s Price = Balance ÷ (Supply × CRR) times the unit price above the floor,
          and it grows without bound as the free space runs out, so the capacity can never be taken whole. Unit price{' '}
          <PricePerMb wei={totals.unit_price} />, floor <PricePerMb wei={totals.floor_price} />. Every division rounds
          up, as the contract does. {MB_NOTE}.
        </p>
      </div>
    </div>
  );
}
