'use client';

import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { isActiveAt } from '@/lib/audits/members';
import type { AuditMember } from '@/lib/audits/types';
import { AddressText } from '@/components/ui/AddressText';
import { DateAt, useChainNow } from '@/components/ui/chainDisplay';
import { DataTable } from '@/components/ui/DataTable';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useAuditors } from '../hooks/useMembers';
import { SafeText } from '@/components/ui/SafeText';

/** The auditors with their standing, each removable by a manager. */
export function AuditorsTable({ registry, refusal }: { registry: Address; refusal: string | undefined }) {
  const auditors = useAuditors(registry).data;
  const { now } = useChainNow();
  return (
    <Card title="Auditors">
      {auditors === undefined ? (
        <p className="text-sm text-slate-300">Loading…</p>
      ) : auditors.length === 0 ? (
        <p className="text-sm text-slate-300">No auditor yet.</p>
      ) : (
        <DataTable
          caption="Auditors"
          columns={[
            { label: 'Auditor' },
            { label: 'Contact' },
            { label: 'Role' },
            { label: 'Karma', align: 'right' },
            { label: 'Active until' },
            { label: 'Remove', hiddenLabel: true },
          ]}
          minWidth="48rem"
        >
          {auditors.map((m) => (
            <AuditorRow key={m.account} registry={registry} member={m} now={now} refusal={refusal} />
          ))}
        </DataTable>
      )}
    </Card>
  );
}

function AuditorRow({
  registry,
  member: m,
  now,
  refusal,
}: {
  registry: Address;
  member: AuditMember;
  now: number;
  refusal: string | undefined;
}) {
  const tx = useTransaction();
  const reasonId = `remove-reason-${m.account}`;
  return (
    <tr data-testid="auditor-row">
      <td className="py-2 pr-4">
        <AddressText address={m.account} />
      </td>
      <td className="py-2 pr-4">
        <SafeText text={m.contact} kind="name" />
      </td>
      <td className="py-2 pr-4">
        {m.active_role ? (isActiveAt(m, now) ? 'Auditor, active' : 'Auditor, not active') : 'Removed'}
      </td>
      <td className="py-2 pr-4 text-right tabular-nums">{m.karma.toString()}</td>
      <td className="py-2 pr-4 text-xs">{m.active_until > 0n ? <DateAt at={m.active_until} /> : 'Never'}</td>
      <td className="py-2">
        {m.active_role && (
          <>
            <Button
              variant="secondary"
              aria-label={`Remove auditor ${m.account}`}
              disabled={refusal !== undefined || tx.isBusy}
              aria-describedby={refusal ? reasonId : undefined}
              onClick={() =>
                void tx.send(
                  { address: registry, abi: auditRegistryAbi, functionName: 'remove_auditor', args: [m.account] },
                  { successMessage: `Removed auditor ${m.account}` },
                )
              }
            >
              Remove
            </Button>
            {refusal && (
              <span id={reasonId} className="sr-only">
                {refusal}
              </span>
            )}
          </>
        )}
        <TxStatus state={tx.state} />
      </td>
    </tr>
  );
}
