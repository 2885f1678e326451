// The envelope's byte layout, version 1: self-describing (magic, version, HPKE suite ids), every length fixed or
// declared, and the limits checked from the fixed-size header before anything variable is read, so that a hostile
// file cannot make the page allocate or loop without bound. No React here.
//
//   offset  bytes  field
//   0       4      magic "CHRE" (Callisto Hub Report Envelope)
//   4       1      version (1)
//   5       2      HPKE kem id, big-endian (0x0020: DHKEM(X25519, HKDF-SHA256))
//   7       2      HPKE kdf id (0x0001: HKDF-SHA256)
//   9       2      HPKE aead id (0x0002: AES-256-GCM)
//   11      8      context: chain id, big-endian
//   19      20     context: audit registry address
//   39      32     context: request id, big-endian
//   71      20     context: auditor address
//   91      1      recipient count n (1 to MAX_RECIPIENTS)
//   92      132*n  recipients: account (20), X25519 public key (32), HPKE enc (32), wrapped content key (32 + 16 tag)
//   ...     12     content nonce (AES-256-GCM)
//   ...     4      ciphertext length c, big-endian (the report's length + 16)
//   ...     c      ciphertext of the report under the content key, tag included
//   ...     32     SHA-256 of every byte before it
//
// The context is in the clear on purpose: a reader tells "sealed for another request" from "altered". Everything
// before the ciphertext is the content's additional authenticated data, so no header byte can change unnoticed.
import { bytesToHex, getAddress, hexToBytes, type Address, type Hex } from 'viem';
import { cryptoBytes } from './bytes';
import { EnvelopeError } from './errors';
import { CONTENT_KEY_BYTES, ENC_BYTES, GCM_NONCE_BYTES, GCM_TAG_BYTES, SUITE_IDS, X25519_KEY_BYTES } from './constants';

export type EnvelopeContext = { chainId: number; registry: Address; requestId: bigint; auditor: Address };

export type EnvelopeRecipientEntry = {
  account: Address;
  publicKey: Hex;
  enc: Uint8Array;
  wrappedKey: Uint8Array;
};

export type ParsedEnvelope = {
  context: EnvelopeContext;
  recipients: EnvelopeRecipientEntry[];
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  /** Every byte before the ciphertext: the content's additional authenticated data. */
  authenticatedHeader: Uint8Array;
};

export const ENVELOPE_MAGIC = new Uint8Array([0x43, 0x48, 0x52, 0x45]); // "CHRE"
export const ENVELOPE_VERSION = 1;
/** Every manager of a registry, with room to spare; the registry has a handful. */
export const MAX_RECIPIENTS = 64;
/** The largest report an envelope carries: audit reports are Markdown or PDF of a few MB. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

const FIXED_HEADER_BYTES = 92;
export const WRAPPED_KEY_BYTES = CONTENT_KEY_BYTES + GCM_TAG_BYTES;
const RECIPIENT_BYTES = 20 + X25519_KEY_BYTES + ENC_BYTES + WRAPPED_KEY_BYTES;
const CHECKSUM_BYTES = 32;
const MIN_ENVELOPE_BYTES = FIXED_HEADER_BYTES + RECIPIENT_BYTES + GCM_NONCE_BYTES + 4 + GCM_TAG_BYTES + CHECKSUM_BYTES;
export const MAX_ENVELOPE_BYTES =
  FIXED_HEADER_BYTES +
  MAX_RECIPIENTS * RECIPIENT_BYTES +
  GCM_NONCE_BYTES +
  4 +
  MAX_REPORT_BYTES +
  GCM_TAG_BYTES +
  CHECKSUM_BYTES;

const UINT256_MAX = (1n << 256n) - 1n;

function bigintBytes(value: bigint, length: number): Uint8Array {
  return hexToBytes(`0x${value.toString(16).padStart(length * 2, '0')}`);
}

/** The context as bytes (chain id, registry, request id, auditor): bound into every HPKE wrap and the content. */
export function contextBytes(context: EnvelopeContext): Uint8Array {
  const { chainId, registry, requestId, auditor } = context;
  if (!Number.isSafeInteger(chainId) || chainId <= 0)
    throw new EnvelopeError('malformed', `Invalid chain id ${chainId}.`);
  if (requestId < 0n || requestId > UINT256_MAX)
    throw new EnvelopeError('malformed', `Invalid request id ${requestId}.`);
  const out = new Uint8Array(80);
  out.set(bigintBytes(BigInt(chainId), 8), 0);
  out.set(hexToBytes(getAddress(registry)), 8);
  out.set(bigintBytes(requestId, 32), 28);
  out.set(hexToBytes(getAddress(auditor)), 60);
  return out;
}

