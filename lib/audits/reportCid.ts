// The name of a report on the Callisto File System: the CID `ipfs add --cid-version 1` prints for its bytes, and the
// link `ipfs://<cid>` the auditor commits to and the manager reveals. The auditor's delivery and the manager's
// reveal compute it the same way, so the link one commits is the link the other reveals. No React here.
import { computeCid } from '@callisto-hub/unixfs';
import { reportLinkOf } from './envelope/links';

/** The CID, `ipfs://` link and size of a report's bytes, stored as one file. */
export async function reportCidOf(bytes: Uint8Array): Promise<{ cid: string; link: string; size: bigint }> {
  // A single file's CID does not depend on its name: the host node computes the same from the upload.
  const { cid, size } = await computeCid([
    {
      path: 'report',
      content: (async function* () {
        yield bytes;
      })(),
    },
  ]);
  return { cid, link: reportLinkOf(cid), size };
}
