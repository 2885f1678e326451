// Where the archive copy of a revealed report stands, from the archive's record and the file system's entry: what a
// reader is told beside the report, and what a manager holding the plaintext can still do. No React here.
import type { FileEntry } from '@/lib/files/types';
import { fileState } from '@/lib/files/fileState';

export type ArchiveCopyState =
  /** The registry keeps no archive, or the report's link is not a bare ipfs:// CID: nothing is stored by the app. */
  | { kind: 'none' }
  /** The archive holds no file for the report now (revealed before the archive, or its upload was released). */
  | { kind: 'not-stored' }
  /** Registered, and no host node has confirmed holding it yet: until one does, sending the bytes again helps. */
  | { kind: 'waiting'; fileId: bigint; expiresAt: bigint }
  /** At least one elected node confirmed holding exactly these bytes. */
  | { kind: 'confirmed'; fileId: bigint; confirmations: number }
  /** Its day passed with no confirmation: anyone releases it and a manager stores it again. */
  | { kind: 'expired'; fileId: bigint };

export function archiveCopyStateOf(
  record: { stored: boolean; fileId: bigint } | undefined,
  file: Pick<FileEntry, 'status' | 'expires_at' | 'confirmations'> | undefined,
  now: bigint,
): ArchiveCopyState {
  if (!record) return { kind: 'none' };
  if (!record.stored) return { kind: 'not-stored' };
  if (!file) return { kind: 'waiting', fileId: record.fileId, expiresAt: 0n };
  const state = fileState(file, now);
  if (state === 'counted' || file.confirmations > 0) {
    return { kind: 'confirmed', fileId: record.fileId, confirmations: file.confirmations };
  }
  if (state === 'pending') return { kind: 'waiting', fileId: record.fileId, expiresAt: file.expires_at };
  return { kind: 'expired', fileId: record.fileId };
}
