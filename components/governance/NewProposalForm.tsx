'use client';

import Link from 'next/link';
import { useId, useState, type FocusEvent, type FormEvent } from 'react';
import { parseEventLogs, zeroAddress, type Address } from 'viem';
import { useAccount, useBalance, useReadContract, useReadContracts } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { contractAddress } from '@/lib/chain/deployments';
import { formatClo, formatCloWithUnit } from '@/lib/format/clo';
import {
  byteLength,
  MAX_CONTACT_BYTES,
  MAX_ENDPOINT_BYTES,
  MAX_EPOCHS,
  MAX_TITLE_BYTES,
  ProposalKind,
  ProposalParam,
  votingWindow,
} from '@/lib/governance/proposal';
import { payeeNote } from '@/lib/governance/actions';
import {
  describeHostNodeChange,
  electedHostNode,
  endpointDisplay,
  hostNodeNotice,
  MB_NOTE,
  type HostNodeInfo,
} from '@/lib/governance/hostNodes';
import {
  validateNewProposal,
  type NewProposalCall,
  type NewProposalField,
  type NewProposalInput,
} from '@/lib/governance/newProposal';
import {
  describeParameterChange,
  isParameterChoice,
  PARAMETER_CHOICES,
  parameterRule,
} from '@/lib/governance/parameters';
import { formatBps } from '@/lib/governance/tallies';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button, Card, NotDeployed } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { described, Field, inputClass } from '@/components/ui/FormField';
import { LazyMarkdown } from './LazyMarkdown';
import { EndpointText, proposalHref } from './shared';
import { DateAt, ok } from '@/components/ui/chainDisplay';

const EPOCH_OPTIONS = Array.from({ length: MAX_EPOCHS }, (_, i) => i + 1);

export function NewProposalPage() {
  const { chain } = useNetwork();
  const governance = contractAddress(chain.id, 'TreasuryGovernance');
  return (
    <div className="space-y-6">
      <div>
        <Link href="/governance/" className="text-sm text-teal-300 underline underline-offset-2">
          ← All proposals
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">New proposal</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-400">
          Ask the treasury for funding, propose a change to the quorum, the deposit or the storage prices, appoint or
          dismiss an audit manager, or elect or remove an IPFS host node of the Callisto File System. The full
          description lives at an https: or ipfs: address; the contract stores its Keccak-256 hash so that voters can
          tell if it changes.
        </p>
      </div>
      {governance ? (
        <NewProposalForm governance={governance} />
      ) : (
        <NotDeployed feature="Treasury governance" network={chain.name} />
      )}
    </div>
  );
}

type FormState = Omit<NewProposalInput, 'deposit' | 'balance' | 'hasAuditRegistry' | 'hasFileSystem'>;

const EMPTY: FormState = {
  kind: 'funding',
  title: '',
  descriptionUrl: '',
  descriptionMode: 'text',
  descriptionText: '',
  descriptionHash: '',
  payee: '',
  amountPerEpoch: '',
  epochs: '1',
  param: 'quorum',
  paramValue: '',
  managerAction: 'appoint',
  manager: '',
  managerContact: '',
  node: '',
  endpoint: '',
  capacityMb: '',
  salaryPerEpoch: '',
  salaryEpochs: '1',
};

/** What the contract will record, in words, once every field is valid: the preview before signing. */
function describeCall(call: NewProposalCall): string {
  switch (call.functionName) {
    case 'submit_funding': {
      const [, , , payee, amount, epochs] = call.args;
      return `Pay ${formatCloWithUnit(amount)} × ${epochs} epoch${epochs === 1 ? '' : 's'} to ${payee}`;
    }
    case 'submit_parameter_change':
      return describeParameterChange({ param: call.args[3], param_value: call.args[4] });
    case 'submit_audit_manager_change': {
      const [, , , manager, contact, appoint] = call.args;
      return appoint ? `Appoint ${manager} as audit manager (contact: ${contact})` : `Dismiss audit manager ${manager}`;
    }
    case 'submit_host_node_election': {
      const [, , , node, , capacity, salary, epochs] = call.args;
      return describeHostNodeChange({
        kind: ProposalKind.ElectHostNode,
        subject: node,
        param_value: capacity,
        amount_per_epoch: salary,
        epochs,
      });
    }
    case 'submit_host_node_removal':
      return describeHostNodeChange({
        kind: ProposalKind.RemoveHostNode,
        subject: call.args[3],
        param_value: 0n,
        amount_per_epoch: 0n,
        epochs: 0,
      });
  }
}

