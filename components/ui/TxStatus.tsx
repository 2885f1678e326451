'use client';

import { explorerTxUrl } from '@/lib/chain/explorer';
import { useNetwork } from './NetworkContext';
import type { TxState } from './useTransaction';

function TxLink({ hash }: { hash: string }) {
  const { chain } = useNetwork();
  const url = explorerTxUrl(chain, hash);
  const label = `${hash.slice(0, 10)}…${hash.slice(-6)}`;
  return url ? (
    <a className="underline underline-offset-2" href={url} target="_blank" rel="noreferrer noopener">
      view transaction {label}
    </a>
  ) : (
    <span className="font-mono" title={hash}>
      transaction {label}
    </span>
  );
}

/** The phase of a transaction in words, announced to screen readers as it changes. */
export function TxStatus({ state }: { state: TxState }) {
  if (state.phase === 'idle') return <div role="status" aria-live="polite" className="sr-only" />;
  const tone =
    state.phase === 'success'
      ? 'border-emerald-700 bg-emerald-950/60 text-emerald-100'
      : state.phase === 'failed'
        ? 'border-rose-700 bg-rose-950/60 text-rose-100'
        : 'border-slate-700 bg-slate-900 text-slate-200';
  return (
    <div role="status" aria-live="polite" className={`mt-3 rounded-md border px-3 py-2 text-sm ${tone}`}>
      {state.phase === 'simulating' && 'Checking the transaction…'}
      {state.phase === 'awaiting-wallet' && 'Confirm the transaction in your wallet.'}
      {state.phase === 'pending' && (
        <>
          Waiting for the transaction to be mined… <TxLink hash={state.hash} />
        </>
      )}
      {state.phase === 'success' && (
        <>
          {state.message}. <TxLink hash={state.hash} />
        </>
      )}
      {state.phase === 'cancelled' && state.message}
      {state.phase === 'failed' && (
        <>
          <strong className="font-semibold">Failed:</strong> {state.message}
          {state.hash && (
            <>
              {' '}
              <TxLink hash={state.hash} />
            </>
          )}
        </>
      )}
    </div>
  );
}
