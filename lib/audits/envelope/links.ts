// A report stored on the Callisto File System is named by its content: the link the auditor commits to (and the
// manager reveals) is `ipfs://<cid>`, with the CID that `ipfs add --cid-version 1` prints for the plaintext. The
// commitment hashes the link's exact text, so only that one spelling of the CID is accepted. No React here.
import { CID } from 'multiformats/cid';

/** The report link of a plaintext CID, as committed with `linkCommitment` and revealed on chain. Throws for a
 * string that is not a CIDv1 in its base32 form, so a typo or another spelling never becomes a commitment. */
export function reportLinkOf(cid: string): string {
  let parsed: CID;
  try {
    parsed = CID.parse(cid);
  } catch {
    throw new Error(`"${cid}" is not a CID.`);
  }
  if (parsed.version !== 1 || parsed.toString() !== cid)
    throw new Error(`"${cid}" is not written as \`ipfs add --cid-version 1\` writes it (${parsed.toV1().toString()}).`);
  return `ipfs://${cid}`;
}
