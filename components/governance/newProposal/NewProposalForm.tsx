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
import {
  DESCRIPTION_FILE_NAME,
  descriptionFilePath,
  externalDescriptionProblem,
  withDescriptionChecks,
} from '@/lib/governance/descriptionStorage';
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
import { DescriptionUploadStatus } from './DescriptionUploadStatus';
import { useFileStorage } from '@/components/files/hooks/useFileStorage';
import { useExternalDescriptionCheck, useStoredDescription } from './useDescriptionStorage';
import { useStorageQuote } from '@/components/files/hooks/useStorageQuote';
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
  const fileSystemAddress = contractAddress(chain.id, 'CallistoFS') ?? targets.fileSystem;
  const fileSystem = useFileSystemForProposals(fileSystemAddress);
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
  // The description: stored on the file system by this form (its address and hash from the same bytes), or
  // published at a URL the form fetches and checks.
  const onFileSystem = fileSystemAddress !== undefined && form.descriptionStorage === 'file-system';
  const storedQuery = useStoredDescription(form.descriptionText, onFileSystem);
  const stored = onFileSystem && !storedQuery.isPlaceholderData ? storedQuery.data : undefined;
  const storageQuote = useStorageQuote(onFileSystem ? fileSystemAddress : undefined, storedQuery.data?.size);
  const upload = useFileStorage(fileSystemAddress, address);
  const endpoints = fileSystem.hostNodes?.map((node) => node.endpoint) ?? [];
  const result = validateNewProposal(
    onFileSystem ? { ...form, descriptionMode: 'text', descriptionUrl: stored?.url ?? '' } : form,
    {
      deposit: params.submissionDeposit,
      balance: balance.data?.value,
      hasAuditRegistry: targets.hasAuditRegistry,
      hasFileSystem: targets.hasFileSystem,
      currentParameters,
    },
  );
  const urlToCheck = !onFileSystem && !result.errors.descriptionUrl ? form.descriptionUrl.trim() : '';
  const urlCheck = useExternalDescriptionCheck(urlToCheck, result.hash, endpoints, urlToCheck !== '');
  const allErrors = withDescriptionChecks(result.errors, {
    onFileSystem,
    urlProblem: urlToCheck !== '' && urlCheck.data ? externalDescriptionProblem(urlCheck.data) : undefined,
  });
  const errors = useShownErrors(allErrors);
  // Sent only once the description is stored-ready (its CID computed) or its URL fetched and matching.
  const descriptionReady = onFileSystem
    ? stored !== undefined
    : urlToCheck !== '' && urlCheck.data !== undefined && !allErrors.descriptionUrl;
  const bothDeposits =
    onFileSystem && result.call && storageQuote.deposit !== undefined
      ? result.call.value + storageQuote.deposit
      : undefined;
  const depositShortfall =
    bothDeposits !== undefined && balance.data && balance.data.value < bothDeposits
      ? `Your balance does not cover both deposits: ${formatCloReadable(bothDeposits)} in all`
      : undefined;
  const update = (change: Partial<FormState>) => setForm((f) => ({ ...f, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.markSubmitted();
    setCreated(undefined);
    const call = result.call;
    if (!call || !address || !descriptionReady || depositShortfall) return;
    if (onFileSystem) {
      if (!stored) return;
      // The description first: a proposal is never submitted with an address nobody can read.
      const storedOk = await upload.store(
        {
          bytes: stored.bytes,
          cid: stored.cid,
          size: stored.size,
          path: descriptionFilePath(stored.cid),
          fileName: DESCRIPTION_FILE_NAME,
        },
        endpoints,
        tx,
        { noun: 'the description', retry: 'press Submit again to retry' },
      );
      if (storedOk.status !== 'stored') return;
    }
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
      upload.reset();
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
        <DescriptionFields
          value={form}
          onChange={update}
          errors={errors}
          hash={result.hash}
          hasFileSystem={fileSystemAddress !== undefined}
          stored={{
            description: storedQuery.data,
            computing: storedQuery.isFetching,
            deposit: storageQuote.deposit,
          }}
          check={{ result: urlCheck.data, checking: urlCheck.isFetching }}
        />
      </Card>

      <DepositAndVote
        deposit={params.submissionDeposit}
        account={address}
        balance={balance.data?.value}
        clock={clock.data}
        depositError={errors.submitted ? (result.errors.deposit ?? depositShortfall) : undefined}
        nothingSent={
          errors.submitted &&
          (!result.call || !descriptionReady || Boolean(depositShortfall)) &&
          (Object.keys(allErrors).length > 0 || Boolean(depositShortfall))
        }
        busy={tx.isBusy || upload.state.step === 'paying' || upload.state.step === 'sending'}
        txState={tx.state}
      >
        <DescriptionUploadStatus state={upload.state} />
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
