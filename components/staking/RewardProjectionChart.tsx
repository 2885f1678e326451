import { formatCloReadable } from '@/lib/format/clo';
import { CLO_AXIS, LineChart } from '@/components/ui/LineChart';

export interface RewardProjectionPoint {
  round: number;
  cumulativeReward: bigint;
}

/** Expected cumulative reward per round as a step line: a reward arrives when a round completes. */
export function RewardProjectionChart({ points, termLabel }: { points: RewardProjectionPoint[]; termLabel: string }) {
  const sorted = [...points].sort((a, b) => a.round - b.round);
  const last = sorted[sorted.length - 1];
  return (
    <LineChart
      caption={`Estimate: cumulative reward, ${termLabel}`}
      summary={
        last
          ? `Estimate of the cumulative reward for ${termLabel}: ${formatCloReadable(last.cumulativeReward)} after round ${last.round}, growing in a step at the end of each round.`
          : 'No estimate to show yet.'
      }
      points={sorted.map((p) => ({ x: p.round, y: p.cumulativeReward }))}
      shape="steps"
      xAxis={{ label: 'Round', integer: true }}
      yAxis={CLO_AXIS}
      table={{
        caption: `Estimated cumulative reward by round, ${termLabel}`,
        columns: ['Round', 'Cumulative reward'],
        rows: sorted.map((p) => ({ key: String(p.round), cells: [p.round, formatCloReadable(p.cumulativeReward)] })),
      }}
      emptyMessage="No estimate to show yet."
    />
  );
}
