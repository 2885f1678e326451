// The manager's transactions on a request, made ready from the forms' inputs: each builder validates what the user
// typed as the contract will, and returns either the contract call to send or the problem in words. The forms send
// what these return, so a rule lives here once and is tested without a page. No React here.
import type { Address } from 'viem';
import { auditRegistryAbi } from '../../contracts-abi/AuditRegistry';
import type { ContractWrite } from '../tx/runTransaction';
import { linkMatchesCommitment } from './commitments';
import type { SeverityKey } from './requests';
import type { AuditReport } from './types';
import {
  parseComplexity,
  parseErrorCount,
  parseSeverity,
  reportLinkLengthProblem,
  validateRejectReason,
} from './validation';

type ManagerFunction = 'reject' | 'sign_report' | 'reveal_report' | 'complete';
/** The ready call, or what keeps the inputs from making one. */
export type CallOrProblem<name extends ManagerFunction> =
  ContractWrite<typeof auditRegistryAbi, name> | { error: string };

function callOf<name extends ManagerFunction>(registry: Address, functionName: name) {
  return { address: registry, abi: auditRegistryAbi, functionName } as const;
}

/** `reject(id, reason)`: the reason is public, 1 to 200 bytes. */
export function rejectCall(registry: Address, id: bigint, reason: string): CallOrProblem<'reject'> {
  const error = validateRejectReason(reason);
  return error ? { error } : { ...callOf(registry, 'reject'), args: [id, reason] };
}

/** `sign_report(id, auditor, errors)`: the report chosen, with the vulnerabilities it missed (0 to 1000). */
export function signReportCall(
  registry: Address,
  id: bigint,
  auditor: Address | undefined,
  errorsText: string,
): CallOrProblem<'sign_report'> {
  if (!auditor) return { error: 'No committed report is waiting to be signed' };
  const errors = parseErrorCount(errorsText);
  if (errors.error !== undefined) return { error: errors.error };
  return { ...callOf(registry, 'sign_report'), args: [id, auditor, errors.value] };
}

/** Why `link` cannot reveal `report`: missing, or not the link whose Keccak-256 the auditor committed. */
export function revealLinkProblem(link: string, report: Pick<AuditReport, 'commitment'> | undefined) {
  if (link === '') return 'Paste the report link the auditor sent you';
  const tooLong = reportLinkLengthProblem(link);
  if (tooLong) return tooLong;
  if (report && !linkMatchesCommitment(link, report.commitment)) {
    return 'This link does not match the auditor’s commitment: its Keccak-256 differs. Check for a changed or missing character.';
  }
  return undefined;
}

/**
 * `reveal_report(id, auditor, link, complexity)`. The contract measures the code itself when the request is on this
 * chain and the address has code (`complexity_of` is then above 0, and 0 is sent); otherwise the manager gives the
 * size, 1 to 24,576 bytes.
 */
export function revealReportCall(
  registry: Address,
  id: bigint,
  report: Pick<AuditReport, 'auditor' | 'commitment'> | undefined,
  link: string,
  complexity: { needed: boolean; text: string },
  archive?: ArchiveCopy,
): CallOrProblem<'reveal_report'> {
  if (!report) return { error: 'No signed report is waiting to be revealed' };
  const linkError = revealLinkProblem(link, report);
  if (linkError) return { error: linkError };
  const size = complexity.needed ? parseComplexity(complexity.text) : { value: 0n };
  if (size.error !== undefined) return { error: size.error };
  const args = [id, report.auditor, link, size.value, archive?.size ?? 0n] as const;
  // The registry passes msg.value to the archive as the file's deposit; any other link takes no CLO.
  return archive
    ? { ...callOf(registry, 'reveal_report'), args, value: archive.deposit }
    : { ...callOf(registry, 'reveal_report'), args };
}

/** The archive copy a reveal pays for: the report's size in bytes and the deposit (CallistoFS `quote(size)`). */
export type ArchiveCopy = { size: bigint; deposit: bigint };

/**
 * Whether the registry archives `link` on reveal (when its `archive` is set): `ipfs://` then a bare CIDv1 in
 * base32, as the contract's `_is_ipfs_cid_link` (1 to 100 characters of [a-z2-7], `b` first). A path after the
 * CID or a gateway URL is not archived and takes no size and no CLO.
 */
export function isArchivedLink(link: string): boolean {
  return /^ipfs:\/\/b[a-z2-7]{0,99}$/.test(link);
}

/** `complete(id, passed, severity)`: the verdict and the five counts of findings. */
export function completeCall(
  registry: Address,
  id: bigint,
  verdict: 'passed' | 'failed' | '',
  counts: Record<SeverityKey, string>,
): CallOrProblem<'complete'> {
  if (verdict === '') return { error: 'Choose the verdict' };
  const severity = parseSeverity(counts);
  if (!severity.value) return { error: Object.values(severity.errors)[0] ?? 'Check the counts of findings' };
  return { ...callOf(registry, 'complete'), args: [id, verdict === 'passed', severity.value] };
}
