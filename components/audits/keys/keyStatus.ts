// Where a member's encryption key stands: what the registry holds against what this wallet's signature derives.
// No React here, so the rules are tested on their own.
import type { Hex } from 'viem';
import { describeTxError } from '@/lib/tx/describeTxError';

const ZERO_KEY: Hex = `0x${'0'.repeat(64)}`;

export type EncryptionKeyStatus =
  /** The registry has no key for the account: nobody can seal a report for it yet. */
  | { kind: 'none-registered' }
  /** A key is registered; the wallet has not signed in this tab, so whether it still derives that key is unknown. */
  | { kind: 'registered'; registered: Hex }
  /** This tab derived the registered key: reports sealed for it open here. */
  | { kind: 'matches'; registered: Hex }
  /** The wallet derives another key than the registered one (another wallet, or one that signs differently):
   * reports sealed for the registered key do not open here until this key is registered. */
  | { kind: 'differs'; registered: Hex; derived: Hex };

/** The status from the registry's `encryption_key_of` (zero for none) and the public key this tab derived, if any. */
export function encryptionKeyStatus(registered: Hex, derived: Hex | undefined): EncryptionKeyStatus {
  if (registered.toLowerCase() === ZERO_KEY) return { kind: 'none-registered' };
  if (derived === undefined) return { kind: 'registered', registered };
  return derived.toLowerCase() === registered.toLowerCase()
    ? { kind: 'matches', registered }
    : { kind: 'differs', registered, derived };
}

/** A short form of a 32-byte key to compare by eye: the first and last 6 hex digits. */
export function keyFingerprint(key: Hex): string {
  return `${key.slice(0, 8)}…${key.slice(-6)}`;
}

/** Words for a wallet that refused, or failed, to sign the key message. A refusal is the user's choice; it is
 * answered with what the signature is for, so they can decide again knowing it moves nothing. */
export function signatureProblem(error: unknown): string {
  if (describeTxError(error).kind === 'cancelled') {
    return (
      'You declined the signature. It sends no transaction and costs nothing: the app uses it, in this tab only, ' +
      'to derive your encryption key, the key auditors seal reports for and you open them with. Without it you ' +
      'can neither register a key nor read the reports delivered to you.'
    );
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `Your wallet could not sign the key message: ${message}`;
}
