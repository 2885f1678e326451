// Why a revealed ipfs:// report could not be shown verified, in one plain sentence a reader can act on: the archive
// holds no copy, no host node has it, or a node sent bytes that do not match the committed CID (refused). The
// archive's own state comes first: when it holds no copy, "no node has it" is its consequence, not the cause.
// No React here.
import type { ArchiveCopyState } from './archiveCopy';

export type ReadProblem = { kind: 'not-stored' | 'no-node' | 'mismatch' | 'unreachable'; text: string };

/** The kinds of a node's failure (VerificationErrorKind in lib/files/verifiedDownload.ts) that mean its bytes were
 * refused: something was sent, and it was not the report. */
const MISMATCH = new Set(['hash-mismatch', 'wrong-root', 'missing-block', 'malformed', 'unsupported']);

export function readProblemOf(failureKinds: readonly string[], copy: ArchiveCopyState | undefined): ReadProblem {
  if (copy?.kind === 'not-stored' || copy?.kind === 'expired') {
    return {
      kind: 'not-stored',
      text: 'Not stored: the audit archive holds no copy of this report now, so the host nodes need not keep it. A manager can store it again.',
    };
  }
  if (failureKinds.some((kind) => MISMATCH.has(kind))) {
    return {
      kind: 'mismatch',
      text: 'Content does not match: a host node sent bytes that do not hash to the report’s CID. They were refused; nothing of them is shown.',
    };
  }
  if (failureKinds.length > 0 && failureKinds.every((kind) => kind === 'not-found')) {
    return { kind: 'no-node', text: 'No node has it: none of the elected host nodes holds this report now.' };
  }
  if (failureKinds.length === 0) {
    return { kind: 'no-node', text: 'No node has it: no host node is elected to read it from.' };
  }
  return {
    kind: 'unreachable',
    text: 'No host node holding it could be reached or answered: try again later.',
  };
}
