'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { latestVotes, votersToCsv } from '@/lib/governance/voters';
import { downloadCsv } from '@/components/ui/downloadCsv';
import { DataTable } from '@/components/ui/DataTable';
import { AddressText } from '@/components/ui/AddressText';
import { Button, Card } from '@/components/ui/primitives';
import { HistoryProgress } from '@/components/history/HistoryProgress';
import { useGovernanceEvents } from './hooks/useGovernanceEvents';
import { Amount } from '@/components/ui/Amount';

/** Who voted and with what weight, from the VoteCast events: a changed vote counts once, as its latest choice.
 * The rows appear as the history is read; the list is final once the scan is complete. */
export function VotersList({ governance, id }: { governance: Address; id: bigint }) {
  const events = useGovernanceEvents(governance);
  const rows = useMemo(
    () =>
      latestVotes(
        events.logs.filter((log) => log.eventName === 'VoteCast'),
        id,
      ),
    [events.logs, id],
  );
  const done = events.status === 'complete';
  return (
    <Card title="Voters">
      <HistoryProgress {...events} what="The voters" />
      {rows.length === 0 ? (
        done ? (
          <p className="text-sm text-slate-300">No votes yet.</p>
        ) : events.status === 'idle' ? (
          <p role="status" className="text-sm text-slate-300">
            Loading the voters…
          </p>
        ) : null
      ) : (
        <>
          <DataTable
            caption={`Voters on proposal ${id.toString()}, heaviest first; a changed vote shows its latest choice.`}
            columns={[{ label: 'Voter' }, { label: 'Choice' }, { label: 'Weight', align: 'right' }]}
            minWidth="0"
          >
            {rows.map((row) => (
              <tr key={row.voter} data-testid="voter-row">
                <td className="py-2 pr-4">
                  <AddressText address={row.voter} />
                </td>
                <td className="py-2 pr-4">{row.choice}</td>
                <td className="py-2 text-right whitespace-nowrap">
                  <Amount wei={row.weight} />
                </td>
              </tr>
            ))}
          </DataTable>
          <Button
            variant="secondary"
            className="mt-4"
            onClick={() => downloadCsv(`callisto-proposal-${id.toString()}-voters.csv`, votersToCsv(rows))}
            disabled={!done}
            title={done ? undefined : 'Available once every vote is read'}
          >
            Export voters CSV
          </Button>
        </>
      )}
    </Card>
  );
}
