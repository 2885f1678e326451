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
