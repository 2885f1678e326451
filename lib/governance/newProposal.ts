// The new-proposal form: its state (the fields every proposal has, plus one set of fields a kind, as a
// discriminated union), and its validation, which says what is wrong next to each field in the contract's terms and,
// when nothing is, returns the ready contract call: the form sends it as it is.
import { getAddress, type ContractFunctionArgs, type Hex } from 'viem';
import type { treasuryGovernanceAbi } from '../../contracts-abi/TreasuryGovernance';
import { formatClo } from '../format/clo';
import { describeHostNodeChange } from './hostNodes';
import {
  isStorageParam,
  parseAmountPerEpoch,
  parseCapacityMb,
  parseEpochs,
  parseSalaryPerEpoch,
  ProposalKind,
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
  describeParameterChange,
  parameterOf,
  parseCloPerMb,
  parseDepositClo,
  parseQuorumPercent,
  type ParameterChoice,
} from './parameters';

// ---- state ------------------------------------------------------------------------------------------------------

export interface FundingFields {
  kind: 'funding';
  payee: string;
  /** CLO, as typed. */
  amountPerEpoch: string;
  /** 1..12. */
  epochs: string;
}

export interface ParameterFields {
  kind: 'parameter';
  param: ParameterChoice;
  /** A percentage for the quorum, CLO for the deposit, CLO per MB for the storage prices. */
  value: string;
}

export interface AuditManagerFields {
  kind: 'auditManager';
  action: 'appoint' | 'dismiss';
  manager: string;
  /** Only for an appointment. */
  contact: string;
}

export interface ElectHostNodeFields {
  kind: 'electHostNode';
  node: string;
  /** The node's endpoint URL. */
  endpoint: string;
  /** Whole MB. */
  capacityMb: string;
  /** CLO per epoch. */
  salaryPerEpoch: string;
  /** 1..12. */
  salaryEpochs: string;
}

export interface RemoveHostNodeFields {
  kind: 'removeHostNode';
  node: string;
}

/** What a proposal asks, one shape a kind. */
export type KindFields =
  FundingFields | ParameterFields | AuditManagerFields | ElectHostNodeFields | RemoveHostNodeFields;

export type ProposalKindChoice = KindFields['kind'];

/** Each kind's fields as the form starts them. */
export const EMPTY_KIND_FIELDS: { [K in ProposalKindChoice]: Extract<KindFields, { kind: K }> } = {
  funding: { kind: 'funding', payee: '', amountPerEpoch: '', epochs: '1' },
  parameter: { kind: 'parameter', param: 'quorum', value: '' },
  auditManager: { kind: 'auditManager', action: 'appoint', manager: '', contact: '' },
  electHostNode: {
    kind: 'electHostNode',
    node: '',
    endpoint: '',
    capacityMb: '',
    salaryPerEpoch: '',
    salaryEpochs: '1',
  },
  removeHostNode: { kind: 'removeHostNode', node: '' },
};

export interface NewProposalForm {
  title: string;
  /** Where the description lives: stored on the Callisto File System by this form (its address and hash then come
   * from the very bytes stored), or already published at a URL the form fetches and checks. */
  descriptionStorage: 'file-system' | 'url';
  descriptionUrl: string;
  /** Hash the text typed here, or take a hash pasted as is. */
  descriptionMode: 'text' | 'hash';
  descriptionText: string;
  descriptionHash: string;
  asks: KindFields;
}

export const EMPTY_NEW_PROPOSAL: NewProposalForm = {
  title: '',
  descriptionStorage: 'file-system',
  descriptionUrl: '',
  descriptionMode: 'text',
  descriptionText: '',
  descriptionHash: '',
  asks: EMPTY_KIND_FIELDS.funding,
};

/** What the chain says that the form checks against; each undefined until read. */
export interface ChainFacts {
  /** The contract's `submission_deposit`. */
  deposit?: bigint;
  /** The sender's balance. */
  balance?: bigint;
  /** Whether governance has an audit registry (`audit_registry()` is not the zero address). */
  hasAuditRegistry?: boolean;
  /** Whether governance has a file system (`file_system()` is not the zero address). */
  hasFileSystem?: boolean;
  /** Today's value of each parameter (by `ProposalParam`): a change moves one step from it. */
  currentParameters?: Partial<Record<number, bigint>>;
}

