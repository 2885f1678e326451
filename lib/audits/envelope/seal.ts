// Sealing a report for the registry's managers and opening it again. One random AES-256-GCM content key encrypts
// the report once; that key is wrapped with HPKE (RFC 9180, base mode) for every recipient's registered X25519 key,
// with the envelope's context (chain, registry, request, auditor) and the recipient in HPKE's `info`. So the host
// nodes that store the envelope see only ciphertext, only a listed recipient's key opens it, and an envelope copied
// to another request or registry refuses to open there. No React here.
import { getAddress, hexToBytes, type Address, type Hex } from 'viem';
import { cryptoBytes } from './bytes';
import { EnvelopeError } from './errors';
import {
  contextBytes,
  encodeEnvelope,
  encodeHeader,
  MAX_RECIPIENTS,
  MAX_REPORT_BYTES,
  parseEnvelope,
  sameContext,
  WRAPPED_KEY_BYTES,
  type EnvelopeContext,
  type EnvelopeRecipientEntry,
} from './format';
import { isEncryptionPublicKey, type EncryptionKeyPair } from './keyMessage';
import { CONTENT_KEY_BYTES, GCM_NONCE_BYTES, GCM_TAG_BYTES } from './constants';
import { envelopeSuite } from './suite';

export type EnvelopeRecipient = { account: Address; publicKey: Hex };

const WRAP_LABEL = new TextEncoder().encode('callisto-hub/audit-report-envelope/v1/content-key');

/** HPKE `info` of one recipient's wrap: a label, the context, and the recipient's account and key. */
function wrapInfo(context: EnvelopeContext, account: Address, publicKey: Hex): Uint8Array {
  const ctx = contextBytes(context);
  const key = hexToBytes(publicKey);
  const out = new Uint8Array(WRAP_LABEL.length + ctx.length + 20 + key.length);
  out.set(WRAP_LABEL, 0);
  out.set(ctx, WRAP_LABEL.length);
  out.set(hexToBytes(getAddress(account)), WRAP_LABEL.length + ctx.length);
  out.set(key, WRAP_LABEL.length + ctx.length + 20);
  return out;
}

function uniqueRecipients(recipients: readonly EnvelopeRecipient[]): EnvelopeRecipient[] {
  const byAccount = new Map<string, EnvelopeRecipient>();
  for (const r of recipients) {
    const account = getAddress(r.account);
    if (!isEncryptionPublicKey(r.publicKey))
      throw new EnvelopeError('malformed', `${account} has no valid encryption key (32 bytes, not zero).`);
    const seen = byAccount.get(account);
    if (seen && seen.publicKey.toLowerCase() !== r.publicKey.toLowerCase())
      throw new EnvelopeError('malformed', `${account} is listed twice with two different keys.`);
    byAccount.set(account, { account, publicKey: r.publicKey });
  }
  return [...byAccount.values()];
}

async function contentKeyFrom(raw: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', cryptoBytes(raw), 'AES-GCM', false, [usage]);
}

/**
 * Encrypts `plaintext` for every recipient (each account once, each with its registered public key) under
 * `context`. Throws 'malformed' for inputs that cannot make an envelope: an empty or too large report, no
 * recipient, too many, or a recipient without a valid key.
 */
