// What a manager reads when a delivered report does not open: what happened and what to do, in plain words, for
// each kind of envelope failure. No React here.
import type { EnvelopeErrorKind } from './errors';

const ADVICE: Record<EnvelopeErrorKind, string> = {
  malformed:
    'The file stored under this envelope address is not a report envelope this app can read. Ask the auditor to deliver the report again.',
  'not-a-recipient':
    'This report was not encrypted for your account: only the managers in office when the auditor delivered it can read it. Ask the auditor to deliver it again if you should read it.',
  'wrong-key':
    'This report was encrypted for another encryption key of your account than the one your wallet derives now (a key registered again, or a wallet that signs differently). Register your key again if it differs from the registry’s, then ask the auditor to deliver the report again.',
  'wrong-context':
    'This envelope belongs to another request, auditor or registry: it was not made for this report, so it is not shown here.',
  tampered:
    'The envelope was changed after the auditor sealed it, so it is not shown. Ask the auditor to deliver the report again.',
};

/** The advice for a failure kind, shown under the error's own message. */
export function envelopeErrorAdvice(kind: EnvelopeErrorKind): string {
  return ADVICE[kind];
}

/** Why the key signature is asked for, shown before the wallet opens and again when it was declined. */
export const KEY_SIGNATURE_PURPOSE =
  'Your wallet signs a fixed message that derives, in this tab, the key that decrypts the reports delivered to you. It sends no transaction, moves no funds and costs nothing; the key is kept only until you close the tab.';