export function sameContext(a: EnvelopeContext, b: EnvelopeContext): boolean {
  return (
    a.chainId === b.chainId &&
    a.requestId === b.requestId &&
    a.registry.toLowerCase() === b.registry.toLowerCase() &&
    a.auditor.toLowerCase() === b.auditor.toLowerCase()
  );
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', cryptoBytes(bytes)));
}

function writeUint32(out: Uint8Array, offset: number, value: number): void {
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(offset, value);
}

/** Everything before the ciphertext, as `encodeEnvelope` lays it out: sealing computes it first, for the content's
 * additional authenticated data. */
export function encodeHeader(args: {
  context: EnvelopeContext;
  recipients: readonly EnvelopeRecipientEntry[];
  nonce: Uint8Array;
  ciphertextLength: number;
}): Uint8Array {
  const { context, recipients, nonce, ciphertextLength } = args;
  if (recipients.length < 1 || recipients.length > MAX_RECIPIENTS)
    throw new EnvelopeError(
      'malformed',
      `An envelope has 1 to ${MAX_RECIPIENTS} recipients, not ${recipients.length}.`,
    );
  const out = new Uint8Array(FIXED_HEADER_BYTES + recipients.length * RECIPIENT_BYTES + GCM_NONCE_BYTES + 4);
  const view = new DataView(out.buffer);
  out.set(ENVELOPE_MAGIC, 0);
  view.setUint8(4, ENVELOPE_VERSION);
  view.setUint16(5, SUITE_IDS.kem);
  view.setUint16(7, SUITE_IDS.kdf);
  view.setUint16(9, SUITE_IDS.aead);
  out.set(contextBytes(context), 11);
  view.setUint8(91, recipients.length);
  let offset = FIXED_HEADER_BYTES;
  for (const r of recipients) {
    out.set(hexToBytes(getAddress(r.account)), offset);
    out.set(hexToBytes(r.publicKey), offset + 20);
    out.set(r.enc, offset + 20 + X25519_KEY_BYTES);
    out.set(r.wrappedKey, offset + 20 + X25519_KEY_BYTES + ENC_BYTES);
    offset += RECIPIENT_BYTES;
  }
  out.set(nonce, offset);
  writeUint32(out, offset + GCM_NONCE_BYTES, ciphertextLength);
  return out;
}

