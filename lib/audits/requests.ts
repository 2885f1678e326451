// Pure helpers for the audit registry UI, mirroring contracts/AuditRegistry.sol: the request states as numbers and
// labels, verdict labels, the report commitment, and the request form's validation with the same rules as the
// contract and, field by field, the same messages as its revert reasons (without the "Audits: " prefix), so that a
// form the app accepts is never rejected on chain for its content.
import { isAddress, keccak256, toHex, type Hex } from 'viem';

/** `enum RequestState` of the contract. */
export const RequestState = { Pending: 0, Approved: 1, InProgress: 2, Completed: 3, Rejected: 4 } as const;
export type RequestStateValue = (typeof RequestState)[keyof typeof RequestState];

export const MAX_CONTACT_BYTES = 100;
export const MAX_URL_BYTES = 256;
export const MAX_DESCRIPTION_BYTES = 500;
export const MAX_PLATFORM_BYTES = 32;
export const MAX_REASON_BYTES = 200;
export const MAX_ERRORS = 1000;
/** The largest complexity a manager may give at reveal: EIP-170's limit on a contract's code (24 KiB). */
export const MAX_COMPLEXITY_BYTES = 24_576;
export const MAX_CHAIN_ID = 2n ** 64n - 1n;
export const URL_PREFIXES = ['https://', 'ipfs://'] as const;

/** The contract's revert reasons about request and role fields, one per rule. */
export const Reasons = {
  contractAddress: 'Audits: contract address is the zero address',
  chainId: 'Audits: chain id must be 1 to 2^64 - 1',
  sourceUrlLength: 'Audits: source URL must be 1 to 256 bytes',
  sourceUrlPrefix: 'Audits: source URL must start with https:// or ipfs://',
  description: 'Audits: description must be 1 to 500 bytes',
  platform: 'Audits: platform must be 1 to 32 bytes',
  rejectReason: 'Audits: reason must be 1 to 200 bytes',
  contact: 'Audits: contact must be 1 to 100 bytes',
  errors: 'Audits: at most 1000 errors',
  complexity: 'Audits: complexity must be 1 to 24576 bytes',
} as const;

/** Findings by severity, as the contract's `Severity` (viem decodes uint16 as numbers). */
export interface SeverityCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
  owner_privileges: number;
}

export type RequestStateLabel = 'Pending' | 'Approved' | 'In progress' | 'Completed' | 'Rejected';

export function requestStateLabel(state: number): RequestStateLabel {
  switch (state) {
    case RequestState.Pending:
      return 'Pending';
    case RequestState.Approved:
      return 'Approved';
    case RequestState.InProgress:
      return 'In progress';
    case RequestState.Completed:
      return 'Completed';
    case RequestState.Rejected:
      return 'Rejected';
    default:
      throw new Error(`unknown request state ${state}`);
  }
}

export type VerdictLabel = 'Passed' | 'Failed';

/** The verdict of a completed request; undefined before completion (and for rejected requests). */
export function verdictLabel(request: { state: number; passed: boolean }): VerdictLabel | undefined {
  if (request.state !== RequestState.Completed) return undefined;
  return request.passed ? 'Passed' : 'Failed';
}

/** "1 critical, 2 high, 1 owner privilege", or "No findings". */
export function severitySummary(counts: SeverityCounts): string {
  const parts: string[] = [];
  if (counts.critical) parts.push(`${counts.critical} critical`);
  if (counts.high) parts.push(`${counts.high} high`);
  if (counts.medium) parts.push(`${counts.medium} medium`);
  if (counts.low) parts.push(`${counts.low} low`);
  if (counts.owner_privileges) {
    parts.push(`${counts.owner_privileges} owner ${counts.owner_privileges === 1 ? 'privilege' : 'privileges'}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'No findings';
}

/** The commitment an auditor submits for a private report link: keccak256 of its UTF-8 bytes. */
export function reportCommitment(link: string): Hex {
  return keccak256(toHex(link));
}

/** A contract revert reason ("Audits: platform must be ...") as the form shows it ("Platform must be ..."). */
export function reasonToMessage(reason: string): string {
  const text = reason.replace(/^Audits: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const byteLength = (text: string): number => new TextEncoder().encode(text).length;
const within = (text: string, max: number): boolean => {
  const length = byteLength(text);
  return length >= 1 && length <= max;
};
const ZERO_ADDRESS = /^0x0{40}$/i;

export function validateContractAddress(address: string): string | undefined {
  if (!isAddress(address, { strict: false })) return 'Contract address must be 0x and 40 hex digits';
  if (ZERO_ADDRESS.test(address)) return reasonToMessage(Reasons.contractAddress);
  return undefined;
}

/** Parses a decimal chain id, 1 .. 2^64 - 1. */
export function parseChainId(raw: string): { value?: bigint; error?: string } {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return { error: 'Chain id must be a whole number' };
  const value = BigInt(text);
  if (value < 1n || value > MAX_CHAIN_ID) return { error: reasonToMessage(Reasons.chainId) };
  return { value };
}

export function validateSourceUrl(url: string): string | undefined {
  if (!within(url, MAX_URL_BYTES)) return reasonToMessage(Reasons.sourceUrlLength);
  if (!URL_PREFIXES.some((prefix) => url.startsWith(prefix))) return reasonToMessage(Reasons.sourceUrlPrefix);
  return undefined;
}

export function validateDescription(text: string): string | undefined {
  return within(text, MAX_DESCRIPTION_BYTES) ? undefined : reasonToMessage(Reasons.description);
}

export function validatePlatform(text: string): string | undefined {
  return within(text, MAX_PLATFORM_BYTES) ? undefined : reasonToMessage(Reasons.platform);
}

export function validateRejectReason(text: string): string | undefined {
  return within(text, MAX_REASON_BYTES) ? undefined : reasonToMessage(Reasons.rejectReason);
}

export function validateContact(text: string): string | undefined {
  return within(text, MAX_CONTACT_BYTES) ? undefined : reasonToMessage(Reasons.contact);
}

export interface RequestFormInput {
  contractAddress: string;
  chainId: string;
  sourceUrl: string;
  description: string;
  platform: string;
}

export type RequestFormField = keyof RequestFormInput;

export interface RequestFormResult {
  /** One message per invalid field; empty when the form is valid. */
  errors: Partial<Record<RequestFormField, string>>;
  /** The arguments of `submit_request`, when valid. */
  args?: readonly [`0x${string}`, bigint, string, string, string];
}

/** Validates the request form as `submit_request` does. Strings are sent as typed (no trimming). */
export function validateRequestForm(input: RequestFormInput): RequestFormResult {
  const chainId = parseChainId(input.chainId);
  const errors: RequestFormResult['errors'] = {};
  const set = (field: RequestFormField, message: string | undefined) => {
    if (message) errors[field] = message;
  };
  set('contractAddress', validateContractAddress(input.contractAddress));
  set('chainId', chainId.error);
  set('sourceUrl', validateSourceUrl(input.sourceUrl));
  set('description', validateDescription(input.description));
  set('platform', validatePlatform(input.platform));
  if (Object.keys(errors).length > 0 || chainId.value === undefined) return { errors };
  return {
    errors,
    args: [input.contractAddress as `0x${string}`, chainId.value, input.sourceUrl, input.description, input.platform],
  };
}
