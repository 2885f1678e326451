// The registry's team as its pages show it: who is active, the leaderboard's order, and the payout periods an
// auditor can claim. No React here.
import { shortAddress } from '../format/clo';
import type { AuditMember } from './types';

/** Whether an auditor's active status still runs at `now` (unix seconds). */
export function isActiveAt(member: Pick<AuditMember, 'active_role' | 'active_until'>, now: number | bigint): boolean {
  return member.active_role && member.active_until > BigInt(now);
}

/** Auditors by karma, highest first; ties by more revealed reports, then by address for a stable order. */
export function byKarma<M extends Pick<AuditMember, 'account' | 'karma' | 'reports_revealed'>>(
  members: readonly M[],
): M[] {
  return [...members].sort((a, b) => {
    if (a.karma !== b.karma) return a.karma > b.karma ? -1 : 1;
    if (a.reports_revealed !== b.reports_revealed) return a.reports_revealed > b.reports_revealed ? -1 : 1;
    return a.account.toLowerCase() < b.account.toLowerCase() ? -1 : 1;
  });
}

/** The ended payout periods worth asking `claimable` about: the `count` latest, newest first. */
export function recentEndedPeriods(currentPeriod: bigint, count = 4): bigint[] {
  const periods: bigint[] = [];
  for (let p = currentPeriod - 1n; p >= 0n && periods.length < count; p--) periods.push(p);
  return periods;
}

/** Characters that can reorder or hide the text around them (bidi controls, zero-width and other format
 * characters, C0/C1 controls): a contact is chosen by its auditor, so it is untrusted text. */
const HIDDEN_OR_REORDERING =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/**
 * How a picker names an auditor: its public contact with the short address ("alice@example.org (0x3C44…93BC)"),
 * or the short address alone when the registry has no contact for it. The short address is always there, because
 * a contact is free text its auditor chose and two auditors may give the same one. Where plain text is all a
 * control can show (an <option>), characters that could reorder or hide the rest are shown as "�".
 */
export function auditorLabel(account: string, contact: string | undefined): string {
  const shown = (contact ?? '').replace(HIDDEN_OR_REORDERING, '\ufffd').trim();
  return shown === '' ? shortAddress(account) : `${shown} (${shortAddress(account)})`;
}
