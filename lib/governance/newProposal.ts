// The new-proposal form's validation: one message a field, in the contract's terms, and the ready contract call.
import { getAddress, type Address, type Hex } from 'viem';
import { formatClo } from '../format/clo';
import {
  isStorageParam,
  parseAmountPerEpoch,
  parseCapacityMb,
  parseEpochs,
  parseSalaryPerEpoch,
  ProposalParam,
  validateDescriptionHash,
  validateDescriptionUrl,
  validateEndpoint,
  validateManager,
  validateManagerContact,
  validateNode,
  validateParameterValue,
  validatePayee,
  validateTitle,
} from './proposal';
import { descriptionHashOf } from './description';
import {
  PARAMETER_CHOICES,
  parseCloPerMb,
  parseDepositClo,
  parseQuorumPercent,
  type ParameterChoice,
} from './parameters';

export interface NewProposalInput {
  kind: 'funding' | 'parameter' | 'auditManager' | 'electHostNode' | 'removeHostNode';
  title: string;
  descriptionUrl: string;
  /** Hash the text typed here, or take a hash pasted as is. */
  descriptionMode: 'text' | 'hash';
  descriptionText: string;
  descriptionHash: string;
  payee: string;
  amountPerEpoch: string;
  epochs: string;
  param: ParameterChoice;
  /** A percentage for the quorum, CLO for the deposit, CLO per MB for the storage prices. */
  paramValue: string;
  managerAction: 'appoint' | 'dismiss';
  manager: string;
  /** Only for an appointment. */
  managerContact: string;
  /** Host node election and removal: the node. */
  node: string;
  /** Election only: the node's endpoint URL. */
  endpoint: string;
  /** Election only: whole MB. */
  capacityMb: string;
  /** Election only: CLO per epoch. */
  salaryPerEpoch: string;
  /** Election only: 1..12. */
  salaryEpochs: string;
  /** Whether the chain has an audit registry (`audit_registry()` is not the zero address); undefined until read. */
  hasAuditRegistry?: boolean;
  /** Whether the chain has a file system for host node and storage price proposals (`file_system()` is not the
   * zero address); undefined until read. */
  hasFileSystem?: boolean;
  /** The contract's `submission_deposit`, when read. */
  deposit?: bigint;
  /** The current value of each parameter (by `ProposalParam`), when read: a change moves one step from it. */
  currentParameters?: Partial<Record<number, bigint>>;
  /** The sender's balance, when known. */
  balance?: bigint;
}

export type NewProposalField =
  | 'title'
  | 'descriptionUrl'
  | 'descriptionText'
  | 'descriptionHash'
  | 'payee'
  | 'amountPerEpoch'
  | 'epochs'
  | 'paramValue'
  | 'manager'
  | 'managerContact'
  | 'node'
  | 'endpoint'
  | 'capacityMb'
  | 'salaryPerEpoch'
  | 'salaryEpochs'
  | 'deposit';

export type NewProposalCall =
  | {
      functionName: 'submit_funding';
      args: readonly [string, string, Hex, Address, bigint, number];
      value: bigint;
    }
  | {
      functionName: 'submit_parameter_change';
      args: readonly [string, string, Hex, number, bigint];
      value: bigint;
    }
  | {
      functionName: 'submit_audit_manager_change';
      /** title, description URL, hash, manager, contact ('' when dismissing), appoint. */
      args: readonly [string, string, Hex, Address, string, boolean];
      value: bigint;
    }
  | {
      functionName: 'submit_host_node_election';
      /** title, description URL, hash, node, endpoint, capacity (MB), salary per epoch (wei), epochs. */
      args: readonly [string, string, Hex, Address, string, bigint, bigint, number];
      value: bigint;
    }
  | {
      functionName: 'submit_host_node_removal';
      /** title, description URL, hash, node. */
      args: readonly [string, string, Hex, Address];
      value: bigint;
    };

export interface NewProposalResult {
  errors: Partial<Record<NewProposalField, string>>;
  /** The description's hash, from the text or as pasted, once valid. */
  hash?: Hex;
  /** The contract call, present only when nothing is wrong. */
  call?: NewProposalCall;
}

/**
 * The submission form, every kind: one message a field in the contract's terms (the shared validators of
 * proposal.ts), plus the description's source, the parameter value in the units people type, and whether the
 * balance covers the deposit.
 */
