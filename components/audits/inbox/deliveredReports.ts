// Which of a request's reports were delivered encrypted through the file system: those committed with an
// envelope CID (a report committed with "" reaches the managers another way, as a private link). No React here.
import type { Address, Hex } from 'viem';

/** The fields of the registry's `Report` the inbox needs. */
export type EnvelopeReport = {
  auditor: Address;
  commitment: Hex;
  envelope_cid: string;
  signed: boolean;
  revealed: boolean;
};

export function deliveredReportsOf<R extends EnvelopeReport>(reports: readonly R[]): R[] {
  return reports.filter((r) => r.envelope_cid !== '');
}

/** The registry's reports as the inbox reads them. */
export function envelopeReportsOf(reports: readonly EnvelopeReport[]): EnvelopeReport[] {
  return reports.map((r) => ({
    auditor: r.auditor,
    commitment: r.commitment,
    envelope_cid: r.envelope_cid,
    signed: r.signed,
    revealed: r.revealed,
  }));
}

/** Whether `account` is among an envelope's recipients (addresses compared case-blind, as the chain does). */
export function isRecipient(recipients: readonly Address[], account: Address): boolean {
  const wanted = account.toLowerCase();
  return recipients.some((r) => r.toLowerCase() === wanted);
}

/** What an account an envelope was not sealed for is told, in these words (the e2e specs look for them). */
export const SEALED_FOR_MANAGERS = 'sealed for the managers in office when it was delivered';
