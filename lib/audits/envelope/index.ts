// The audit-report envelope: keys derived from a wallet signature, reports sealed with HPKE for the registry's
// managers, and the `ipfs://` link of a report stored in the clear after its reveal.
export { EnvelopeError, type EnvelopeErrorKind } from './errors';
export { MAX_RECIPIENTS, MAX_REPORT_BYTES, MAX_ENVELOPE_BYTES, type EnvelopeContext } from './format';
export { deriveEncryptionKeyPair } from './keys';
export { encryptionKeyMessage, isEncryptionPublicKey, type EncryptionKeyPair } from './keyMessage';
export { reportLinkOf } from './links';
export { openReport, sealReport, type EnvelopeRecipient } from './seal';
export { envelopeErrorAdvice, KEY_SIGNATURE_PURPOSE } from './advice';
export { selectRecipients, type RecipientSelection } from './recipients';
