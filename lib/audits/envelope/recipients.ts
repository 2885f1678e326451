// Who a report is sealed for: every current manager with a registered encryption key. A manager without one
// cannot be a recipient, and the auditor is told who, before sealing, so that nobody is left out silently.
// No React here.
import type { Address, Hex } from 'viem';
import { isEncryptionPublicKey } from './keyMessage';
import type { EnvelopeRecipient } from './seal';

export type RecipientSelection = {
  recipients: EnvelopeRecipient[];
  /** Current managers with no encryption key registered (the registry's zero key): they could not read it. */
  withoutKey: Address[];
};

/** The recipients among `managers`, with `keys[i]` the registry's `encryption_key_of(managers[i])`. */
export function selectRecipients(managers: readonly Address[], keys: readonly (Hex | undefined)[]): RecipientSelection {
  if (keys.length !== managers.length) throw new RangeError('One key per manager is needed.');
  const recipients: EnvelopeRecipient[] = [];
  const withoutKey: Address[] = [];
  managers.forEach((account, i) => {
    const publicKey = keys[i];
    if (isEncryptionPublicKey(publicKey)) recipients.push({ account, publicKey });
    else withoutKey.push(account);
  });
  return { recipients, withoutKey };
}
