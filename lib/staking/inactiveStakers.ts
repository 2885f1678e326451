// Which stakes any staker may return to their owners with report_abuse: those idle for more than max_delay
// after the end of their term. All times are the contract's clock (`Timestamp`). No React.
import { getAddress, isAddress, type Address } from 'viem';

/** `staker(address)` as the contract returns it: amount, time, multiplier, end_time. */
export type StakerTuple = readonly [amount: bigint, time: bigint, multiplier: bigint, endTime: bigint];

export interface InactiveStaker {
  address: Address;
  amount: bigint;
  /** Contract time the term ended. */
  endTime: bigint;
  /** Contract time from which the stake may be reported: end_time + max_delay. */
  inactiveSince: bigint;
}

/** The distinct addresses that ever staked, in first-seen order, checksummed. */
export function uniqueStakerAddresses(addresses: readonly (string | undefined)[]): Address[] {
  const seen = new Map<string, Address>();
  for (const address of addresses) {
    if (!address || !isAddress(address, { strict: false })) continue;
    const key = address.toLowerCase();
    if (!seen.has(key)) seen.set(key, getAddress(address));
  }
  return [...seen.values()];
}

/**
 * The stakes report_abuse would accept now (the contract requires Timestamp > end_time + max_delay), the
 * longest idle first. `stakers[i]` is the `staker()` tuple of `addresses[i]`, undefined where the read failed.
 */
export function findInactiveStakers(
  addresses: readonly Address[],
  stakers: readonly (StakerTuple | undefined)[],
  now: bigint,
  maxDelay: bigint,
): InactiveStaker[] {
  const inactive: InactiveStaker[] = [];
  addresses.forEach((address, i) => {
    const entry = stakers[i];
    if (!entry) return;
    const [amount, , , endTime] = entry;
    const inactiveSince = endTime + maxDelay;
    if (amount > 0n && inactiveSince < now) inactive.push({ address, amount, endTime, inactiveSince });
  });
  return inactive.sort((a, b) =>
    a.inactiveSince === b.inactiveSince ? 0 : a.inactiveSince < b.inactiveSince ? -1 : 1,
  );
}

/** The events `inactiveCandidates` reads: V2's StartStaking carries the term's end, WithdrawStake ends a stake. */
export type StakeLifecycleLog =
  | { eventName: 'StartStaking'; args: { addr?: Address; end_time?: bigint } }
  | { eventName: 'WithdrawStake'; args: { staker?: Address } }
  | { eventName: string; args: object };

/**
 * The addresses that may be idle, from the events alone (in chain order): each address's latest StartStaking gives
 * the end of its term (adding to a stake only ever moves it later, and a claim does not move it); one whose term
 * ended more than `maxDelay` before `now` and that has not withdrawn since is a candidate. Only these are then read
 * from the contract (`staker()`), in one batch: a report or an event the app does not know about may have changed
 * them, so `findInactiveStakers` decides on the contract's answer, never on the events.
 */
export function inactiveCandidates(logs: readonly StakeLifecycleLog[], now: bigint, maxDelay: bigint): Address[] {
  const endOf = new Map<string, { address: string; endTime: bigint }>();
  for (const log of logs) {
    if (log.eventName === 'StartStaking' && 'addr' in log.args && 'end_time' in log.args) {
      const { addr, end_time } = log.args as { addr?: Address; end_time?: bigint };
      if (addr && end_time !== undefined) endOf.set(addr.toLowerCase(), { address: addr, endTime: end_time });
    } else if (log.eventName === 'WithdrawStake' && 'staker' in log.args) {
      const { staker } = log.args as { staker?: Address };
      if (staker) endOf.delete(staker.toLowerCase());
    }
  }
  const idle = [...endOf.values()].filter((s) => s.endTime + maxDelay < now).map((s) => s.address);
  return uniqueStakerAddresses(idle);
}
