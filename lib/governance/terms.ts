// What a proposal is and does, in words: its kind, and whether another contract carried its action out.
import {
  executionFailed,
  isAuditManagerKind,
  isHostNodeKind,
  isStorageParam,
  ProposalKind,
  ProposalStatus,
  type Proposal,
} from './proposal';

export function kindLabel(kind: number): string {
  if (kind === ProposalKind.Funding) return 'Funding';
  if (kind === ProposalKind.SetParameter) return 'Parameter change';
  if (kind === ProposalKind.AppointAuditManager) return 'Appoint audit manager';
  if (kind === ProposalKind.DismissAuditManager) return 'Dismiss audit manager';
  if (kind === ProposalKind.ElectHostNode) return 'Elect IPFS host node';
  if (kind === ProposalKind.RemoveHostNode) return 'Remove IPFS host node';
  return `Kind ${kind}`;
}

/** The contract that carries out an accepted proposal's action and may refuse it (the call runs in try/catch),
 * or undefined when nothing can refuse it (funding, the treasury's own parameters). */
export function executionTarget(
  p: Pick<Proposal, 'kind' | 'param'>,
): 'the audit registry' | 'the file system' | undefined {
  if (isAuditManagerKind(p.kind)) return 'the audit registry';
  if (isHostNodeKind(p.kind)) return 'the file system';
  if (p.kind === ProposalKind.SetParameter && isStorageParam(p.param)) return 'the file system';
  return undefined;
}

/** Whether an accepted action that another contract carries out took effect, in words; undefined for other
 * kinds and before acceptance. A refused action stays Accepted with `executed` false. */
export function executionLabel(
  p: Pick<Proposal, 'kind' | 'status' | 'executed' | 'param'>,
): 'Took effect' | 'Accepted, but the registry refused it' | 'Accepted, but the file system refused it' | undefined {
  const target = executionTarget(p);
  if (!target || p.status !== ProposalStatus.Accepted) return undefined;
  if (!executionFailed(p)) return 'Took effect';
  return target === 'the audit registry'
    ? 'Accepted, but the registry refused it'
    : 'Accepted, but the file system refused it';
}

// ---- audit manager proposals ---------------------------------------------------------------------------------

/** The change an audit manager proposal makes, in words: "Appoint 0x… (contact)" or "Dismiss 0x…". */
export function describeAuditManagerChange(p: Pick<Proposal, 'kind' | 'subject' | 'contact'>): string {
  if (p.kind === ProposalKind.AppointAuditManager) {
    return `Appoint ${p.subject}${p.contact ? ` (contact: ${p.contact})` : ''}`;
  }
  return `Dismiss ${p.subject}`;
}
