// The fixed message a wallet signs to derive its audit-report encryption key, and the shape of that key: light
// enough for a page's first load (the HPKE code that derives the key is in keys.ts, loaded when needed). No React.
import { getAddress, hexToBytes, isHex, type Address, type Hex } from 'viem';

export type EncryptionKeyPair = {
  /** The X25519 public key, 32 bytes: what `set_encryption_key` stores in the audit registry. */
  publicKey: Hex;
  /** The X25519 private key, 32 bytes. Never stored, never sent. */
  privateKey: Uint8Array;
};

/** Bumped only with a new derivation: the message names it, so an old signature never yields a new key silently. */
export const KEY_VERSION = 1;

/**
 * The text the wallet signs to derive the key. It names the app, the purpose, the chain and the registry, so that a
 * signature given here is useless for anything else, and a key for one registry or chain is not the key for
 * another (domain separation). It also tells the signer what the signature can do, since whoever holds it can read
 * the reports sent to them.
 */
export function encryptionKeyMessage({ chainId, registry }: { chainId: number; registry: Address }): string {
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new RangeError(`Invalid chain id ${chainId}`);
  return [
    'Callisto Hub: derive your audit-report encryption key; signing does not move funds.',
    '',
    'This signature derives, in your browser, the key that opens the audit reports delivered to you. It sends no',
    'transaction and costs nothing. Sign it only on Callisto Hub: whoever holds this signature can read those reports.',
    '',
    `Chain ID: ${chainId}`,
    `Audit registry: ${getAddress(registry)}`,
    `Key version: ${KEY_VERSION}`,
  ].join('\n');
}

/** Whether `key` is a usable registered public key: 32 bytes and not the zero "no key" value of the registry. */
export function isEncryptionPublicKey(key: Hex | undefined): key is Hex {
  return key !== undefined && isHex(key, { strict: true }) && hexToBytes(key).length === 32 && BigInt(key) !== 0n;
}
