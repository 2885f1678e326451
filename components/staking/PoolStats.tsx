import { formatDuration } from '@/lib/format/time';
import { Card, Stat } from '@/components/ui/primitives';
import type { StakingPool } from './hooks/useStakingPool';
import { Amount } from '@/components/ui/Amount';

export function PoolStats({ pool: data }: { pool: StakingPool | undefined }) {
  return (
    <Card title="Staking pool">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Total staked" value={data && <Amount wei={data.totalStaked} />} />
        <Stat label="Reward pool" value={data && <Amount wei={data.rewardPool} testId="reward-pool" />} />
        <Stat
          label="Stakers"
          value={data && (data.stakerCount === undefined ? '—' : data.stakerCount.toLocaleString('en'))}
        />
        <Stat label="Round length" value={data && formatDuration(Number(data.roundInterval))} />
      </dl>
    </Card>
  );
}
