// What the dev panel says about the local chain's clock, which the seed and the time buttons move ahead of the
// wall clock: where it stands, and what each jump will move before it is pressed. Pure, so the wording is tested.

import { plural } from '@/lib/format/plural';

const DAY = 86_400;

/** Whole days between the chain clock and the wall clock, rounded toward zero: positive when the chain is ahead. */
export function clockOffsetDays(chainNowSeconds: number, wallNowSeconds: number): number {
  return Math.trunc((chainNowSeconds - wallNowSeconds) / DAY);
}

/**
 * "(457 days ahead)", "(2 days behind)", or "(within a day of your clock)". Whole days only: on anvil the latest
 * block may be hours old, so a finer offset would report a difference that is only a quiet chain.
 */
export function describeClockOffset(chainNowSeconds: number, wallNowSeconds: number): string {
  const days = clockOffsetDays(chainNowSeconds, wallNowSeconds);
  if (days === 0) return '(within a day of your clock)';
  return `(${plural(Math.abs(days), 'day')} ${days > 0 ? 'ahead' : 'behind'})`;
}

/** The panel's line: "chain time: <date> (N days ahead)". `formatDate` renders the chain's now as a date. */
export function describeChainTime(
  chainNowSeconds: number,
  wallNowSeconds: number,
  formatDate: (unixSeconds: number) => string,
): string {
  return `chain time: ${formatDate(chainNowSeconds)} ${describeClockOffset(chainNowSeconds, wallNowSeconds)}`;
}

/** The collapsed panel's short form ("+457 d"), or undefined when the clocks agree to the day. */
export function shortClockOffset(chainNowSeconds: number, wallNowSeconds: number): string | undefined {
  const days = clockOffsetDays(chainNowSeconds, wallNowSeconds);
  if (days === 0) return undefined;
  return `${days > 0 ? '+' : '−'}${Math.abs(days).toLocaleString('en-US')} d`;
}

/** A duration in the largest whole unit that divides it: "27 days", "1 day", "12 hours". */
export function jumpLength(seconds: number): string {
  if (seconds % DAY === 0) return plural(seconds / DAY, 'day');
  if (seconds % 3_600 === 0) return plural(seconds / 3_600, 'hour');
  return plural(seconds, 'second');
}

export interface ClockFacts {
  /** The chain's current time, in seconds. */
  chainNow: number;
  /** ColdStaking.round_interval, when cold staking is deployed. */
  roundInterval?: number;
  /** TreasuryGovernance.epoch_length and genesis, when governance is deployed. */
  epochLength?: number;
  genesis?: number;
}

/** The governance epoch at `time`, as TreasuryGovernance.current_epoch computes it. */
function epochAt(time: number, epochLength: number, genesis: number): number {
  return Math.floor(Math.max(0, time - genesis) / epochLength);
}

/** What a stake's rounds do in a jump of `seconds`. */
function roundsMoved(seconds: number, roundInterval: number): string {
  if (seconds % roundInterval === 0) {
    return `every stake completes ${plural(seconds / roundInterval, 'more round')}`;
  }
  if (seconds < roundInterval) return `a stake whose round ends within ${jumpLength(seconds)} completes it`;
  const whole = Math.floor(seconds / roundInterval);
  return `every stake completes ${whole} or ${plural(whole + 1, 'more round')}`;
}

/** What governance does in a jump of `seconds` from the chain's now. */
function epochsMoved(seconds: number, facts: Required<Pick<ClockFacts, 'epochLength' | 'genesis'>> & ClockFacts) {
  const from = epochAt(facts.chainNow, facts.epochLength, facts.genesis);
  const to = epochAt(facts.chainNow + seconds, facts.epochLength, facts.genesis);
  if (to === from) return `governance stays in epoch ${from}`;
  const moved = to - from;
  return (
    `governance moves ${plural(moved, 'epoch')}, from epoch ${from} to ${to} ` +
    `(${moved === 1 ? 'the open vote closes and its evaluation opens' : 'votes close and evaluation windows pass'})`
  );
}

/**
 * What a time button will move, said before it is pressed: "Moves the chain clock 27 days: every stake completes 1
 * more round; governance moves 1 epoch, from epoch 17 to 18 (the open vote closes and its evaluation opens)."
 */
export function describeTimeJump(seconds: number, facts: ClockFacts): string {
  const effects: string[] = [];
  if (facts.roundInterval) effects.push(roundsMoved(seconds, facts.roundInterval));
  if (facts.epochLength && facts.genesis !== undefined) {
    effects.push(epochsMoved(seconds, { ...facts, epochLength: facts.epochLength, genesis: facts.genesis }));
  }
  // CallistoFS: an upload no node confirms within a day of its registration expires.
  if (seconds >= DAY) effects.push('every upload still waiting for a confirmation expires');
  return `Moves the chain clock ${jumpLength(seconds)}${effects.length > 0 ? `: ${effects.join('; ')}` : ''}.`;
}
