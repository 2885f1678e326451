// The auditor's private delivery, without React: the report's plaintext CID, its `ipfs://` link and the link's
// Keccak-256 commitment; who the envelope is sealed for; the envelope's exact size before sealing (so its deposit is
// quoted before any signature); and where the envelope is stored under the auditor's home directory.
import { getAddress, type Address, type Hex } from 'viem';
import { linkCommitment } from '@/lib/audits/commitments';
import { MAX_REPORT_BYTES } from '@/lib/audits/envelope/format';
import { isEncryptionPublicKey } from '@/lib/audits/envelope/keyMessage';
import { selectRecipients } from '@/lib/audits/envelope/recipients';
import { reportCidOf } from '@/lib/audits/reportCid';
import type { EnvelopeRecipient } from '@/lib/audits/envelope/seal';
import {
  CONTENT_KEY_BYTES,
  ENC_BYTES,
  GCM_NONCE_BYTES,
  GCM_TAG_BYTES,
  X25519_KEY_BYTES,
} from '@/lib/audits/envelope/constants';
import { validateFilePath } from '@/lib/files/paths';
import { formatBytes } from '@/lib/files/units';

/** A report ready to seal: its bytes and the names the registry and the file system will know it by. */
export interface PreparedReport {
  bytes: Uint8Array;
  /** The plaintext's CID, as `ipfs add --cid-version 1` prints it. */
  cid: string;
  /** `ipfs://<cid>`: the link the auditor commits to and the manager reveals. */
  link: string;
  /** Keccak-256 of the link's bytes: what `submit_report` records. */
  commitment: Hex;
  size: bigint;
}

/** Why a report of these bytes cannot be delivered, in words; undefined when it can. */
export function reportSizeProblem(size: number): string | undefined {
  if (size === 0) return 'The report is empty.';
  if (size > MAX_REPORT_BYTES)
    return `The report is ${formatBytes(BigInt(size))}; a delivered report is at most ${formatBytes(BigInt(MAX_REPORT_BYTES))}.`;
  return undefined;
}

/** The CID, link and commitment of `bytes`, computed as the managers and the registry will recompute them. */
export async function prepareReport(bytes: Uint8Array): Promise<PreparedReport> {
  const problem = reportSizeProblem(bytes.length);
  if (problem) throw new Error(problem);
  const { cid, link, size } = await reportCidOf(bytes);
  return { bytes, cid, link, commitment: linkCommitment(link), size };
}

/** Who the envelope is sealed for, and who is left out, said to the auditor before sealing. */
export interface DeliveryRecipients {
  /** Every current manager with a registered key, then the auditor when its own key is registered. */
  recipients: EnvelopeRecipient[];
  /** Current managers (in office) with a registered key: the readers the registry counts on. */
  managersWithKey: Address[];
  /** Current managers with no key registered: they could not read the report. */
  managersWithoutKey: Address[];
  /** Whether the auditor's own key is among the recipients, so it can reopen its delivery. */
  auditorIncluded: boolean;
}

/**
 * The recipients of a delivery: the current managers (`active_role`) with their keys (`keys[i]` for
 * `managers[i]`), plus the auditor's own key when registered. Adding the auditor weakens nothing: it wrote the
 * report, and its wrap is one more HPKE wrap of the same content key under its own key. Dismissed managers are left
 * out whatever their key.
 */
export function deliveryRecipients(
  managers: readonly { account: Address; active_role: boolean }[],
  keys: readonly (Hex | undefined)[],
  auditor: Address,
  auditorKey: Hex | undefined,
): DeliveryRecipients {
  if (keys.length !== managers.length) throw new RangeError('One key per manager is needed.');
  const current = managers.flatMap((m, i) => (m.active_role ? [{ account: getAddress(m.account), key: keys[i] }] : []));
  const selection = selectRecipients(
    current.map((m) => m.account),
    current.map((m) => m.key),
  );
  const auditorIncluded =
    isEncryptionPublicKey(auditorKey) && !selection.recipients.some((r) => r.account === getAddress(auditor));
  return {
    recipients: auditorIncluded
      ? [...selection.recipients, { account: getAddress(auditor), publicKey: auditorKey! }]
      : selection.recipients,
    managersWithKey: selection.recipients.map((r) => r.account),
    managersWithoutKey: selection.withoutKey,
    auditorIncluded,
  };
}

/** The envelope's exact size for a report of `reportBytes` sealed for `recipientCount` accounts (the layout of
 * lib/audits/envelope/format.ts): header, one entry a recipient, nonce, length, ciphertext with its tag, checksum. */
export function envelopeSizeFor(reportBytes: bigint, recipientCount: number): bigint {
  const header = 92n;
  const perRecipient = BigInt(20 + X25519_KEY_BYTES + ENC_BYTES + CONTENT_KEY_BYTES + GCM_TAG_BYTES);
  return (
    header +
    perRecipient * BigInt(recipientCount) +
    BigInt(GCM_NONCE_BYTES) +
    4n +
    reportBytes +
    BigInt(GCM_TAG_BYTES) +
    32n
  );
}

/** The name the envelope's bytes are sent under. */
export const ENVELOPE_FILE_NAME = 'report.envelope';

/**
 * Where the envelope is stored under the auditor's home directory: `audits/<request id>/<envelope cid>.envelope`.
 * Named by the envelope's own CID, not the report's: sealing is randomised, so two seals of the same report are two
 * different files, and a path named by content is never "already in use" by another one. The same sealed envelope
 * always has the same path, so a retry finds the deposit it already paid.
 */
export function envelopeFilePath(requestId: bigint, envelopeCid: string): string {
  const path = `audits/${requestId.toString()}/${envelopeCid}.envelope`;
  const problem = validateFilePath(path);
  if (problem) throw new Error(problem);
  return path;
}
