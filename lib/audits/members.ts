// The registry's team as its pages show it: who is active, the leaderboard's order, and the payout periods an
// auditor can claim. No React here.
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
