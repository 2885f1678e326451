'use client';
// The new-proposal form: the kind, the fields of that kind, the description and the deposit. It holds the form's
// state and sends the call the validation built; each kind's fields, the description and the deposit are their own
// components, and every chain read comes from a hook.
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { parseEventLogs, type Address } from 'viem';
import { useAccount, useBalance } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { contractAddress } from '@/lib/chain/deployments';
import { formatCloReadable } from '@/lib/format/clo';
import {
  describeSubmitCall,
  EMPTY_KIND_FIELDS,
  EMPTY_NEW_PROPOSAL,
  validateNewProposal,
  type NewProposalForm as FormState,
} from '@/lib/governance/newProposal';
import { byteLength, MAX_TITLE_BYTES, ProposalParam } from '@/lib/governance/proposal';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card } from '@/components/ui/primitives';
import { useTransaction } from '@/components/ui/useTransaction';
import { useFileSystemForProposals } from '../hooks/useFileSystemForProposals';
import { useGovernanceClock } from '../hooks/useGovernanceClock';
import { useGovernanceParams } from '../hooks/useGovernanceParams';
import { useGovernanceTargets } from '../hooks/useGovernanceTargets';
import { useProposalCount } from '../hooks/useProposalCount';
import { DepositAndVote } from './DepositAndVote';
import { DescriptionFields } from './DescriptionFields';
import { KindChoice } from './KindChoice';
import { KindFieldsFor } from './KindFields';
import type { ParameterValues } from './ParameterFields';
import { TextField } from './TextField';
import { useShownErrors } from './useShownErrors';

export function NewProposalForm({ governance }: { governance: Address }) {
  const { address } = useAccount();
  const { chain } = useNetwork();
  // Issued in one render, so the form's first reads travel as one JSON-RPC batch.
  const clock = useGovernanceClock(governance);
  const params = useGovernanceParams(governance);
  const count = useProposalCount(governance);
  const targets = useGovernanceTargets(governance);
  // The deployment file's file system is read at once; where the file names none, the one governance acts on.
  const fileSystem = useFileSystemForProposals(contractAddress(chain.id, 'CallistoFS') ?? targets.fileSystem);
  const balance = useBalance({ address, query: { enabled: Boolean(address) } });

  const [form, setForm] = useState<FormState>(EMPTY_NEW_PROPOSAL);
  const [created, setCreated] = useState<bigint | undefined>(undefined);
  const tx = useTransaction();
  const formId = useId();

  const now: ParameterValues = {
    quorumBps: params.quorumBps,
    deposit: params.submissionDeposit,
    unitPrice: fileSystem.unitPrice,
    floorPrice: fileSystem.floorPrice,
  };
  // A parameter change moves one step from today's value.
  const currentParameters: Partial<Record<number, bigint>> = {
    [ProposalParam.Quorum]: now.quorumBps,
    [ProposalParam.SubmissionDeposit]: now.deposit,
    [ProposalParam.StorageUnitPrice]: now.unitPrice,
    [ProposalParam.StorageFloorPrice]: now.floorPrice,
  };
  const result = validateNewProposal(form, {
    deposit: params.submissionDeposit,
    balance: balance.data?.value,
    hasAuditRegistry: targets.hasAuditRegistry,
    hasFileSystem: targets.hasFileSystem,
    currentParameters,
  });
  const errors = useShownErrors(result.errors);
  const update = (change: Partial<FormState>) => setForm((f) => ({ ...f, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.markSubmitted();
    setCreated(undefined);
    const call = result.call;
    if (!call || !address) return;
    const countBefore = count.data;
    const outcome = await tx.send(
      { address: governance, abi: treasuryGovernanceAbi, ...call },
      { successMessage: `Submitted “${form.title}” with a ${formatCloReadable(call.value)} deposit` },
    );
    if (outcome?.status === 'success') {
      const [submitted] = parseEventLogs({
        abi: treasuryGovernanceAbi,
        eventName: 'ProposalSubmitted',
        logs: outcome.receipt.logs,
      });
      setCreated(submitted?.args.id ?? countBefore);
      setForm(EMPTY_NEW_PROPOSAL);
      errors.reset();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card title="What it asks">
        <KindChoice
          kind={form.asks.kind}
          onChange={(kind) => update({ asks: EMPTY_KIND_FIELDS[kind] })}
          hasAuditRegistry={targets.hasAuditRegistry}
          hasFileSystem={targets.hasFileSystem}
        />
        <div className="mt-4 space-y-4">
          <TextField
            id={`${formId}-title`}
            field="title"
            label="Title"
            value={form.title}
            onChange={(title) => update({ title })}
            errors={errors}
            hint={`${byteLength(form.title)} of ${MAX_TITLE_BYTES} bytes (UTF-8); shown as plain text`}
          />
          <KindFieldsFor
            asks={form.asks}
            onChange={(asks) => update({ asks })}
            errors={errors}
            call={result.call}
            staking={contractAddress(chain.id, 'ColdStaking')}
            now={now}
            currentParameters={currentParameters}
            hasFileSystem={targets.hasFileSystem}
            elected={{ hostNodes: fileSystem.hostNodes, pending: fileSystem.hostNodesPending }}
          />
          {result.call && (
            <div className="text-sm" data-testid="proposal-preview">
              <p className="text-slate-400">What the proposal asks, if accepted</p>
              <p className="break-all text-slate-100">{describeSubmitCall(result.call)}</p>
            </div>
          )}
        </div>
      </Card>

      <Card title="Description">
        <DescriptionFields value={form} onChange={update} errors={errors} hash={result.hash} />
      </Card>

      <DepositAndVote
        deposit={params.submissionDeposit}
        account={address}
        balance={balance.data?.value}
        clock={clock.data}
        depositError={errors.submitted ? result.errors.deposit : undefined}
        nothingSent={errors.submitted && !result.call && Object.keys(result.errors).length > 0}
        busy={tx.isBusy}
        txState={tx.state}
      >
        {created !== undefined && (
          <p className="mt-3 text-sm">
            <Link
              href={`/governance/proposal/?id=${created.toString()}`}
              className="text-teal-300 underline underline-offset-2"
            >
              View proposal #{created.toString()}
            </Link>
          </p>
        )}
      </DepositAndVote>
    </form>
  );
}
