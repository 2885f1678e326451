// The encryption key pair of a manager or auditor, derived in the browser from a wallet signature over one fixed
// message, so that any wallet works, nothing secret is stored, and the same wallet finds the same key again on
// another day or device. The private key lives only in the tab's memory. No React here.
import { bytesToHex, hexToBytes, isHex, type Hex } from 'viem';
import { cryptoBytes } from './bytes';
import { EnvelopeError } from './errors';
import { KEY_VERSION, type EncryptionKeyPair } from './keyMessage';
import { X25519_KEY_BYTES } from './constants';
import { envelopeSuite } from './suite';

// HKDF-SHA256 (RFC 5869) salt and info: fixed labels, so the seed is bound to this use of the signature alone.
const HKDF_SALT = new TextEncoder().encode(`callisto-hub/audit-report-encryption-key/v${KEY_VERSION}`);
const HKDF_INFO = new TextEncoder().encode('X25519 key pair seed');

// secp256k1's group order: a signature (r, s) and (r, n - s) are both valid, and some wallets or libraries may
// return either, so the seed uses the low-s form and ignores v (27/28 or 0/1) to give one key per signer.
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function signatureSeedMaterial(signature: Hex): Uint8Array {
  if (!isHex(signature, { strict: true })) throw new EnvelopeError('malformed', 'The signature is not hex.');
  const bytes = hexToBytes(signature);
  if (bytes.length === 64 || bytes.length === 65) {
    const r = bytes.slice(0, 32);
    // A 64-byte signature is EIP-2098's compact form: the top bit of its second half carries y-parity.
    const sBytes = bytes.slice(32, 64);
    if (bytes.length === 64) sBytes[0] = sBytes[0]! & 0x7f;
    let s = BigInt(bytesToHex(sBytes));
    if (s > SECP256K1_N / 2n) s = SECP256K1_N - s;
    const out = new Uint8Array(64);
    out.set(r, 0);
    out.set(hexToBytes(`0x${s.toString(16).padStart(64, '0')}`), 32);
    return out;
  }
  // A smart-contract wallet (ERC-1271) may return any bytes; they are used as they are, if long enough to be secret.
  if (bytes.length > 65) return bytes;
  throw new EnvelopeError('malformed', `The signature is ${bytes.length} bytes; a wallet signature has at least 64.`);
}

/** The key pair the signature over `encryptionKeyMessage` derives: HKDF-SHA256 with fixed salt and info gives a
 * 32-byte seed, and the suite's `DeriveKeyPair` (RFC 9180 section 7.1.3) turns it into an X25519 key pair. */
export async function deriveEncryptionKeyPair(signature: Hex): Promise<EncryptionKeyPair> {
  const material = signatureSeedMaterial(signature);
  const hkdfKey = await crypto.subtle.importKey('raw', cryptoBytes(material), 'HKDF', false, ['deriveBits']);
  const seed = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: HKDF_INFO },
    hkdfKey,
    X25519_KEY_BYTES * 8,
  );
  const kem = envelopeSuite().kem;
  const pair = await kem.deriveKeyPair(seed);
  const publicKey = new Uint8Array(await kem.serializePublicKey(pair.publicKey));
  const privateKey = new Uint8Array(await kem.serializePrivateKey(pair.privateKey));
  return { publicKey: bytesToHex(publicKey), privateKey };
}
