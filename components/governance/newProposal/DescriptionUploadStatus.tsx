'use client';

import { endpointHost } from '@/lib/files/links';
import type { FileStorageStep } from '@/components/files/hooks/useFileStorage';

/** Where storing the description stands while a proposal is submitted: the deposit, the send, or what failed. */
export function DescriptionUploadStatus({ state }: { state: FileStorageStep }) {
  if (state.step === 'idle') return null;
  if (state.step === 'failed') {
    return (
      <p role="alert" className="mt-3 text-sm text-rose-300" data-testid="description-upload">
        The description was not stored, so the proposal was not submitted: {state.message}
      </p>
    );
  }
  const p = state.step === 'sending' ? state.progress : undefined;
  return (
    <div role="status" className="mt-3 text-sm text-slate-300" data-testid="description-upload">
      {state.step === 'paying' && <p>Step 1 of 3: paying the description’s storage deposit…</p>}
      {state.step === 'sending' && (
        <>
          <p>
            Step 2 of 3: sending the description to {p ? endpointHost(p.endpoint) : 'a host node'}
            {p?.total ? ` (${Math.round((100 * p.loaded) / p.total)}%)` : ''}…
          </p>
          {p?.total ? (
            <progress className="mt-1 block w-full" max={p.total} value={p.loaded} aria-label="Description upload" />
          ) : null}
        </>
      )}
      {state.step === 'stored' && (
        <p>Description stored on {endpointHost(state.endpoint)}. Step 3 of 3: submitting the proposal.</p>
      )}
    </div>
  );
}
