// An envelope fetched from the host nodes and verified against its CID block by block before a byte of it is
// decrypted: a node cannot substitute another envelope. No React here.
import { MAX_ENVELOPE_BYTES } from '@/lib/audits/envelope/format';
import { downloadVerifiedFromNodes, type DownloadProgress } from '@/lib/files/verifiedDownload';

export class EnvelopeDownloadError extends Error {
  override readonly name = 'EnvelopeDownloadError';
}

/** The envelope's bytes, from the first node whose copy verifies. */
export async function downloadEnvelope(
  endpoints: readonly string[],
  cid: string,
  options: { signal?: AbortSignal; onProgress?: (progress: DownloadProgress) => void } = {},
): Promise<Uint8Array> {
  if (endpoints.length === 0) throw new EnvelopeDownloadError('No host node is elected to read the envelope from.');
  const { content } = await downloadVerifiedFromNodes(endpoints, cid, { ...options, name: 'envelope' });
  const file = content.kind === 'file' && content.files.length === 1 ? content.files[0] : undefined;
  if (!file) throw new EnvelopeDownloadError('The envelope address names a folder, not one envelope file.');
  if (file.size > MAX_ENVELOPE_BYTES)
    throw new EnvelopeDownloadError(`The envelope is ${file.size} bytes, more than an envelope can be.`);
  return new Uint8Array(await file.blob.arrayBuffer());
}
