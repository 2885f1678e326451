// The whole audit archive as one CARv1 file: every revealed ipfs:// report's verified blocks, with each report's
// root CID among the CAR's roots, so `ipfs dag import` (or any CAR tool) restores every report under its own CID.
// Blocks shared by two reports are written once. No React and no network here: the caller fetches and verifies.
import { CarWriter } from '@ipld/car/writer';
import type { CID } from 'multiformats/cid';

export interface ArchiveBlock {
  cid: CID;
  bytes: Uint8Array;
}

export interface ArchivePart {
  /** The report's root CID: one of the CAR's roots. */
  root: CID;
  /** Its blocks, each already checked against its CID. */
  blocks: Iterable<ArchiveBlock>;
}

/**
 * Writes the parts as a CARv1 and returns its bytes in chunks (ready for a Blob). Roots keep the order of the
 * parts, each root once; a block already written (the same CID) is not written again.
 */
export async function writeArchiveCar(parts: readonly ArchivePart[]): Promise<Uint8Array[]> {
  const roots: CID[] = [];
  for (const part of parts) if (!roots.some((r) => r.equals(part.root))) roots.push(part.root);
  const { writer, out } = CarWriter.create(roots);
  // The writer waits for its output to be read: read it while writing.
  const chunks: Uint8Array[] = [];
  const reading = (async () => {
    for await (const chunk of out) chunks.push(chunk);
  })();
  try {
    const written = new Set<string>();
    for (const part of parts) {
      for (const block of part.blocks) {
        const key = block.cid.toString();
        if (written.has(key)) continue;
        written.add(key);
        await writer.put(block);
      }
    }
  } finally {
    await writer.close();
  }
  await reading;
  return chunks;
}
