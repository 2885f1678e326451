// Why an envelope does not open, as one of a few kinds the page turns into advice: "ask the auditor to deliver
// again", "register your key again", "this envelope belongs to another request". No React here.

export type EnvelopeErrorKind =
  /** The bytes are not an envelope this app can read (wrong magic, unknown version or suite, lengths that do not add
   * up, beyond the size limits), or the inputs cannot make one. */
  | 'malformed'
  /** The envelope was sealed for other accounts; yours is not among its recipients. */
  | 'not-a-recipient'
  /** You are a recipient, but the envelope was sealed to another public key than the one your wallet derives now. */
  | 'wrong-key'
  /** The envelope is intact but was sealed for another chain, registry, request or auditor. */
  | 'wrong-context'
  /** The bytes were changed after sealing: a checksum or an authentication tag does not match. */
  | 'tampered';

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
  constructor(
    readonly kind: EnvelopeErrorKind,
    message: string,
  ) {
    super(message);
  }
}
