'use client';

import { useId, useMemo, useState, type FormEvent } from 'react';
import { zeroAddress, type Address } from 'viem';
import { useAccount, useReadContracts } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { contractAddress } from '@/lib/chain/deployments';
import { RequestState, validateContact } from '@/lib/audits/requests';
import {
  AUDITS_PAGE_SIZE,
  isActiveAt,
  confirmNominationAction,
  validateMemberAddress,
  type AuditMember,
  type AuditNomination,
  type AuditRequest,
} from '@/lib/audits/view';
import { newestFirstPage } from '@/lib/governance/view';
import { DataTable } from '@/components/ui/DataTable';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button, Card, NotDeployed, ReadFailed } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useChainNow } from '@/components/ui/chainDisplay';
import { RequestTable } from './AuditsPage';
import { Pager } from '@/components/ui/Pager';
import { PageHeading } from './shared';
import { DateAt, ok } from '@/components/ui/chainDisplay';
import { Field, described, inputClass } from '@/components/ui/FormField';

/** Managers and auditors are small teams: one read of this many covers each list. */
const MEMBERS_READ = 200n;

export function ManagerConsole() {
  const { chain } = useNetwork();
  const registry = contractAddress(chain.id, 'AuditRegistry');
  return (
    <div className="space-y-6">
      <PageHeading title="Manager console">
        Requests waiting for a manager, and the team: auditors are added by two managers (one nominates, another
        confirms) and removed by one. Managers are appointed by the registry’s owner or by governance.
      </PageHeading>
      {registry ? <Console registry={registry} /> : <NotDeployed feature="The audit registry" network={chain.name} />}
    </div>
  );
}

