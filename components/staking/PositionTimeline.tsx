'use client';

import { formatMultiplier } from '@/lib/format/multiplier';
import { formatDateTime } from '@/lib/format/time';
import type { PositionTimeline as Timeline } from '@/lib/staking/position';
import type { PoolView, StakerState } from '@/lib/staking/rewardModel';
import { Countdown } from '@/components/ui/chainDisplay';
import { Card } from '@/components/ui/primitives';
import { Amount } from '@/components/ui/Amount';
import { plural } from '@/lib/format/plural';
import { PositionRewardChart } from './PositionRewardChart';

interface Props {
  staker: StakerState;
  reward: bigint;
  heldUntil: bigint;
  timeline: Timeline;
  /** Chain time now, ticking. */
  now: number;
  /** The pool the position was read with (same block), for the reward by round. */
  view: PoolView & { totalAmount: bigint };
}

/** My position as a list of dated steps: what is true now and what becomes possible when. */
export function PositionTimeline({ staker, reward, heldUntil, timeline, now, view }: Props) {
  const steps: { label: string; at?: bigint; done: boolean; detail?: string }[] = [
    {
      label: 'Current round completes',
      at: timeline.nextRoundAt,
      done: timeline.nextRoundAt === undefined,
      detail: timeline.nextRoundAt === undefined ? 'No further round in this term' : undefined,
    },
    { label: 'Term ends: the stake becomes withdrawable', at: timeline.termEndsAt, done: timeline.termEnded },
    {
      label: 'Removable by any staker if left untouched',
      at: timeline.removableAt,
      done: timeline.removable,
      detail: 'After this date, anyone staking may return your stake to you without its reward.',
    },
  ];
  return (
    <Card title="My position">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-400">Staked</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid="my-stake">
            <Amount wei={staker.amount} />
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-400">Reward multiplier</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">{formatMultiplier(staker.multiplier)}</dd>
          <dd className="text-xs text-slate-400">{plural(timeline.roundsLeft, 'round')} left in the term</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-400">Claimable now</dt>
          <dd className="mt-1 text-lg font-semibold text-teal-300">
            <Amount wei={reward} testId="claimable-reward" />
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-400">Governance hold</dt>
          <dd className="mt-1 text-sm">
            {heldUntil > BigInt(now) ? `Held by a vote until ${formatDateTime(heldUntil)}` : 'None'}
          </dd>
        </div>
      </dl>
      <ol className="mt-5 space-y-3 border-l border-slate-700 pl-4" aria-label="Dates of my stake">
        {steps.map((step) => (
          <li key={step.label} className="relative">
            <span
              aria-hidden="true"
              className={`absolute -left-[1.3rem] top-1.5 h-2.5 w-2.5 rounded-full ${step.done ? 'bg-teal-400' : 'bg-slate-600'}`}
            />
            <p className="text-sm font-medium">
              {step.label}
              {step.done && <span className="sr-only"> (reached)</span>}
            </p>
            {step.at !== undefined && (
              <p className="text-sm text-slate-300">
                {formatDateTime(step.at)} {!step.done && <Countdown at={step.at} now={now} />}
              </p>
            )}
            {step.detail && <p className="text-xs text-slate-400">{step.detail}</p>}
          </li>
        ))}
      </ol>
      <div className="mt-5 border-t border-slate-800 pt-4">
        <PositionRewardChart staker={staker} view={view} />
      </div>
    </Card>
  );
}
