import { formatCloReadable } from '@/lib/format/clo';
import { formatBps } from '@/lib/format/percent';
import { tallyRowText, type ChoiceName, type TallySummary } from '@/lib/governance/tallies';

const colors: Record<ChoiceName, string> = {
  For: 'bg-emerald-500',
  Against: 'bg-rose-500',
  Abstain: 'bg-slate-400',
};

// Basis points become a CSS width only here, at the plot.
const width = (bps: bigint) => `${Number(bps) / 100}%`;

function QuorumMarker({ bps }: { bps: bigint }) {
  return (
    <span
      aria-hidden="true"
      className="absolute -top-1 -bottom-1 w-0.5 bg-amber-300"
      style={{ left: `min(${width(bps)}, calc(100% - 2px))` }}
      title={`Quorum ${formatBps(bps)}`}
    />
  );
}

/** The turnout as a share of all staked CLO, each choice a segment, with the quorum marked. */
function TurnoutBar({ summary }: { summary: TallySummary }) {
  return (
    <div aria-hidden="true" className="relative h-2.5 w-full rounded-full bg-slate-800">
      <div className="flex h-full w-full overflow-hidden rounded-full">
        {summary.rows.map((row) => (
          <span key={row.choice} className={colors[row.choice]} style={{ width: width(row.ofStakeBps) }} />
        ))}
      </div>
      <QuorumMarker bps={summary.quorumBps} />
    </div>
  );
}

function turnoutText(summary: TallySummary, atEvaluation: boolean): string {
  return (
    `Turnout ${formatBps(summary.turnoutBps)} of ${formatCloReadable(summary.totalStaked)} staked` +
    `${atEvaluation ? ' at the end of the vote' : ''}; ` +
    `quorum ${formatBps(summary.quorumBps)} (${formatCloReadable(summary.quorumWeight)}): ` +
    (summary.quorumMet ? 'reached' : 'not reached')
  );
}

/** The tallies, as bars for the eye and the same figures in words beside them for everyone. */
export function TallyBars({
  summary,
  compact = false,
  atEvaluation = false,
}: {
  summary: TallySummary;
  compact?: boolean;
  /** The stake is the one recorded when the proposal was evaluated, not today's. */
  atEvaluation?: boolean;
}) {
  if (compact) {
    return (
      <div className="space-y-1.5">
        <TurnoutBar summary={summary} />
        <p className="text-xs text-slate-300">
          {summary.turnout === 0n ? 'No votes yet' : summary.rows.map(tallyRowText).join(' · ')}
        </p>
        <p className="text-xs text-slate-400">{turnoutText(summary, atEvaluation)}</p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <ul className="space-y-2" aria-label="Votes">
        {summary.rows.map((row) => (
          <li key={row.choice} data-testid={`tally-${row.choice.toLowerCase()}`}>
            <p className="text-sm tabular-nums">{tallyRowText(row)}</p>
            <div aria-hidden="true" className="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-800">
              <div className={`h-full ${colors[row.choice]}`} style={{ width: width(row.ofVotesBps) }} />
            </div>
          </li>
        ))}
      </ul>
      <div>
        <p className="text-sm text-slate-300" data-testid="turnout">
          {turnoutText(summary, atEvaluation)}
        </p>
        <div className="mt-2">
          <TurnoutBar summary={summary} />
        </div>
        <p className="mt-1 text-xs text-slate-400">
          The bar is all staked CLO; the yellow line marks the quorum. Abstentions count toward the quorum only.
        </p>
      </div>
    </div>
  );
}
