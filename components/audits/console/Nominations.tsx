'use client';

import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { cancelNominationAction, confirmNominationAction } from '@/lib/audits/actions';
import type { AuditNomination } from '@/lib/audits/types';
import { AddressText } from '@/components/ui/AddressText';
import { DateAt } from '@/components/ui/chainDisplay';
import { DataTable } from '@/components/ui/DataTable';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useNominations } from '../hooks/useMembers';
import { SafeText } from '@/components/ui/SafeText';

/** Auditors nominated by one manager, each waiting for another manager to confirm (or any manager to cancel). */
export function Nominations({
  registry,
  account,
  isManager,
}: {
  registry: Address;
  account: Address | undefined;
  isManager: boolean;
}) {
  const nominations = useNominations(registry).data;
  return (
    <Card title="Nominations waiting for a second manager">
      {nominations === undefined ? (
        <p className="text-sm text-slate-300">Loading…</p>
      ) : nominations.length === 0 ? (
        <p className="text-sm text-slate-300">No nomination is waiting.</p>
      ) : (
        <DataTable
          caption="Nominations waiting for a second manager"
          columns={[
            { label: 'Nominee' },
            { label: 'Contact' },
            { label: 'Nominated by' },
            { label: 'Confirm or cancel', hiddenLabel: true },
          ]}
          minWidth="48rem"
        >
          {nominations.map((n) => (
            <NominationRow key={n.account} registry={registry} nomination={n} account={account} isManager={isManager} />
          ))}
        </DataTable>
      )}
    </Card>
  );
}

function NominationRow({
  registry,
  nomination: n,
  account,
  isManager,
}: {
  registry: Address;
  nomination: AuditNomination;
  account: Address | undefined;
  isManager: boolean;
}) {
  const confirmTx = useTransaction();
  const cancelTx = useTransaction();
  const confirm = confirmNominationAction(n, account, isManager);
  const cancel = cancelNominationAction(account, isManager);
  const confirmReasonId = `confirm-reason-${n.account}`;
  const busy = confirmTx.isBusy || cancelTx.isBusy;
  return (
    <tr data-testid="nomination-row">
      <td className="py-2 pr-4">
        <AddressText address={n.account} />
      </td>
      <td className="py-2 pr-4">
        <SafeText text={n.contact} kind="name" />
      </td>
      <td className="py-2 pr-4 text-xs">
        <AddressText address={n.nominated_by} />
        <br />
        <DateAt at={n.nominated_at} />
      </td>
      <td className="space-y-1 py-2">
        <div className="flex flex-wrap gap-2">
          <Button
            aria-label={`Confirm auditor ${n.account}`}
            disabled={!confirm.allowed || busy}
            aria-describedby={confirm.allowed ? undefined : confirmReasonId}
            onClick={() =>
              void confirmTx.send(
                { address: registry, abi: auditRegistryAbi, functionName: 'confirm_auditor', args: [n.account] },
                { successMessage: `Added auditor ${n.account}` },
              )
            }
          >
            Confirm
          </Button>
          <Button
            variant="secondary"
            aria-label={`Cancel the nomination of ${n.account}`}
            disabled={!cancel.allowed || busy}
            onClick={() =>
              void cancelTx.send(
                { address: registry, abi: auditRegistryAbi, functionName: 'cancel_nomination', args: [n.account] },
                { successMessage: `Cancelled the nomination of ${n.account}` },
              )
            }
          >
            Cancel
          </Button>
        </div>
        {!confirm.allowed && (
          <p id={confirmReasonId} className="text-xs text-slate-400" data-testid="confirm-reason">
            {confirm.reason}.
          </p>
        )}
        <TxStatus state={confirmTx.state} />
        <TxStatus state={cancelTx.state} />
      </td>
    </tr>
  );
}
