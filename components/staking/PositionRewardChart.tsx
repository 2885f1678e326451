'use client';

import { useMemo } from 'react';
import { formatCloReadable } from '@/lib/format/clo';
import { plural } from '@/lib/format/plural';
import { projectPosition } from '@/lib/staking/positionProjection';
import type { PoolView, StakerState } from '@/lib/staking/rewardModel';
import { Amount } from '@/components/ui/Amount';
import { CLO_AXIS, LineChart } from '@/components/ui/LineChart';

/**
 * My stake's reward round by round, on the position card: the rounds completed since the last claim (claimable now,
 * exact) and the rounds left in the term (estimated as the stake form estimates a new stake), as a cumulative step
 * line with now marked, the figures under it in words and as a table for screen readers.
 */
export function PositionRewardChart({
  staker,
  view,
}: {
  staker: StakerState;
  /** The pool as a call in the position's block sees it (the same block as `staker`). */
  view: PoolView & { totalAmount: bigint };
}) {
  const projection = useMemo(() => projectPosition(staker, view), [staker, view]);
  if (!projection) return <p className="text-sm text-slate-400">You have no stake, so there is no reward to show.</p>;
  const { completedRounds, roundsLeft, claimable, perRound, expectedTotal, termRounds } = projection;
  const current = projection.points[completedRounds];

  const summary =
    roundsLeft > 0
      ? `Reward of your stake by round, counted from your last claim or stake: ${formatCloReadable(claimable)} claimable now for ${plural(completedRounds, 'completed round')}, then an estimated ${formatCloReadable(perRound)} at the end of each of the ${plural(roundsLeft, 'round')} left, ${formatCloReadable(expectedTotal)} by the end of the term.`
      : `Reward of your stake by round: the term has ended; ${formatCloReadable(claimable)} is claimable for its ${plural(completedRounds, 'completed round')} and no further round earns.`;

  return (
    <div data-testid="position-reward-chart">
      <LineChart
        caption={`Reward by round: ${plural(completedRounds, 'round')} completed, ${plural(roundsLeft, 'round')} left`}
        summary={summary}
        points={projection.points.map((p) => ({ x: p.round, y: p.cumulativeReward }))}
        shape="steps"
        xAxis={{ label: 'Round since your last claim or stake', domain: [0, Math.max(termRounds, 1)], integer: true }}
        yAxis={CLO_AXIS}
        markers={[
          // Upper left of the point is free: the cumulative reward never stands higher before now.
          { x: projection.nowRound, label: 'now', tone: 'current', y: current?.cumulativeReward, labelSide: 'left' },
        ]}
        table={{
          caption: 'Cumulative reward of your stake by round since your last claim or stake',
          columns: ['Round', 'Cumulative reward'],
          rows: projection.points.slice(1).map((p) => ({
            key: String(p.round),
            cells: [
              `${p.round} (${p.completed ? 'completed, claimable now' : 'estimate'})`,
              formatCloReadable(p.cumulativeReward),
            ],
          })),
        }}
        emptyMessage="Your term has no whole round to show."
      />
      <p className="mt-2 text-xs text-slate-400" data-testid="position-reward-figures">
        Claimable now: <Amount wei={claimable} /> for {plural(completedRounds, 'completed round')}.{' '}
        {roundsLeft > 0 ? (
          <>
            Each of the {plural(roundsLeft, 'round')} left: about <Amount wei={perRound} />, so about{' '}
            <Amount wei={expectedTotal} /> by the end of the term. An estimate, not a promise: it assumes today&apos;s
            pool and stakes and a claim at the end of every round, as the stake form&apos;s estimate does. Block rewards
            raise it; more stake lowers it.
          </>
        ) : (
          'The term has ended: no further round earns a reward.'
        )}
      </p>
    </div>
  );
}