/** The whole envelope: header, ciphertext and the SHA-256 checksum of both. */
export async function encodeEnvelope(header: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array> {
  const out = new Uint8Array(header.length + ciphertext.length + CHECKSUM_BYTES);
  out.set(header, 0);
  out.set(ciphertext, header.length);
  out.set(await sha256(out.subarray(0, header.length + ciphertext.length)), header.length + ciphertext.length);
  return out;
}

function malformed(message: string): EnvelopeError {
  return new EnvelopeError('malformed', `This is not a readable report envelope: ${message}`);
}

/**
 * Reads an envelope's structure and checks its checksum. Sizes are checked before anything variable is read, and
 * the declared lengths must add up to the exact length received. Throws 'malformed' for structure, 'tampered' for a
 * checksum that does not match (a byte changed after sealing).
 */
export async function parseEnvelope(bytes: Uint8Array): Promise<ParsedEnvelope> {
  if (bytes.length > MAX_ENVELOPE_BYTES)
    throw malformed(`it is ${bytes.length} bytes, more than the ${MAX_ENVELOPE_BYTES} an envelope can have.`);
  if (bytes.length < MIN_ENVELOPE_BYTES) throw malformed(`it is only ${bytes.length} bytes.`);
  if (!ENVELOPE_MAGIC.every((b, i) => bytes[i] === b)) throw malformed('it does not start with the envelope marker.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(4);
  if (version !== ENVELOPE_VERSION)
    throw malformed(`it is format version ${version}; this page reads version ${ENVELOPE_VERSION}.`);
  const kem = view.getUint16(5);
  const kdf = view.getUint16(7);
  const aead = view.getUint16(9);
  if (kem !== SUITE_IDS.kem || kdf !== SUITE_IDS.kdf || aead !== SUITE_IDS.aead)
    throw malformed(`it uses the HPKE suite (kem ${kem}, kdf ${kdf}, aead ${aead}), which this page does not read.`);
  const count = view.getUint8(91);
  if (count < 1 || count > MAX_RECIPIENTS) throw malformed(`it declares ${count} recipients.`);
  const recipientsEnd = FIXED_HEADER_BYTES + count * RECIPIENT_BYTES;
  const headerEnd = recipientsEnd + GCM_NONCE_BYTES + 4;
  if (bytes.length < headerEnd + GCM_TAG_BYTES + CHECKSUM_BYTES) throw malformed('it is shorter than its header.');
  const ciphertextLength = view.getUint32(recipientsEnd + GCM_NONCE_BYTES);
  if (ciphertextLength < GCM_TAG_BYTES || ciphertextLength > MAX_REPORT_BYTES + GCM_TAG_BYTES)
    throw malformed(`it declares a ciphertext of ${ciphertextLength} bytes.`);
  if (headerEnd + ciphertextLength + CHECKSUM_BYTES !== bytes.length)
    throw malformed(
      `its declared lengths add up to ${headerEnd + ciphertextLength + CHECKSUM_BYTES} bytes, not ${bytes.length}.`,
    );

  const bodyEnd = headerEnd + ciphertextLength;
  const checksum = await sha256(bytes.subarray(0, bodyEnd));
  if (!checksum.every((b, i) => bytes[bodyEnd + i] === b))
    throw new EnvelopeError('tampered', 'The envelope was changed after it was sealed: its checksum does not match.');

  const chainId = view.getBigUint64(11);
  if (chainId === 0n || chainId > BigInt(Number.MAX_SAFE_INTEGER))
    throw malformed(`its chain id ${chainId} is invalid.`);
  const context: EnvelopeContext = {
    chainId: Number(chainId),
    registry: getAddress(bytesToHex(bytes.subarray(19, 39))),
    requestId: BigInt(bytesToHex(bytes.subarray(39, 71))),
    auditor: getAddress(bytesToHex(bytes.subarray(71, 91))),
  };
  const recipients: EnvelopeRecipientEntry[] = [];
  for (let i = 0, offset = FIXED_HEADER_BYTES; i < count; i++, offset += RECIPIENT_BYTES) {
    recipients.push({
      account: getAddress(bytesToHex(bytes.subarray(offset, offset + 20))),
      publicKey: bytesToHex(bytes.subarray(offset + 20, offset + 20 + X25519_KEY_BYTES)),
      enc: bytes.slice(offset + 20 + X25519_KEY_BYTES, offset + 20 + X25519_KEY_BYTES + ENC_BYTES),
      wrappedKey: bytes.slice(offset + 20 + X25519_KEY_BYTES + ENC_BYTES, offset + RECIPIENT_BYTES),
    });
  }
  return {
    context,
    recipients,
    nonce: bytes.slice(recipientsEnd, recipientsEnd + GCM_NONCE_BYTES),
    ciphertext: bytes.subarray(headerEnd, bodyEnd),
    authenticatedHeader: bytes.subarray(0, headerEnd),
  };
}