// ---- the contract call ------------------------------------------------------------------------------------------

type SubmitName =
  | 'submit_funding'
  | 'submit_parameter_change'
  | 'submit_audit_manager_change'
  | 'submit_host_node_election'
  | 'submit_host_node_removal';

/** One submit function's call with its arguments typed from the compiled ABI, the deposit as its value. */
export type SubmitCall = {
  [N in SubmitName]: {
    functionName: N;
    args: ContractFunctionArgs<typeof treasuryGovernanceAbi, 'payable', N>;
    value: bigint;
  };
}[SubmitName];

// ---- validation ---------------------------------------------------------------------------------------------------

type KindFieldName<F> = Exclude<keyof F, 'kind'>;

/** Every field that can carry a message, by the name its state has; `deposit` is the form's, not a field's. */
export type NewProposalField =
  | 'title'
  | 'descriptionUrl'
  | 'descriptionText'
  | 'descriptionHash'
  | 'deposit'
  | KindFieldName<FundingFields>
  | KindFieldName<ParameterFields>
  | KindFieldName<AuditManagerFields>
  | KindFieldName<ElectHostNodeFields>
  | KindFieldName<RemoveHostNodeFields>;

export type FieldErrors = Partial<Record<NewProposalField, string>>;

export interface NewProposalResult {
  errors: FieldErrors;
  /** The description's hash, from the text or as pasted, once valid. */
  hash?: Hex;
  /** The contract call, present only when nothing is wrong. */
  call?: SubmitCall;
}

/** The arguments every submit function starts with: title, description URL, description hash. */
type Head = readonly [title: string, url: string, hash: Hex];

/** A kind's own checks: its messages, and the call once its fields are valid. */
interface KindCheck {
  errors: FieldErrors;
  call?: (head: Head, deposit: bigint) => SubmitCall;
}

const NO_FILE_SYSTEM = 'No file system on this chain';

function checkFunding(f: FundingFields): KindCheck {
  const payee = f.payee.trim();
  const payeeError = validatePayee(payee);
  const amount = parseAmountPerEpoch(f.amountPerEpoch);
  const epochs = parseEpochs(f.epochs);
  const errors: FieldErrors = { payee: payeeError, amountPerEpoch: amount.error, epochs: epochs.error };
  if (payeeError || amount.value === undefined || epochs.value === undefined) return { errors };
  const [a, e] = [amount.value, epochs.value];
  return {
    errors,
    call: (head, value) => ({ functionName: 'submit_funding', args: [...head, getAddress(payee), a, e], value }),
  };
}

function checkParameter(f: ParameterFields, facts: ChainFacts): KindCheck {
  const param = parameterOf(f.param);
  const parsed =
    f.param === 'quorum'
      ? parseQuorumPercent(f.value)
      : f.param === 'deposit'
        ? parseDepositClo(f.value)
        : parseCloPerMb(f.value);
  const error =
    isStorageParam(param) && facts.hasFileSystem === false
      ? NO_FILE_SYSTEM
      : parsed.value === undefined
        ? parsed.error
        : validateParameterValue(param, parsed.value, facts.currentParameters?.[param]);
  if (error || parsed.value === undefined) return { errors: { value: error } };
  const v = parsed.value;
  return {
    errors: {},
    call: (head, value) => ({ functionName: 'submit_parameter_change', args: [...head, param, v], value }),
  };
}

function checkAuditManager(f: AuditManagerFields, facts: ChainFacts): KindCheck {
  const appoint = f.action === 'appoint';
  const manager = f.manager.trim();
  const managerError = facts.hasAuditRegistry === false ? 'No audit registry on this chain' : validateManager(manager);
  const contactError = appoint ? validateManagerContact(f.contact, true) : undefined;
  const errors: FieldErrors = { manager: managerError, contact: contactError };
  if (managerError || contactError) return { errors };
  // A dismissal carries no contact, whatever the field held before the switch.
  const contact = appoint ? f.contact : '';
  return {
    errors,
    call: (head, value) => ({
      functionName: 'submit_audit_manager_change',
      args: [...head, getAddress(manager), contact, appoint],
      value,
    }),
  };
}

function checkNode(node: string, facts: ChainFacts) {
  const trimmed = node.trim();
  const error = facts.hasFileSystem === false ? NO_FILE_SYSTEM : validateNode(trimmed);
  return { error, node: error ? undefined : getAddress(trimmed) };
}

