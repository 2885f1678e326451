'use client';

import type { Address } from 'viem';
import { ReadFailed } from '@/components/ui/primitives';
import type { DeliveryRecipients } from './deliveryPlan';

function Account({ account }: { account: Address }) {
  return <span className="font-mono text-xs break-all">{account}</span>;
}

/** Who will be able to read the report, and who will not, said before anything is sealed. */
export function RecipientsList({
  readers,
  error,
  onRetry,
}: {
  readers: DeliveryRecipients | undefined;
  error: unknown;
  onRetry(): void;
}) {
  if (!readers) {
    if (error) return <ReadFailed what="the managers’ encryption keys" error={error} onRetry={onRetry} />;
    return <p className="text-sm text-slate-400">Reading the managers’ encryption keys…</p>;
  }
  const { managersWithKey, managersWithoutKey, auditorIncluded } = readers;
  return (
    <section aria-label="Who can read the report" className="space-y-2 text-sm" data-testid="delivery-recipients">
      <p className="font-medium">Who will be able to read it</p>
      {managersWithKey.length === 0 ? (
        <p className="text-rose-300">No manager in office has registered an encryption key.</p>
      ) : (
        <ul className="list-inside list-disc space-y-1 text-slate-300" data-testid="delivery-readers">
          {managersWithKey.map((m) => (
            <li key={m}>
              Manager <Account account={m} />
            </li>
          ))}
          {auditorIncluded && <li>You (your registered key), so you can reopen your delivery</li>}
        </ul>
      )}
      {!auditorIncluded && managersWithKey.length > 0 && (
        <p className="text-xs text-slate-400">
          You will not be able to reopen the envelope: register your own encryption key first if you want to.
        </p>
      )}
      {managersWithoutKey.length > 0 && (
        <div
          role="note"
          className="rounded-md border border-amber-700 bg-amber-950/60 px-3 py-2 text-amber-100"
          data-testid="delivery-without-key"
        >
          <p>
            {managersWithoutKey.length === 1 ? 'This manager has' : 'These managers have'} no encryption key registered
            and will not be able to read the report:
          </p>
          <ul className="mt-1 list-inside list-disc">
            {managersWithoutKey.map((m) => (
              <li key={m}>
                <Account account={m} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-xs text-slate-400">
        Sealed for the managers in office now: a manager appointed later cannot read this envelope.
      </p>
    </section>
  );
}
