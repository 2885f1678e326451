// A proposal's description stored on the Callisto File System by the proposal form itself: the exact UTF-8 bytes
// of the text are hashed twice, once into their CID (as `ipfs add --cid-version 1` would) and once with
// Keccak-256, so the `ipfs://<cid>` address and the hash on chain name the same bytes by construction. And, for a
// description published elsewhere, what the form's own fetch of it says. No React here.
import { computeCid } from '@callisto-hub/unixfs';
import { keccak256, type Hex } from 'viem';
import { validateFilePath } from '@/lib/files/paths';
import type { DescriptionResult } from './description';
import type { FieldErrors } from './newProposal';

export interface StoredDescription {
  bytes: Uint8Array;
  cid: string;
  /** `ipfs://<cid>`: the proposal's description URL. */
  url: string;
  /** Keccak-256 of the same bytes: the proposal's description hash. */
  hash: Hex;
  size: bigint;
}

/** The name the description's bytes are imported under (a single file's CID does not depend on it). */
export const DESCRIPTION_FILE_NAME = 'description.md';

export async function storedDescriptionOf(text: string): Promise<StoredDescription> {
  const bytes = new TextEncoder().encode(text);
  const { cid, size } = await computeCid([
    {
      path: DESCRIPTION_FILE_NAME,
      content: (async function* () {
        yield bytes;
      })(),
    },
  ]);
  return { bytes, cid, url: `ipfs://${cid}`, hash: keccak256(bytes), size };
}

/**
 * Where the description goes under the author's home directory: `proposals/`, as the seed stores them, named by
 * its CID. The same text always has the same path, so a second attempt (a rejected wallet prompt, a node that
 * failed, an edited title) finds the file it already paid for instead of paying again; two texts never share one.
 */
export function descriptionFilePath(cid: string): string {
  const path = `proposals/${cid}.md`;
  // A CID is base32 or base58 letters and digits: always a valid path, checked anyway.
  const problem = validateFilePath(path);
  if (problem) throw new Error(problem);
  return path;
}

/**
 * What stops a proposal whose description is at an external URL, from the form's own fetch of it: nothing when
 * the bytes there hash to the hash given; otherwise, in words, why the form will not send it.
 */
export function externalDescriptionProblem(result: DescriptionResult): string | undefined {
  switch (result.state) {
    case 'verified':
      return undefined;
    case 'mismatch':
      return `The text at this URL does not match the hash: its Keccak-256 is ${result.actualHash}. Publish exactly the text you describe, or store it on the Callisto File System instead.`;
    case 'unavailable':
      return `The form could not fetch the URL (${result.reason}): the server is unreachable or does not let other sites read it (CORS). Voters' browsers would fail the same way; store the description on the Callisto File System instead.`;
    case 'not-fetched':
      return 'This network has no elected IPFS host node to read the ipfs:// address from, so the hash cannot be checked.';
    case 'unsupported':
      return 'The address is not an https:// or ipfs:// URL the app can read.';
  }
}

/**
 * The form's field errors with the description's storage taken into account: stored on the file system, the form
 * fills the address itself, so the URL field has nothing to say; published at a URL, the URL field also says why
 * the form's fetch of it refuses it.
 */
export function withDescriptionChecks(
  errors: FieldErrors,
  { onFileSystem, urlProblem }: { onFileSystem: boolean; urlProblem: string | undefined },
): FieldErrors {
  const { descriptionUrl, ...rest } = errors;
  if (onFileSystem) return rest;
  const problem = descriptionUrl ?? urlProblem;
  return problem ? { ...rest, descriptionUrl: problem } : rest;
}
