'use client';

import { formatCloReadable } from '@/lib/format/clo';
import { plural } from '@/lib/format/plural';
import type { EpochCommitment, TreasuryPicture } from '@/lib/governance/treasuryPicture';
import { Amount } from '@/components/ui/Amount';
import { CLO_AXIS, LineChart } from '@/components/ui/LineChart';

const tenseLabel: Record<EpochCommitment['tense'], string> = { past: 'past', current: 'now', coming: 'coming' };

/**
 * The treasury picture on the governance page: the CLO committed to each epoch of the window (past, current,
 * coming) against the balance now, with the current epoch marked. Past balances are not drawn (see the note): the
 * contract records commitments per epoch but not its balance, and an old balance needs an archive node.
 */
export function TreasuryChart({
  picture,
  balance,
  available,
  failed = false,
}: {
  picture: TreasuryPicture | undefined;
  /** The commitments' read failed (shown instead of a loading placeholder that never ends). */
  failed?: boolean;
  balance: bigint | undefined;
  /** What is free for payments now (the balance less deposits and refunds owed). */
  available: bigint | undefined;
}) {
  if ((!picture || balance === undefined) && failed) {
    return (
      <p role="alert" className="text-sm text-rose-200">
        The payouts committed per epoch cannot be read: the network does not answer.
      </p>
    );
  }
  if (!picture || balance === undefined) {
    // Labelled "loading" as the page's other placeholders are, so the paint probe (scripts/bench/routes.ts) waits
    // for the chart too.
    return (
      <div
        role="status"
        aria-label="loading"
        aria-busy="true"
        className="h-48 w-full max-w-2xl animate-pulse rounded-lg bg-slate-800/60"
      />
    );
  }
  const { epochs, comingTotal } = picture;
  const first = epochs[0]!;
  const last = epochs[epochs.length - 1]!;
  const current = epochs.find((e) => e.tense === 'current')!;
  const comingCount = epochs.filter((e) => e.tense === 'coming').length;
  const pastCount = epochs.filter((e) => e.tense === 'past').length;
  const range = `epochs ${first.epoch.toString()} to ${last.epoch.toString()}`;
  const short = available !== undefined && comingTotal > available ? comingTotal - available : undefined;

  const summary =
    `Payouts committed per epoch, ${range}: ${formatCloReadable(current.committed)} in the current epoch ` +
    `${current.epoch.toString()}, ${formatCloReadable(comingTotal)} over the next ${plural(comingCount, 'epoch')}` +
    (picture.largestComing
      ? ` (the most, ${formatCloReadable(picture.largestComing.committed)}, in epoch ${picture.largestComing.epoch.toString()})`
      : '') +
    `, against a balance of ${formatCloReadable(balance)} now.`;

  return (
    <div data-testid="treasury-chart">
      <LineChart
        caption={`Payouts committed per epoch, ${range}, against the balance now`}
        summary={summary}
        points={epochs.map((e) => ({ x: Number(e.epoch), y: e.committed }))}
        xAxis={{
          label: 'Epoch',
          domain: [Number(first.epoch), Number(last.epoch)],
          integer: true,
          format: (v) => v.toFixed(0),
        }}
        yAxis={CLO_AXIS}
        references={[{ y: balance, label: `balance now ${formatCloReadable(balance)}` }]}
        markers={[{ x: Number(current.epoch), label: 'now', tone: 'current', y: current.committed }]}
        table={{
          caption: `Payouts committed per epoch, ${range}; the balance now is ${formatCloReadable(balance)}`,
          columns: ['Epoch', 'Committed'],
          rows: epochs.map((e) => ({
            key: e.epoch.toString(),
            cells: [`${e.epoch.toString()} (${tenseLabel[e.tense]})`, formatCloReadable(e.committed)],
          })),
        }}
        emptyMessage="No epoch to show yet."
        testId="treasury-commitments-chart"
      />
      <p className="mt-2 max-w-2xl text-xs text-slate-400" data-testid="treasury-chart-note">
        Each point is what accepted proposals and elected host nodes committed to that epoch, as the contract records it
        ({plural(pastCount, 'past epoch')}, the current one and {plural(comingCount, 'coming epoch')}): paying an epoch
        does not lower its figure; dismissing a host node releases its cancelled salary epochs. The dashed line is the
        balance now. Past balances are not shown: the contract does not record them, and reading an old balance needs an
        archive node. Committed over the next {plural(comingCount, 'epoch')}: <Amount wei={comingTotal} />
        {available !== undefined && (
          <>
            , against <Amount wei={available} /> available for payments now
            {short !== undefined ? (
              <>
                {' '}
                (<Amount wei={short} /> short unless block rewards or donations arrive first).
              </>
            ) : (
              '.'
            )}
          </>
        )}
        {available === undefined && '.'}
      </p>
    </div>
  );
}