function Console({ registry }: { registry: Address }) {
  const { address } = useAccount();
  const who = address ?? zeroAddress;
  const r = { address: registry, abi: auditRegistryAbi } as const;
  const [page, setPage] = useState(0);
  const { now } = useChainNow();
  const first = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...r, functionName: 'is_manager', args: [who] },
      { ...r, functionName: 'owner' },
      { ...r, functionName: 'request_count' },
      { ...r, functionName: 'get_managers', args: [0n, MEMBERS_READ] },
      { ...r, functionName: 'get_auditors', args: [0n, MEMBERS_READ] },
      { ...r, functionName: 'get_nominations', args: [0n, MEMBERS_READ] },
    ],
  });
  const d = first.data;
  const isManager = address ? ok(d?.[0]) === true : false;
  const owner = ok(d?.[1]);
  const requestCount = ok(d?.[2]);
  const managers = ok(d?.[3]) as readonly AuditMember[] | undefined;
  const auditors = ok(d?.[4]) as readonly AuditMember[] | undefined;
  const nominations = ok(d?.[5]) as readonly AuditNomination[] | undefined;

  const range = requestCount === undefined ? undefined : newestFirstPage(requestCount, page, AUDITS_PAGE_SIZE);
  const second = useReadContracts({
    allowFailure: true,
    contracts: [{ ...r, functionName: 'get_requests', args: [range?.offset ?? 0n, range?.limit ?? 0n] }],
    query: { enabled: range !== undefined },
  });
  const queue = useMemo(() => {
    const rows = ok(second.data?.[0]) as readonly AuditRequest[] | undefined;
    return rows
      ? [...rows]
          .reverse()
          .filter(
            (q) =>
              q.state === RequestState.Pending ||
              q.state === RequestState.Approved ||
              q.state === RequestState.InProgress,
          )
      : undefined;
  }, [second.data]);

  const notManager = !address
    ? 'Connect a manager’s wallet to act.'
    : isManager
      ? undefined
      : owner && owner.toLowerCase() === address.toLowerCase()
        ? 'You are the registry’s owner, not a manager: the owner appoints managers; managers add auditors and triage requests.'
        : 'Your account is not a manager of the registry: only managers add or remove auditors and act on requests.';

  if (first.error && !first.data) {
    return <ReadFailed what="The audit registry" onRetry={() => void first.refetch()} />;
  }

  return (
    <>
      {d && (
        <p className="text-sm text-slate-300" data-testid="manager-role">
          {notManager ?? 'You are a manager of the registry.'}
        </p>
      )}
      <Card title="Needs action">
        <p className="mb-2 text-xs text-slate-400">
          Pending, approved and in-progress requests on the loaded page (newest first). Open one to act on it.
        </p>
        {queue === undefined ? (
          <p role="status" className="text-sm text-slate-300">
            Loading the requests…
          </p>
        ) : queue.length === 0 ? (
          <p className="text-sm text-slate-300">No request on this page needs action.</p>
        ) : (
          <RequestTable requests={queue} caption="Requests needing action" />
        )}
        <Pager page={range?.page ?? 0} pageCount={range?.pageCount ?? 1} onPage={setPage} label="Request pages" />
      </Card>
      <NominateAuditorForm registry={registry} disabledReason={notManager} />
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
              <NominationRow
                key={n.account}
                registry={registry}
                nomination={n}
                account={address}
                isManager={isManager}
              />
            ))}
          </DataTable>
        )}
      </Card>
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
              <AuditorRow key={m.account} registry={registry} member={m} now={now} disabledReason={notManager} />
            ))}
          </DataTable>
        )}
      </Card>
      <Card title="Managers">
        {managers === undefined ? (
          <p className="text-sm text-slate-300">Loading…</p>
        ) : managers.length === 0 ? (
          <p className="text-sm text-slate-300">No manager is appointed yet.</p>
        ) : (
          <DataTable caption="Managers" columns={[{ label: 'Manager' }, { label: 'Contact' }, { label: 'Role' }]}>
            {managers.map((m) => (
              <tr key={m.account}>
                <td className="py-2 pr-4 font-mono text-xs break-all">{m.account}</td>
                <td className="py-2 pr-4 break-all">{m.contact}</td>
                <td className="py-2">{m.active_role ? 'Manager' : 'Dismissed'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}

function AuditorRow({
  registry,
  member: m,
  now,
  disabledReason,
}: {
  registry: Address;
  member: AuditMember;
  now: number;
  disabledReason: string | undefined;
}) {
  const tx = useTransaction();
  const reasonId = `remove-reason-${m.account}`;
  return (
    <tr data-testid="auditor-row">
      <td className="py-2 pr-4 font-mono text-xs break-all">{m.account}</td>
      <td className="py-2 pr-4 break-all">{m.contact}</td>
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
              disabled={disabledReason !== undefined || tx.isBusy}
              aria-describedby={disabledReason ? reasonId : undefined}
              onClick={() =>
                void tx.send(
                  { address: registry, abi: auditRegistryAbi, functionName: 'remove_auditor', args: [m.account] },
                  { successMessage: `Removed auditor ${m.account}` },
                )
              }
            >
              Remove
            </Button>
            {disabledReason && (
              <span id={reasonId} className="sr-only">
                {disabledReason}
              </span>
            )}
          </>
        )}
        <TxStatus state={tx.state} />
      </td>
    </tr>
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
  const confirmReasonId = `confirm-reason-${n.account}`;
  const busy = confirmTx.isBusy || cancelTx.isBusy;
  return (
    <tr data-testid="nomination-row">
      <td className="py-2 pr-4 font-mono text-xs break-all">{n.account}</td>
      <td className="py-2 pr-4 break-all">{n.contact}</td>
      <td className="py-2 pr-4 text-xs">
        <span className="font-mono break-all">{n.nominated_by}</span>
        <br />
        <DateAt at={n.nominated_at} />
      </td>
      <td className="space-y-1 py-2">
        <div className="flex flex-wrap gap-2">
          <Button
            aria-label={`Confirm auditor ${n.account}`}
            disabled={!confirm.enabled || busy}
            aria-describedby={confirm.enabled ? undefined : confirmReasonId}
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
            disabled={!isManager || busy}
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
        {!confirm.enabled && (
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

function NominateAuditorForm({ registry, disabledReason }: { registry: Address; disabledReason: string | undefined }) {
  const [account, setAccount] = useState('');
  const [contact, setContact] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const tx = useTransaction();
  const base = useId();
  const accountError = validateMemberAddress(account);
  const contactError = validateContact(contact);
  const shownAccount = submitted ? accountError : undefined;
  const shownContact = submitted ? contactError : undefined;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (accountError || contactError || disabledReason) return;
    const outcome = await tx.send(
      {
        address: registry,
        abi: auditRegistryAbi,
        functionName: 'nominate_auditor',
        args: [account as Address, contact],
      },
      { successMessage: `Nominated auditor ${account}: another manager must confirm` },
    );
    if (outcome?.status === 'success') {
      setAccount('');
      setContact('');
      setSubmitted(false);
    }
  }
  return (
    <Card title="Nominate an auditor">
      <form onSubmit={submit} noValidate className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={`${base}-account`} label="Auditor address" error={shownAccount}>
            <input
              id={`${base}-account`}
              autoComplete="off"
              spellCheck={false}
              placeholder="0x…"
              value={account}
              onChange={(e) => setAccount(e.target.value)}
              className={`${inputClass} font-mono`}
              {...described(`${base}-account`, shownAccount)}
            />
          </Field>
          <Field
            id={`${base}-contact`}
            label="Contact"
            error={shownContact}
            hint="A public e-mail address or handle, 1 to 100 bytes"
          >
            <input
              id={`${base}-contact`}
              autoComplete="off"
              value={contact}
              onChange={(e) => setContact(e.target.value)}
              className={inputClass}
              {...described(`${base}-contact`, shownContact, true)}
            />
          </Field>
        </div>
        <p className="text-xs text-slate-400" id="nominate-auditor-rule">
          Adding an auditor takes two managers: you nominate, and another manager confirms below, so that no single
          manager can enlist an address of its own and pay it. Nominating a current auditor changes its contact once
          confirmed; a removed auditor added again keeps its karma. A manager cannot be an auditor.
        </p>
        <Button
          type="submit"
          disabled={disabledReason !== undefined || tx.isBusy}
          aria-describedby={disabledReason ? 'add-auditor-reason nominate-auditor-rule' : 'nominate-auditor-rule'}
        >
          Nominate auditor
        </Button>
        {disabledReason && (
          <p id="add-auditor-reason" className="text-xs text-slate-400">
            {disabledReason}
          </p>
        )}
      </form>
      <TxStatus state={tx.state} />
    </Card>
  );
}
