'use client';

import { useId } from 'react';
import { formatDuration } from '@/lib/format/time';
import { Amount } from '@/components/ui/Amount';

interface Props {
  /** What adding in the block read forfeits: the current round's time so far and its reward at today's pool. */
  loss: { lostTime: bigint; lostReward: bigint };
  /** The completed rounds' reward the top-up pays first, when the preview knows it. */
  paidFirst: bigint | undefined;
  accepted: boolean;
  onAcceptedChange(accepted: boolean): void;
}

/**
 * Adding to a stake mid-round pays the completed rounds and restarts the current one, whose time so far then earns
 * nothing: said in figures before the top-up, which waits for the staker to accept it.
 */
export function AddStakeLossWarning({ loss, paidFirst, accepted, onAcceptedChange }: Props) {
  const id = useId();
  return (
    <div role="alert" className="rounded-md border border-amber-700 bg-amber-950/60 p-3 text-sm text-amber-100">
      <p>
        Adding now first pays your completed rounds
        {paidFirst !== undefined && (
          <>
            {' '}
            (<Amount wei={paidFirst} />)
          </>
        )}
        , then restarts your current round: its {formatDuration(Number(loss.lostTime))} so far earn nothing, about{' '}
        <Amount wei={loss.lostReward} /> at today&apos;s pool. Adding after the round completes loses nothing.
      </p>
      <label className="mt-2 flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          checked={accepted}
          onChange={(e) => onAcceptedChange(e.target.checked)}
          className="mt-1"
        />
        <span>I understand and want to add now.</span>
      </label>
    </div>
  );
}
