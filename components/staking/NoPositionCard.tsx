'use client';

import type { ReactNode } from 'react';
import { Card } from '@/components/ui/primitives';

/**
 * The position card of a connected account without a stake to show: "reading" while the position's first read is
 * on its way, a sentence when it cannot be read, and a clear "no stake" (with where to start) once it is known to be
 * empty. `children` is what stays under it (the confirmation of a withdrawal that just emptied the stake).
 */
export function NoPositionCard({ state, children }: { state: 'loading' | 'failed' | 'empty'; children?: ReactNode }) {
  return (
    <Card title="My position">
      {state === 'loading' && (
        <p role="status" className="text-sm text-slate-400" data-testid="position-loading">
          Reading your position…
        </p>
      )}
      {state === 'failed' && (
        <p role="alert" className="text-sm text-rose-200">
          Your position cannot be read: the network does not answer. It is read again with the next block.
        </p>
      )}
      {state === 'empty' && (
        <p className="text-sm text-slate-300" data-testid="no-position">
          You have no stake in this contract, so there is no reward by round to show. Stake below: the form estimates
          the reward of a new stake before you send it.
        </p>
      )}
      {children}
    </Card>
  );
}
