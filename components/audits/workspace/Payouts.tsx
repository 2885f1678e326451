'use client';

import type { Address } from 'viem';
import { recentEndedPeriods } from '@/lib/audits/members';
import { formatDuration } from '@/lib/format/time';
import { Amount } from '@/components/ui/Amount';
import { DateAt } from '@/components/ui/chainDisplay';
import { DataTable } from '@/components/ui/DataTable';
import { Card } from '@/components/ui/primitives';
import { useAuditorPayouts } from '../hooks/useAuditorPayouts';
import { useCurrentBudget } from '../hooks/useCurrentBudget';
import { useMyClaims } from '../hooks/useMyClaims';
import { usePayoutClock } from '../hooks/usePayoutClock';
import { PeriodRow } from './PeriodRow';

/** How many ended payout periods the workspace asks `claimable` about. */
const PERIODS_SHOWN = 4;

/** The payout periods: the current one's budget and end, and a claim (or roll-over) row per recent ended period. */
export function Payouts({ registry, account }: { registry: Address; account: Address | undefined }) {
  const clock = usePayoutClock(registry);
  const current = useCurrentBudget(registry, clock.currentPeriod);
  const periods = clock.currentPeriod === undefined ? [] : recentEndedPeriods(clock.currentPeriod, PERIODS_SHOWN);
  const rows = useAuditorPayouts(registry, periods, account);
  const claims = useMyClaims(registry, account);
  return (
    <Card title="Payouts">
      <p className="mb-3 text-sm text-slate-300">
        Each payout period
        {clock.payoutPeriod !== undefined ? ` (${formatDuration(Number(clock.payoutPeriod))})` : ''} has a budget; after
        it ends, each auditor claims budget × own karma ÷ all karma earned in it, once. The budget of a period in which
        nobody earned karma is not lost: anyone rolls it over to the current period.
        {clock.currentPeriod !== undefined && clock.endsAt !== undefined && (
          <>
            {' '}
            Now period {clock.currentPeriod.toString()}, ending <DateAt at={clock.endsAt} />.
          </>
        )}
      </p>
      {current.budget !== undefined && (
        <p className="mb-3 text-sm text-slate-300" data-testid="current-budget">
          This period’s budget: <Amount wei={current.budget} />
          {current.rolledOver ? (
            <>
              , of which <Amount wei={current.rolledOver} /> rolled over from earlier periods
            </>
          ) : (
            ''
          )}
          .
        </p>
      )}
      {periods.length === 0 ? (
        <p className="text-sm text-slate-300">No payout period has ended yet.</p>
      ) : (
        <DataTable
          caption="Claimable payouts by ended period"
          columns={[
            { label: 'Period' },
            { label: 'Budget', align: 'right' },
            { label: 'Your karma', align: 'right' },
            { label: 'Claimable', align: 'right' },
            { label: 'Claim', hiddenLabel: true },
          ]}
          minWidth="36rem"
        >
          {rows.map((row) => (
            <PeriodRow
              key={row.period.toString()}
              registry={registry}
              payout={row}
              account={account}
              currentPeriod={clock.currentPeriod}
              claimRecord={claims?.get(row.period)}
            />
          ))}
        </DataTable>
      )}
    </Card>
  );
}