export function validateNewProposal(input: NewProposalInput): NewProposalResult {
  const errors: NewProposalResult['errors'] = {};
  let hash: Hex | undefined;
  if (input.descriptionMode === 'text') {
    if (input.descriptionText.trim() === '') errors.descriptionText = 'Write the description, or paste its hash';
    else hash = descriptionHashOf(input.descriptionText);
  } else {
    const error = validateDescriptionHash(input.descriptionHash.trim());
    if (error) errors.descriptionHash = error;
    else hash = input.descriptionHash.trim().toLowerCase() as Hex;
  }
  const title = validateTitle(input.title);
  if (title) errors.title = title;
  const url = validateDescriptionUrl(input.descriptionUrl);
  if (url) errors.descriptionUrl = url;

  let funding: { payee: Address; amount: bigint; epochs: number } | undefined;
  let parameter: { param: number; value: bigint } | undefined;
  let audit: { manager: Address; contact: string; appoint: boolean } | undefined;
  let election: { node: Address; endpoint: string; capacity: bigint; salary: bigint; epochs: number } | undefined;
  let removal: { node: Address } | undefined;
  const noFileSystem = 'No file system on this chain';
  if (input.kind === 'electHostNode' || input.kind === 'removeHostNode') {
    const node = input.node.trim();
    const nodeError = input.hasFileSystem === false ? noFileSystem : validateNode(node);
    if (nodeError) errors.node = nodeError;
    if (input.kind === 'removeHostNode') {
      if (!nodeError) removal = { node: getAddress(node) };
    } else {
      // The endpoint is checked as typed, as the contract stores it: a trailing space would be refused there too.
      const endpointError = validateEndpoint(input.endpoint);
      const capacity = parseCapacityMb(input.capacityMb);
      const salary = parseSalaryPerEpoch(input.salaryPerEpoch);
      const epochs = parseEpochs(input.salaryEpochs);
      if (endpointError) errors.endpoint = endpointError;
      if (capacity.error) errors.capacityMb = capacity.error;
      if (salary.error) errors.salaryPerEpoch = salary.error;
      if (epochs.error) errors.salaryEpochs = epochs.error;
      if (
        !nodeError &&
        !endpointError &&
        capacity.value !== undefined &&
        salary.value !== undefined &&
        epochs.value !== undefined
      ) {
        election = {
          node: getAddress(node),
          endpoint: input.endpoint,
          capacity: capacity.value,
          salary: salary.value,
          epochs: epochs.value,
        };
      }
    }
  } else if (input.kind === 'auditManager') {
    const appoint = input.managerAction === 'appoint';
    const manager = input.manager.trim();
    const managerError =
      input.hasAuditRegistry === false ? 'No audit registry on this chain' : validateManager(manager);
    const contactError = appoint ? validateManagerContact(input.managerContact, true) : undefined;
    if (managerError) errors.manager = managerError;
    if (contactError) errors.managerContact = contactError;
    if (!managerError && !contactError) {
      audit = { manager: getAddress(manager), contact: appoint ? input.managerContact : '', appoint };
    }
  } else if (input.kind === 'funding') {
    const payee = input.payee.trim();
    const payeeError = validatePayee(payee);
    const amount = parseAmountPerEpoch(input.amountPerEpoch);
    const epochs = parseEpochs(input.epochs);
    if (payeeError) errors.payee = payeeError;
    if (amount.error) errors.amountPerEpoch = amount.error;
    if (epochs.error) errors.epochs = epochs.error;
    if (!payeeError && amount.value !== undefined && epochs.value !== undefined) {
      funding = { payee: getAddress(payee), amount: amount.value, epochs: epochs.value };
    }
  } else {
    const param = PARAMETER_CHOICES.find((choice) => choice.value === input.param)?.param ?? ProposalParam.Quorum;
    const parsed =
      param === ProposalParam.Quorum
        ? parseQuorumPercent(input.paramValue)
        : param === ProposalParam.SubmissionDeposit
          ? parseDepositClo(input.paramValue)
          : parseCloPerMb(input.paramValue);
    const bound =
      isStorageParam(param) && input.hasFileSystem === false
        ? noFileSystem
        : parsed.value === undefined
          ? parsed.error
          : validateParameterValue(param, parsed.value, input.currentParameters?.[param]);
    if (bound) errors.paramValue = bound;
    else if (parsed.value !== undefined) parameter = { param, value: parsed.value };
  }

  if (input.deposit !== undefined && input.balance !== undefined && input.balance < input.deposit) {
    errors.deposit = `Your balance of ${formatClo(input.balance)} CLO does not cover the ${formatClo(input.deposit)} CLO deposit`;
  } else if (input.deposit === undefined) {
    errors.deposit = 'The deposit has not been read from the contract yet';
  }

  if (Object.keys(errors).length > 0 || !hash || input.deposit === undefined) return { errors, hash };
  if (funding) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_funding',
        args: [input.title, input.descriptionUrl, hash, funding.payee, funding.amount, funding.epochs],
        value: input.deposit,
      },
    };
  }
  if (parameter) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_parameter_change',
        args: [input.title, input.descriptionUrl, hash, parameter.param, parameter.value],
        value: input.deposit,
      },
    };
  }
  if (audit) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_audit_manager_change',
        args: [input.title, input.descriptionUrl, hash, audit.manager, audit.contact, audit.appoint],
        value: input.deposit,
      },
    };
  }
  if (election) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_host_node_election',
        args: [
          input.title,
          input.descriptionUrl,
          hash,
          election.node,
          election.endpoint,
          election.capacity,
          election.salary,
          election.epochs,
        ],
        value: input.deposit,
      },
    };
  }
  if (removal) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_host_node_removal',
        args: [input.title, input.descriptionUrl, hash, removal.node],
        value: input.deposit,
      },
    };
  }
  return { errors, hash };
}