export async function sealReport(args: {
  plaintext: Uint8Array;
  recipients: readonly EnvelopeRecipient[];
  context: EnvelopeContext;
}): Promise<Uint8Array> {
  const { plaintext, context } = args;
  if (plaintext.length === 0) throw new EnvelopeError('malformed', 'The report is empty.');
  if (plaintext.length > MAX_REPORT_BYTES)
    throw new EnvelopeError(
      'malformed',
      `The report is ${plaintext.length} bytes; an envelope carries at most ${MAX_REPORT_BYTES}.`,
    );
  const recipients = uniqueRecipients(args.recipients);
  if (recipients.length === 0) throw new EnvelopeError('malformed', 'There is nobody to seal the report for.');
  if (recipients.length > MAX_RECIPIENTS)
    throw new EnvelopeError(
      'malformed',
      `An envelope has at most ${MAX_RECIPIENTS} recipients, not ${recipients.length}.`,
    );
  contextBytes(context); // validates the context before any work

  const suite = envelopeSuite();
  const contentKey = crypto.getRandomValues(new Uint8Array(CONTENT_KEY_BYTES));
  const nonce = crypto.getRandomValues(new Uint8Array(GCM_NONCE_BYTES));
  const entries: EnvelopeRecipientEntry[] = [];
  for (const r of recipients) {
    const recipientPublicKey = await suite.kem.deserializePublicKey(hexToBytes(r.publicKey));
    // The content nonce as the wrap's AAD ties each wrapped key to this envelope's ciphertext.
    const { ct, enc } = await suite.seal(
      { recipientPublicKey, info: wrapInfo(context, r.account, r.publicKey) },
      contentKey,
      nonce,
    );
    entries.push({
      account: r.account,
      publicKey: r.publicKey,
      enc: new Uint8Array(enc),
      wrappedKey: new Uint8Array(ct),
    });
  }
  const header = encodeHeader({
    context,
    recipients: entries,
    nonce,
    ciphertextLength: plaintext.length + GCM_TAG_BYTES,
  });
  const key = await contentKeyFrom(contentKey, 'encrypt');
  contentKey.fill(0);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: cryptoBytes(header), tagLength: GCM_TAG_BYTES * 8 },
    key,
    cryptoBytes(plaintext),
  );
  return encodeEnvelope(header, new Uint8Array(ciphertext));
}

function describeContext(c: EnvelopeContext): string {
  return `request #${c.requestId} by auditor ${c.auditor} in registry ${c.registry} on chain ${c.chainId}`;
}

/**
 * Decrypts the report `account` receives in `envelope`, sealed for `context`. Throws `EnvelopeError`:
 * 'malformed' (not an envelope this page reads), 'tampered' (changed after sealing), 'wrong-context' (sealed for
 * another request, auditor, registry or chain), 'not-a-recipient', 'wrong-key' (sealed to another key than
 * `keyPair`'s).
 */
export async function openReport(args: {
  envelope: Uint8Array;
  account: Address;
  keyPair: EncryptionKeyPair;
  context: EnvelopeContext;
}): Promise<Uint8Array> {
  const { envelope, keyPair, context } = args;
  const account = getAddress(args.account);
  const parsed = await parseEnvelope(envelope);
  if (!sameContext(parsed.context, context))
    throw new EnvelopeError(
      'wrong-context',
      `This envelope was sealed for ${describeContext(parsed.context)}, not for ${describeContext(context)}.`,
    );
  const entry = parsed.recipients.find((r) => r.account === account);
  if (!entry)
    throw new EnvelopeError(
      'not-a-recipient',
      `This report was sealed for ${parsed.recipients.length} account(s), and ${account} is not one of them.`,
    );
  if (entry.publicKey.toLowerCase() !== keyPair.publicKey.toLowerCase())
    throw new EnvelopeError(
      'wrong-key',
      `This report was sealed to the encryption key ${entry.publicKey}, but your wallet's signature derives ${keyPair.publicKey}.`,
    );
  if (entry.wrappedKey.length !== WRAPPED_KEY_BYTES)
    throw new EnvelopeError('malformed', 'The wrapped key has a wrong size.');

  const suite = envelopeSuite();
  let contentKey: Uint8Array;
  try {
    const recipientKey = await suite.kem.deserializePrivateKey(keyPair.privateKey);
    contentKey = new Uint8Array(
      await suite.open(
        { recipientKey, enc: entry.enc, info: wrapInfo(context, account, entry.publicKey) },
        entry.wrappedKey,
        parsed.nonce,
      ),
    );
  } catch {
    throw new EnvelopeError('tampered', 'The key sealed for you does not open: the envelope was altered.');
  }
  try {
    const key = await contentKeyFrom(contentKey, 'decrypt');
    const plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: cryptoBytes(parsed.nonce),
        additionalData: cryptoBytes(parsed.authenticatedHeader),
        tagLength: GCM_TAG_BYTES * 8,
      },
      key,
      cryptoBytes(parsed.ciphertext),
    );
    return new Uint8Array(plaintext);
  } catch {
    throw new EnvelopeError('tampered', 'The report does not match its authentication tag: the envelope was altered.');
  } finally {
    contentKey.fill(0);
  }
}
