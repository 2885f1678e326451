// One order for every reveal that stores a report in the audit archive: the plaintext goes to a host node first
// (staged there, unregistered, for the node's grace period of an hour by default), and only then may the reveal
// transaction pay the deposit. So the chain never points at a report no node holds; a failed send costs nothing
// and is simply retried; a reveal that fails or is never signed leaves staged bytes the node drops unregistered.
// No React here.
import type { ArchivePlan } from './archivePlan';

/** What the reveal transaction sends to the archive: the link it publishes, the size stored and the deposit. */
export type ArchiveRevealInput = { link: string; size: bigint; deposit: bigint };

/** Where sending the plaintext to the host nodes stands. `cid` names the bytes a node accepted. */
export type ArchiveSendState =
  | { step: 'idle' }
  | { step: 'sending'; loaded: number; total: number | undefined }
  | { step: 'sent'; cid: string; endpoint: string }
  | { step: 'failed'; message: string };

/**
 * The reveal's input once every condition holds, or the first one that does not, in the words shown beside the
 * reveal button: a report that is the committed one, sent to a node (these very bytes), with a deposit quoted.
 */
export function archiveRevealInput(
  plan: ArchivePlan | undefined,
  send: ArchiveSendState,
  deposit: bigint | undefined,
): ArchiveRevealInput | { error: string } {
  if (!plan) return { error: 'Choose the report file: the reveal stores it on the Callisto File System' };
  if (!plan.matchesCommitment) {
    return { error: 'This report does not hash to the commitment on chain, so it cannot be revealed' };
  }
  if (send.step === 'sending') return { error: 'Wait until the report has reached a host node' };
  if (send.step !== 'sent' || send.cid !== plan.cid) {
    return { error: 'Send the report to the host nodes first: the reveal pays for a file a node already holds' };
  }
  if (deposit === undefined) return { error: 'The deposit is not known yet' };
  return { link: plan.link, size: plan.size, deposit };
}
