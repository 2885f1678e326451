'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { byKarma, isActiveAt } from '@/lib/audits/members';
import { DataTable } from '@/components/ui/DataTable';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { Card, ReadFailed } from '@/components/ui/primitives';
import { useChainNow } from '@/components/ui/chainDisplay';
import { Pager } from '@/components/ui/Pager';
import { PageHeading } from '@/components/audits/pageParts';
import { DateAt } from '@/components/ui/chainDisplay';
import { AddressText } from '@/components/ui/AddressText';
import { useAuditorCount, useAuditors } from './hooks/useMembers';
import { SafeText } from '@/components/ui/SafeText';

const LEADERBOARD_PAGE = 50;

export function Leaderboard() {
  return (
    <div className="space-y-6">
      <PageHeading title="Auditor leaderboard">
        Auditors by karma earned from revealed reports. An auditor is active for a while after each report revealed on
        time.
      </PageHeading>
      <DeployedGate contracts={['AuditRegistry']} feature="The audit registry">
        {({ AuditRegistry }) => <Board registry={AuditRegistry} />}
      </DeployedGate>
    </div>
  );
}

function Board({ registry }: { registry: Address }) {
  const [page, setPage] = useState(0);
  const { now } = useChainNow();
  // Sorted by karma within the page read: auditors are a small team, so one page holds them all in practice.
  const count = useAuditorCount(registry).data;
  const reads = useAuditors(registry, BigInt(page * LEADERBOARD_PAGE), BigInt(LEADERBOARD_PAGE));
  const auditors = reads.data;
  const pageCount = count === undefined ? 1 : Math.max(1, Math.ceil(Number(count) / LEADERBOARD_PAGE));

  if (reads.error && auditors === undefined) {
    return <ReadFailed what="The audit registry" error={reads.error} onRetry={() => void reads.refetch()} />;
  }

  return (
    <Card title="Auditors">
      {auditors === undefined ? (
        <p role="status" className="text-sm text-slate-300">
          Loading the auditors…
        </p>
      ) : auditors.length === 0 ? (
        <p className="text-sm text-slate-300">No auditor yet.</p>
      ) : (
        <DataTable
          caption="Auditors by karma"
          columns={[
            { label: 'Rank', align: 'right' },
            { label: 'Auditor' },
            { label: 'Contact' },
            { label: 'Karma', align: 'right' },
            { label: 'Reports', align: 'right' },
            { label: 'Status' },
          ]}
          minWidth="44rem"
        >
          {byKarma(auditors).map((m, i) => (
            <tr key={m.account} data-testid="leaderboard-row">
              <td className="py-2 pr-4 text-right tabular-nums">{page * LEADERBOARD_PAGE + i + 1}</td>
              <td className="py-2 pr-4">
                <AddressText address={m.account} />
              </td>
              <td className="py-2 pr-4">
                <SafeText text={m.contact} kind="name" />
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{m.karma.toString()}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{m.reports_revealed.toString()}</td>
              <td className="py-2 text-xs">
                {!m.active_role ? (
                  'Removed'
                ) : isActiveAt(m, now) ? (
                  <>
                    Active until <DateAt at={m.active_until} />
                  </>
                ) : (
                  'Not active'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager page={page} pageCount={pageCount} onPage={setPage} label="Leaderboard pages" />
    </Card>
  );
}
