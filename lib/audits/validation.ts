// The registry's forms checked as the contract checks them: the request form, the auditor's report link, the
// manager's reject reason, error count, complexity and verdict, and a nominated auditor's address and contact. Each
// rule has the contract's bound and, field by field, the words of its revert reason (without the "Audits: "
// prefix), so that a form the app accepts is never refused on chain for its content. No React here.
import { isAddress, type Address } from 'viem';
import { SEVERITY_FIELDS, type SeverityKey } from './requests';
import type { SeverityCounts } from './types';

const MAX_CONTACT_BYTES = 100;
const MAX_URL_BYTES = 256;
export const MAX_DESCRIPTION_BYTES = 500;
const MAX_PLATFORM_BYTES = 32;
const MAX_REASON_BYTES = 200;
const MAX_ERRORS = 1000;
/** The largest complexity a manager may give at reveal: EIP-170's limit on a contract's code (24 KiB). */
const MAX_COMPLEXITY_BYTES = 24_576;
const MAX_CHAIN_ID = 2n ** 64n - 1n;
const MAX_UINT16 = 65_535;
const URL_PREFIXES = ['https://', 'ipfs://'] as const;

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
} as const;

/** A contract revert reason ("Audits: platform must be ...") as the form shows it ("Platform must be ..."). */
export function reasonToMessage(reason: string): string {
  const text = reason.replace(/^Audits: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** UTF-8 bytes, as the contract counts a string's length. */
export const byteLength = (text: string): number => new TextEncoder().encode(text).length;
const within = (text: string, max: number): boolean => {
  const length = byteLength(text);
  return length >= 1 && length <= max;
};
const ZERO_ADDRESS = /^0x0{40}$/i;

export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

function parseWhole(raw: string, what: string, min: bigint, max: bigint): Parsed<bigint> {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return { error: `${what} must be a whole number` };
  const value = BigInt(text);
  if (value < min || value > max) return { error: `${what} must be ${min.toString()} to ${max.toString()}` };
  return { value };
}

/** Parses a decimal chain id, 1 .. 2^64 - 1. */
export function parseChainId(raw: string): Parsed<bigint> {
  const parsed = parseWhole(raw, 'Chain id', 1n, MAX_CHAIN_ID);
  if (parsed.error === undefined) return parsed;
  return /^\d+$/.test(raw.trim()) ? { error: reasonToMessage(Reasons.chainId) } : parsed;
}

function validateContractAddress(address: string): string | undefined {
  if (!isAddress(address, { strict: false })) return 'Contract address must be 0x and 40 hex digits';
  if (ZERO_ADDRESS.test(address)) return reasonToMessage(Reasons.contractAddress);
  return undefined;
}

function validateSourceUrl(url: string): string | undefined {
  if (!within(url, MAX_URL_BYTES)) return reasonToMessage(Reasons.sourceUrlLength);
  if (!URL_PREFIXES.some((prefix) => url.startsWith(prefix))) return reasonToMessage(Reasons.sourceUrlPrefix);
  return undefined;
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
  args?: readonly [Address, bigint, string, string, string];
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
  set(
    'description',
    within(input.description, MAX_DESCRIPTION_BYTES) ? undefined : reasonToMessage(Reasons.description),
  );
  set('platform', within(input.platform, MAX_PLATFORM_BYTES) ? undefined : reasonToMessage(Reasons.platform));
  const address = input.contractAddress;
  if (Object.keys(errors).length > 0 || chainId.value === undefined || !isAddress(address, { strict: false })) {
    return { errors };
  }
  return { errors, args: [address, chainId.value, input.sourceUrl, input.description, input.platform] };
}

/** The auditor's private report link: where the manager will read it, and what the registry shows once it is
 * revealed, so it must be a link the app can show (https: or ipfs:). */
export function validateReportLink(link: string): string | undefined {
  if (link === '') return 'Paste the link of your private report';
  if (link !== link.trim()) return 'Remove the spaces around the link: they would change its hash';
  if (!URL_PREFIXES.some((prefix) => link.startsWith(prefix))) return 'The link must start with https:// or ipfs://';
  return reportLinkLengthProblem(link);
}

/** The registry stores a revealed link of at most 256 bytes (`MAX_LINK_BYTES`): a longer one could be committed
 * but never revealed, so it is refused before its hash is committed. */
export const MAX_REPORT_LINK_BYTES = 256;

export function reportLinkLengthProblem(link: string): string | undefined {
  const bytes = byteLength(link);
  return bytes > MAX_REPORT_LINK_BYTES
    ? `The link must be at most ${MAX_REPORT_LINK_BYTES} bytes, as the registry stores it (this one is ${bytes.toLocaleString('en-US')})`
    : undefined;
}

/** The vulnerabilities a signed report missed, 0 .. 1000 as the contract allows. */
export function parseErrorCount(raw: string): Parsed<bigint> {
  return parseWhole(raw, 'Errors', 0n, BigInt(MAX_ERRORS));
}

/** The code size a manager gives at reveal when the contract cannot measure it, 1 .. 24,576 bytes. */
export function parseComplexity(raw: string): Parsed<bigint> {
  const parsed = parseWhole(raw, 'Complexity (bytes)', 1n, BigInt(MAX_COMPLEXITY_BYTES));
  return parsed.error === undefined
    ? parsed
    : { error: 'Complexity must be a whole number of bytes, 1 to 24,576 (the largest contract code, EIP-170)' };
}

/** One count of findings of a verdict, 0 .. 65535 (the contract's uint16). */
export function parseFindingCount(raw: string, label: string): Parsed<number> {
  const parsed = parseWhole(raw, label, 0n, BigInt(MAX_UINT16));
  return parsed.error === undefined ? { value: Number(parsed.value) } : parsed;
}

/** The five severity counts of a verdict, each 0 .. 65535 (uint16). */
export function parseSeverity(raw: Record<SeverityKey, string>): {
  value?: SeverityCounts;
  errors: Partial<Record<SeverityKey, string>>;
} {
  const errors: Partial<Record<SeverityKey, string>> = {};
  const count = (key: SeverityKey): number => {
    const label = SEVERITY_FIELDS.find((field) => field.key === key)?.label ?? key;
    const parsed = parseFindingCount(raw[key], label);
    if (parsed.error !== undefined) errors[key] = parsed.error;
    return parsed.value ?? 0;
  };
  const value: SeverityCounts = {
    critical: count('critical'),
    high: count('high'),
    medium: count('medium'),
    low: count('low'),
    owner_privileges: count('owner_privileges'),
  };
  return Object.keys(errors).length > 0 ? { errors } : { value, errors };
}

export function validateMemberAddress(address: string): string | undefined {
  if (!isAddress(address, { strict: false })) return 'Address must be 0x and 40 hex digits';
  if (ZERO_ADDRESS.test(address)) return 'Address must not be the zero address';
  return undefined;
}