const PARAMETER_VALUE_LABELS = {
  quorum: 'New quorum (%)',
  deposit: 'New deposit (CLO)',
  storageUnitPrice: 'New unit price (CLO per MB)',
  storageFloorPrice: 'New floor price (CLO per MB)',
} as const;

function NewProposalForm({ governance }: { governance: Address }) {
  const { address } = useAccount();
  const { chain } = useNetwork();
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  // The file system's elected nodes and prices ride in the same multicall, so that the form can say whether a
  // node is elected now without a request per keystroke. Without its address on this chain the call list keeps
  // its shape with the zero address, which has no code: those entries fail to decode and read as unknown.
  const fileSystemHere = contractAddress(chain.id, 'CallistoFS');
  const fs = { address: fileSystemHere ?? zeroAddress, abi: callistoFSAbi } as const;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...g, functionName: 'submission_deposit' },
      { ...g, functionName: 'current_epoch' },
      { ...g, functionName: 'genesis' },
      { ...g, functionName: 'epoch_length' },
      { ...g, functionName: 'proposal_count' },
      { ...g, functionName: 'quorum_bps' },
      { ...g, functionName: 'audit_registry' },
      { ...g, functionName: 'file_system' },
      { ...fs, functionName: 'host_nodes' },
      { ...fs, functionName: 'unit_price' },
      { ...fs, functionName: 'floor_price' },
    ],
  });
  const balance = useBalance({ address, query: { enabled: Boolean(address) } });
  const [deposit, currentEpoch, genesis, epochLength, proposalCount, quorumBps, auditRegistry, fileSystem] = [
    ok(reads.data?.[0]),
    ok(reads.data?.[1]),
    ok(reads.data?.[2]),
    ok(reads.data?.[3]),
    ok(reads.data?.[4]),
    ok(reads.data?.[5]),
    ok(reads.data?.[6]),
    ok(reads.data?.[7]),
  ];
  // Audit manager proposals need the registry the contract was deployed with; a chain without one (zero
  // address) cannot execute them, so the kind is not offered there. The same goes for host node proposals and
  // storage prices without a file system.
  const hasAuditRegistry = auditRegistry === undefined ? undefined : auditRegistry !== zeroAddress;
  const hasFileSystem = fileSystem === undefined ? undefined : fileSystem !== zeroAddress;
  // Where the deployment file does not name the file system, its nodes are read from the governance's own one.
  const fallbackNodes = useReadContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'host_nodes',
    query: { enabled: !fileSystemHere && hasFileSystem === true },
  });
  const hostNodes: readonly HostNodeInfo[] | undefined = fileSystemHere ? ok(reads.data?.[8]) : fallbackNodes.data;
  const unitPrice = ok(reads.data?.[9]);
  const floorPrice = ok(reads.data?.[10]);

  const [form, setForm] = useState<FormState>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<NewProposalField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<bigint | undefined>(undefined);
  const tx = useTransaction();
  const base = useId();
  const id = (name: string) => `${base}-${name}`;

  // A parameter change moves one step from today's value: the form checks it against the values read here.
  const currentParameters: Partial<Record<number, bigint>> = {
    [ProposalParam.Quorum]: quorumBps === undefined ? undefined : BigInt(quorumBps),
    [ProposalParam.SubmissionDeposit]: deposit,
    [ProposalParam.StorageUnitPrice]: unitPrice,
    [ProposalParam.StorageFloorPrice]: floorPrice,
  };
  const result = validateNewProposal({
    ...form,
    deposit,
    balance: balance.data?.value,
    hasAuditRegistry,
    hasFileSystem,
    currentParameters,
  });
  const stakingAddress = contractAddress(chain.id, 'ColdStaking');
  const toStaking = form.kind === 'funding' ? payeeNote(form.payee, stakingAddress) : undefined;
  const contactBytes = byteLength(form.managerContact);
  const endpointBytes = byteLength(form.endpoint);
  const endpointHost = form.endpoint === '' ? undefined : endpointDisplay(form.endpoint).host;
  const nodeNotice =
    form.kind === 'electHostNode' || form.kind === 'removeHostNode'
      ? hostNodeNotice(form.kind === 'electHostNode' ? 'elect' : 'remove', form.node, hostNodes)
      : undefined;
  const nodeNow = form.kind === 'removeHostNode' ? electedHostNode(form.node, hostNodes) : undefined;
  const parameterChoices = PARAMETER_CHOICES.filter(
    (choice) => hasFileSystem || (choice.value !== 'storageUnitPrice' && choice.value !== 'storageFloorPrice'),
  );
  const shown = (field: NewProposalField) => (submitted || touched[field] ? result.errors[field] : undefined);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  // A field shows its message once left, except when it is left for the submit button: the message would push
  // the button down between the press and the release and swallow the click. The submit shows every message.
  const blur = (field: NewProposalField) => (event: FocusEvent) => {
    if (event.relatedTarget instanceof HTMLElement && event.relatedTarget.dataset.submit !== undefined) return;
    setTouched((t) => ({ ...t, [field]: true }));
  };
  const voteWindow =
    currentEpoch !== undefined && genesis !== undefined && epochLength !== undefined
      ? votingWindow(currentEpoch + 1n, genesis, epochLength)
      : undefined;
  const titleBytes = byteLength(form.title);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setCreated(undefined);
    const call = result.call;
    if (!call || !address) return;
    const countBefore = proposalCount;
    const options = { successMessage: `Submitted “${form.title}” with a ${formatCloWithUnit(call.value)} deposit` };
    const c = { address: governance, abi: treasuryGovernanceAbi, value: call.value } as const;
    // One branch a function: the transaction helper is typed by the function's name and arguments.
    let outcome;
    switch (call.functionName) {
      case 'submit_funding':
        outcome = await tx.send({ ...c, functionName: 'submit_funding', args: call.args }, options);
        break;
      case 'submit_parameter_change':
        outcome = await tx.send({ ...c, functionName: 'submit_parameter_change', args: call.args }, options);
        break;
      case 'submit_audit_manager_change':
        outcome = await tx.send({ ...c, functionName: 'submit_audit_manager_change', args: call.args }, options);
        break;
      case 'submit_host_node_election':
        outcome = await tx.send({ ...c, functionName: 'submit_host_node_election', args: call.args }, options);
        break;
      case 'submit_host_node_removal':
        outcome = await tx.send({ ...c, functionName: 'submit_host_node_removal', args: call.args }, options);
        break;
    }
    if (outcome?.status === 'success') {
      const [event] = parseEventLogs({
        abi: treasuryGovernanceAbi,
        eventName: 'ProposalSubmitted',
        logs: outcome.receipt.logs,
      });
      setCreated(event?.args.id ?? countBefore);
      setForm(EMPTY);
      setTouched({});
      setSubmitted(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card title="What it asks">
        <fieldset>
          <legend className="text-sm font-medium">Kind</legend>
          <div className="mt-2 flex flex-wrap gap-4 text-sm">
            {(
              [
                ['funding', 'Funding'],
                ['parameter', 'Parameter change'],
                ...(hasAuditRegistry ? ([['auditManager', 'Audit manager']] as const) : []),
                ...(hasFileSystem
                  ? ([
                      ['electHostNode', 'Elect an IPFS host node'],
                      ['removeHostNode', 'Remove an IPFS host node'],
                    ] as const)
                  : []),
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="kind"
                  value={value}
                  checked={form.kind === value}
                  onChange={() => set('kind', value)}
                />
                {label}
              </label>
            ))}
          </div>
          {hasAuditRegistry === false && (
            <p className="mt-2 text-xs text-slate-400" data-testid="no-audit-registry">
              Audit manager proposals are not offered: this network has no audit registry for them to act on.
            </p>
          )}
          {hasFileSystem === false && (
            <p className="mt-2 text-xs text-slate-400" data-testid="no-file-system">
              IPFS host node proposals and storage prices are not offered: this network has no Callisto File System for
              them to act on.
            </p>
          )}
        </fieldset>

        <div className="mt-4 space-y-4">
          <Field
            id={id('title')}
            label="Title"
            error={shown('title')}
            hint={`${titleBytes} of ${MAX_TITLE_BYTES} bytes (UTF-8); shown as plain text`}
          >
            <input
              id={id('title')}
              name="title"
              autoComplete="off"
              value={form.title}
              onChange={(e) => set('title', e.target.value)}
              onBlur={blur('title')}
              className={inputClass}
              {...described(id('title'), shown('title'), true)}
            />
          </Field>

          {form.kind === 'funding' ? (
            <>
              <Field
                id={id('payee')}
                label="Payee address"
                error={shown('payee')}
                hint={toStaking && <span data-testid="payee-note">{toStaking}</span>}
              >
                <input
                  id={id('payee')}
                  name="payee"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="0x…"
                  value={form.payee}
                  onChange={(e) => set('payee', e.target.value)}
                  onBlur={blur('payee')}
                  className={`${inputClass} font-mono`}
                  {...described(id('payee'), shown('payee'), Boolean(toStaking))}
                />
              </Field>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field id={id('amount')} label="Amount per epoch (CLO)" error={shown('amountPerEpoch')}>
                  <input
                    id={id('amount')}
                    name="amountPerEpoch"
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="1000"
                    value={form.amountPerEpoch}
                    onChange={(e) => set('amountPerEpoch', e.target.value)}
                    onBlur={blur('amountPerEpoch')}
                    className={`${inputClass} tabular-nums`}
                    {...described(id('amount'), shown('amountPerEpoch'))}
                  />
                </Field>
                <EpochCountField
                  id={id('epochs')}
                  name="epochs"
                  label="Epochs"
                  hint="Paid one epoch at a time from the epoch it is accepted in (the one after the vote)"
                  value={form.epochs}
                  error={shown('epochs')}
                  onChange={(value) => set('epochs', value)}
                />
              </div>
              {result.call?.functionName === 'submit_funding' && (
                <p className="text-sm text-slate-300" data-testid="funding-total">
                  In all: {formatCloWithUnit(result.call.args[4] * BigInt(result.call.args[5]))}
                </p>
              )}
            </>
          ) : form.kind === 'electHostNode' || form.kind === 'removeHostNode' ? (
            <>
              <Field
                id={id('node')}
                label="Node address"
                error={shown('node')}
                hint={
                  form.kind === 'electHostNode'
                    ? 'The account the node signs its confirmations with; it receives the salary'
                    : 'The elected host node to remove from the file system'
                }
              >
                <input
                  id={id('node')}
                  name="node"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="0x…"
                  list={form.kind === 'removeHostNode' ? id('elected-nodes') : undefined}
                  value={form.node}
                  onChange={(e) => set('node', e.target.value)}
                  onBlur={blur('node')}
                  className={`${inputClass} font-mono`}
                  {...described(id('node'), shown('node'), true)}
                />
              </Field>
              {form.kind === 'removeHostNode' && hostNodes && (
                <datalist id={id('elected-nodes')}>
                  {hostNodes.map((n) => (
                    <option key={n.node} value={n.node} />
                  ))}
                </datalist>
              )}
              {nodeNotice && (
                <div
                  className={`text-sm ${nodeNotice.tone === 'warning' ? 'text-amber-200' : 'text-slate-300'}`}
                  data-testid="host-node-status"
                  role="status"
                >
                  <p>{nodeNotice.text}</p>
                  {nodeNow && (
                    <p className="mt-0.5">
                      Its endpoint: <EndpointText endpoint={nodeNow.endpoint} />
                    </p>
                  )}
                </div>
              )}
              {hostNodes === undefined && hasFileSystem && (
                <p className="text-xs text-slate-400">
                  {(fileSystemHere ? reads.isPending : fallbackNodes.isPending)
                    ? 'Reading the elected host nodes…'
                    : 'The elected host nodes cannot be read now, so the form cannot say whether this node is elected.'}
                </p>
              )}
              {form.kind === 'removeHostNode' && (
                <p className="text-xs text-slate-400">
                  An executed removal also ends the node’s salary: the epochs of its election after the current one are
                  cancelled.
                </p>
              )}
              {form.kind === 'electHostNode' && (
                <>
                  <Field
                    id={id('endpoint')}
                    label="Endpoint URL"
                    error={shown('endpoint')}
                    hint={
                      <>
                        {endpointBytes} of {MAX_ENDPOINT_BYTES} bytes: the http:// or https:// base URL of the node’s
                        API, where browsers upload and download.
                        {endpointHost && (
                          <>
                            {' '}
                            Host: <span data-testid="endpoint-host">{endpointHost}</span>
                          </>
                        )}
                      </>
                    }
                  >
                    <input
                      id={id('endpoint')}
                      name="endpoint"
                      type="url"
                      autoComplete="off"
                      spellCheck={false}
                      placeholder="https://node.example.org"
                      value={form.endpoint}
                      onChange={(e) => set('endpoint', e.target.value)}
                      onBlur={blur('endpoint')}
                      className={inputClass}
                      {...described(id('endpoint'), shown('endpoint'), true)}
                    />
                  </Field>
                  <div className="grid gap-4 sm:grid-cols-3">
                    <Field
                      id={id('capacity')}
                      label="Capacity (MB)"
                      error={shown('capacityMb')}
                      hint={`Whole MB; ${MB_NOTE}`}
                    >
                      <input
                        id={id('capacity')}
                        name="capacityMb"
                        inputMode="numeric"
                        autoComplete="off"
                        placeholder="10240"
                        value={form.capacityMb}
                        onChange={(e) => set('capacityMb', e.target.value)}
                        onBlur={blur('capacityMb')}
                        className={`${inputClass} tabular-nums`}
                        {...described(id('capacity'), shown('capacityMb'), true)}
                      />
                    </Field>
                    <Field id={id('salary')} label="Salary per epoch (CLO)" error={shown('salaryPerEpoch')}>
                      <input
                        id={id('salary')}
                        name="salaryPerEpoch"
                        inputMode="decimal"
                        autoComplete="off"
                        placeholder="1000"
                        value={form.salaryPerEpoch}
                        onChange={(e) => set('salaryPerEpoch', e.target.value)}
                        onBlur={blur('salaryPerEpoch')}
                        className={`${inputClass} tabular-nums`}
                        {...described(id('salary'), shown('salaryPerEpoch'))}
                      />
                    </Field>
                    <EpochCountField
                      id={id('salary-epochs')}
                      name="salaryEpochs"
                      label="Salary epochs"
                      hint="Paid one epoch at a time from the epoch after the vote, while the node stays elected"
                      value={form.salaryEpochs}
                      error={shown('salaryEpochs')}
                      onChange={(value) => set('salaryEpochs', value)}
                    />
                  </div>
                  {result.call?.functionName === 'submit_host_node_election' && (
                    <p className="text-sm text-slate-300" data-testid="salary-total">
                      In all, if the node stays elected:{' '}
                      {formatCloWithUnit(result.call.args[6] * BigInt(result.call.args[7]))}
                    </p>
                  )}
                </>
              )}
            </>
          ) : form.kind === 'auditManager' ? (
            <>
              <fieldset>
                <legend className="text-sm font-medium">Audit manager change</legend>
                <div className="mt-2 flex flex-wrap gap-4 text-sm">
                  {(
                    [
                      ['appoint', 'Appoint'],
                      ['dismiss', 'Dismiss'],
                    ] as const
                  ).map(([value, label]) => (
                    <label key={value} className="flex items-center gap-2">
                      <input
                        type="radio"
                        name="managerAction"
                        value={value}
                        checked={form.managerAction === value}
                        onChange={() => set('managerAction', value)}
                      />
                      {label}
                    </label>
                  ))}
                </div>
              </fieldset>
              <Field
                id={id('manager')}
                label="Manager address"
                error={shown('manager')}
                hint={
                  form.managerAction === 'appoint'
                    ? 'The account that will manage audits in the audit registry'
                    : 'The audit manager to remove from the audit registry'
                }
              >
                <input
                  id={id('manager')}
                  name="manager"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="0x…"
                  value={form.manager}
                  onChange={(e) => set('manager', e.target.value)}
                  onBlur={blur('manager')}
                  className={`${inputClass} font-mono`}
                  {...described(id('manager'), shown('manager'), true)}
                />
              </Field>
              {form.managerAction === 'appoint' && (
                <Field
                  id={id('contact')}
                  label="Manager contact"
                  error={shown('managerContact')}
                  hint={`${contactBytes} of ${MAX_CONTACT_BYTES} bytes (UTF-8): how projects reach the manager; shown as plain text`}
                >
                  <input
                    id={id('contact')}
                    name="managerContact"
                    autoComplete="off"
                    value={form.managerContact}
                    onChange={(e) => set('managerContact', e.target.value)}
                    onBlur={blur('managerContact')}
                    className={inputClass}
                    {...described(id('contact'), shown('managerContact'), true)}
                  />
                </Field>
              )}
            </>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id={id('param')} label="Parameter">
                <select
                  id={id('param')}
                  name="param"
                  value={form.param}
                  onChange={(e) => isParameterChoice(e.target.value) && set('param', e.target.value)}
                  className={inputClass}
                >
                  {parameterChoices.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                id={id('value')}
                label={PARAMETER_VALUE_LABELS[form.param]}
                error={shown('paramValue')}
                hint={
                  <>
                    {parameterHint(form.param, { quorumBps, deposit, unitPrice, floorPrice })}{' '}
                    <span data-testid="parameter-rule">
                      {parameterRule(paramOf(form.param), currentParameters[paramOf(form.param)])}
                    </span>
                  </>
                }
              >
                <input
                  id={id('value')}
                  name="paramValue"
                  inputMode="decimal"
                  autoComplete="off"
                  value={form.paramValue}
                  onChange={(e) => set('paramValue', e.target.value)}
                  onBlur={blur('paramValue')}
                  className={`${inputClass} tabular-nums`}
                  {...described(id('value'), shown('paramValue'), true)}
                />
              </Field>
            </div>
          )}
          {result.call && (
            <div className="text-sm" data-testid="proposal-preview">
              <p className="text-slate-400">What the proposal asks, if accepted</p>
              <p className="break-all text-slate-100">{describeCall(result.call)}</p>
            </div>
          )}
        </div>
      </Card>

      <Card title="Description">
        <div className="space-y-4">
          <Field
            id={id('url')}
            label="Description URL"
            error={shown('descriptionUrl')}
            hint="https://… or ipfs://…, where voters will read the full text"
          >
            <input
              id={id('url')}
              name="descriptionUrl"
              type="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="ipfs://bafy… or https://…"
              value={form.descriptionUrl}
              onChange={(e) => set('descriptionUrl', e.target.value)}
              onBlur={blur('descriptionUrl')}
              className={inputClass}
              {...described(id('url'), shown('descriptionUrl'), true)}
            />
          </Field>

          <fieldset>
            <legend className="text-sm font-medium">Description hash from</legend>
            <div className="mt-2 flex flex-wrap gap-4 text-sm">
              {(
                [
                  ['text', 'The text, typed or pasted here'],
                  ['hash', 'A hash I already have'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="descriptionMode"
                    value={value}
                    checked={form.descriptionMode === value}
                    onChange={() => set('descriptionMode', value)}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>

          {form.descriptionMode === 'text' ? (
            <Field
              id={id('text')}
              label="Description text (Markdown)"
              error={shown('descriptionText')}
              hint="Publish exactly this text, byte for byte (UTF-8), at the URL: any change makes it fail the check."
            >
              <textarea
                id={id('text')}
                name="descriptionText"
                rows={8}
                value={form.descriptionText}
                onChange={(e) => set('descriptionText', e.target.value)}
                onBlur={blur('descriptionText')}
                className={`${inputClass} font-mono`}
                {...described(id('text'), shown('descriptionText'), true)}
              />
            </Field>
          ) : (
            <Field
              id={id('hash')}
              label="Description hash (Keccak-256)"
              error={shown('descriptionHash')}
              hint="0x and 64 hex digits: the Keccak-256 of the exact bytes published at the URL"
            >
              <input
                id={id('hash')}
                name="descriptionHash"
                autoComplete="off"
                spellCheck={false}
                placeholder="0x…"
                value={form.descriptionHash}
                onChange={(e) => set('descriptionHash', e.target.value)}
                onBlur={blur('descriptionHash')}
                className={`${inputClass} font-mono`}
                {...described(id('hash'), shown('descriptionHash'), true)}
              />
            </Field>
          )}

          {result.hash && (
            <div className="text-sm">
              <p className="text-slate-400">Keccak-256 the contract will store</p>
              <p className="font-mono text-xs break-all" data-testid="description-hash-preview">
                {result.hash}
              </p>
            </div>
          )}
          {form.descriptionMode === 'text' && form.descriptionText.trim() !== '' && (
            <section aria-label="Description preview" className="rounded-md border border-slate-800 p-3">
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-400 uppercase">Preview</h3>
              <LazyMarkdown text={form.descriptionText} />
            </section>
          )}
        </div>
      </Card>

      <Card title="Deposit and vote">
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-400">Deposit</dt>
            <dd className="mt-0.5 font-semibold" data-testid="proposal-deposit">
              {deposit === undefined ? '…' : formatCloWithUnit(deposit)}
            </dd>
            <dd className="text-xs text-slate-400">Sent with the proposal, refunded at evaluation or withdrawal</dd>
          </div>
          <div>
            <dt className="text-slate-400">Your balance</dt>
            <dd className="mt-0.5 font-semibold">
              {!address ? 'connect a wallet' : balance.data ? formatCloWithUnit(balance.data.value) : '…'}
            </dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-400">Voting, if submitted now</dt>
            <dd className="mt-0.5" data-testid="voting-preview">
              {voteWindow && currentEpoch !== undefined ? (
                <>
                  Epoch {(currentEpoch + 1n).toString()}: <DateAt at={voteWindow.start} /> to{' '}
                  <DateAt at={voteWindow.end} />
                </>
              ) : (
                '…'
              )}
            </dd>
            <dd className="text-xs text-slate-400">
              The vote takes the whole epoch after the one the proposal is submitted in.
            </dd>
          </div>
        </dl>
        {submitted && result.errors.deposit && (
          <p className="mt-3 text-sm text-rose-300" id={id('deposit-error')}>
            {result.errors.deposit}
          </p>
        )}

        <Button
          type="submit"
          data-submit
          className="mt-4 w-full sm:w-auto"
          disabled={tx.isBusy || !address}
          aria-describedby={result.errors.deposit && submitted ? id('deposit-error') : undefined}
        >
          Submit proposal
        </Button>
        {!address && <p className="mt-2 text-sm text-slate-400">Connect a wallet to submit.</p>}
        {submitted && !result.call && Object.keys(result.errors).length > 0 && (
          <p role="alert" className="mt-2 text-sm text-rose-300">
            Nothing was sent: correct the fields marked above.
          </p>
        )}
        <TxStatus state={tx.state} />
        {created !== undefined && (
          <p className="mt-3 text-sm">
            <Link href={proposalHref(created)} className="text-teal-300 underline underline-offset-2">
              View proposal #{created.toString()}
            </Link>
          </p>
        )}
      </Card>
    </form>
  );
}

/** The hint under a parameter's new value: today's value and the bounds. */
function parameterHint(
  param: FormState['param'],
  now: { quorumBps?: number | bigint; deposit?: bigint; unitPrice?: bigint; floorPrice?: bigint },
): string {
  const price = (wei: bigint | undefined) => (wei === undefined ? '…' : `${formatClo(wei, 18)} CLO per MB`);
  switch (param) {
    case 'quorum':
      return `Now ${now.quorumBps === undefined ? '…' : formatBps(now.quorumBps)} of all staked CLO.`;
    case 'deposit':
      return `Now ${now.deposit === undefined ? '…' : formatCloWithUnit(now.deposit)}.`;
    case 'storageUnitPrice':
      return `Now ${price(now.unitPrice)}. Scales the price per MB with the share of capacity in use (${MB_NOTE}).`;
    case 'storageFloorPrice':
      return `Now ${price(now.floorPrice)}. The least price per MB, so storage is never free (${MB_NOTE}).`;
  }
}

function paramOf(choice: FormState['param']): number {
  return PARAMETER_CHOICES.find((c) => c.value === choice)?.param ?? ProposalParam.Quorum;
}

/** How many epochs a payment runs: 1 to 12, the contract's bounds. */
function EpochCountField(props: {
  id: string;
  name: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint={props.hint}>
      <select
        id={props.id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={inputClass}
        {...described(props.id, props.error, true)}
      >
        {EPOCH_OPTIONS.map((n) => (
          <option key={n} value={n}>
            {n} epoch{n === 1 ? '' : 's'}
          </option>
        ))}
      </select>
    </Field>
  );
}