function checkElection(f: ElectHostNodeFields, facts: ChainFacts): KindCheck {
  const node = checkNode(f.node, facts);
  // The endpoint is checked as typed, as the contract stores it: a trailing space would be refused there too.
  const endpointError = validateEndpoint(f.endpoint);
  const capacity = parseCapacityMb(f.capacityMb);
  const salary = parseSalaryPerEpoch(f.salaryPerEpoch);
  const epochs = parseEpochs(f.salaryEpochs);
  const errors: FieldErrors = {
    node: node.error,
    endpoint: endpointError,
    capacityMb: capacity.error,
    salaryPerEpoch: salary.error,
    salaryEpochs: epochs.error,
  };
  if (!node.node || endpointError || capacity.value === undefined || salary.value === undefined) return { errors };
  if (epochs.value === undefined) return { errors };
  const args = [node.node, f.endpoint, capacity.value, salary.value, epochs.value] as const;
  return {
    errors,
    call: (head, value) => ({ functionName: 'submit_host_node_election', args: [...head, ...args], value }),
  };
}

function checkRemoval(f: RemoveHostNodeFields, facts: ChainFacts): KindCheck {
  const node = checkNode(f.node, facts);
  if (!node.node) return { errors: { node: node.error } };
  const address = node.node;
  return {
    errors: {},
    call: (head, value) => ({ functionName: 'submit_host_node_removal', args: [...head, address], value }),
  };
}

function checkKind(asks: KindFields, facts: ChainFacts): KindCheck {
  switch (asks.kind) {
    case 'funding':
      return checkFunding(asks);
    case 'parameter':
      return checkParameter(asks, facts);
    case 'auditManager':
      return checkAuditManager(asks, facts);
    case 'electHostNode':
      return checkElection(asks, facts);
    case 'removeHostNode':
      return checkRemoval(asks, facts);
  }
}

/** Drops the entries without a message, so "no errors" is an empty object. */
function messagesOnly(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined));
}

/**
 * The whole form: one message a field in the contract's terms (the shared validators of proposal.ts), the
 * description's hash, and whether the balance covers the deposit; the ready call only when nothing is wrong.
 */
export function validateNewProposal(form: NewProposalForm, facts: ChainFacts): NewProposalResult {
  let hash: Hex | undefined;
  let descriptionError: FieldErrors = {};
  if (form.descriptionMode === 'text') {
    if (form.descriptionText.trim() === '') {
      descriptionError = { descriptionText: 'Write the description, or paste its hash' };
    } else hash = descriptionHashOf(form.descriptionText);
  } else {
    const pasted = form.descriptionHash.trim();
    const error = validateDescriptionHash(pasted);
    const lower = pasted.toLowerCase();
    if (error) descriptionError = { descriptionHash: error };
    else if (isHash(lower)) hash = lower;
  }
  const kind = checkKind(form.asks, facts);
  const errors = messagesOnly({
    title: validateTitle(form.title),
    descriptionUrl: validateDescriptionUrl(form.descriptionUrl),
    ...descriptionError,
    ...kind.errors,
    deposit: depositError(facts),
  });
  if (Object.keys(errors).length > 0 || !hash || !kind.call || facts.deposit === undefined) return { errors, hash };
  return { errors, hash, call: kind.call([form.title, form.descriptionUrl, hash], facts.deposit) };
}

function isHash(text: string): text is Hex {
  return /^0x[0-9a-f]{64}$/.test(text);
}

function depositError({ deposit, balance }: ChainFacts): string | undefined {
  if (deposit === undefined) return 'The deposit has not been read from the contract yet';
  if (balance !== undefined && balance < deposit) {
    return `Your balance of ${formatClo(balance)} CLO does not cover the ${formatClo(deposit)} CLO deposit`;
  }
  return undefined;
}

/** What the contract will record, in words, once every field is valid: the preview before signing. */
export function describeSubmitCall(call: SubmitCall): string {
  switch (call.functionName) {
    case 'submit_funding': {
      const [, , , payee, amount, epochs] = call.args;
      return `Pay ${formatClo(amount)} CLO × ${epochs} epoch${epochs === 1 ? '' : 's'} to ${payee}`;
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
