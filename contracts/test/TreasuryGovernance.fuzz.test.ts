// Model-based fuzzing of contracts/TreasuryGovernance.sol with a real ColdStaking: random sequences of stakes
// (new and added), votes and vote changes, stake withdrawals, submissions, withdrawals of proposals, evaluations
// expiries and time jumps by five stakers across a few proposals. Every transaction's block time is fixed, so a small
// model here predicts each outcome (success or revert) and the resulting state; after every step the contract
// must agree with the model, the on-chain tallies must equal the sum of the recorded `vote_of` weights per
// choice, coins that voted must still be staked until their vote ends, and an evaluation (only in the epoch after
// the vote) must follow the rule against the stake at the end of the vote, whatever was staked or withdrawn since.
// FUZZ_RUNS=n runs n sequences (100 by default).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPublicClient,
  http,
  keccak256,
  parseEther,
  toHex,
  zeroAddress,
  type Address,
  type TransactionReceipt,
} from 'viem';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { treasuryGovernanceAbi, treasuryGovernanceBytecode } from '../../contracts-abi/TreasuryGovernance';
import { evaluationOutcome, ProposalStatus, VoteChoice } from '../../lib/governance/proposal';
import { startTestChain, type TestChain } from './harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const EPOCH = 1000n;
/** Staking rounds shorter than an epoch, so that terms end during votes and withdrawals meet holds. */
const ROUND = 300n;
const QUORUM = 1000n; // 10%: some votes fall short
const DEPOSIT = parseEther('1');
const STAKERS = [1, 2, 3, 4, 5];
const AUTHOR = 6;
const MAX_PROPOSALS = 4;
const FUNDS = parseEther('1000000');
const HASH = keccak256(toHex('fuzzed proposal'));

type Op =
  | { kind: 'stake'; who: number; value: bigint; rounds: bigint; gap: number }
  | { kind: 'vote'; who: number; proposal: number; choice: number; gap: number }
  | { kind: 'withdrawStake'; who: number; gap: number }
  | { kind: 'submit'; gap: number }
  | { kind: 'withdrawProposal'; proposal: number; gap: number }
  | { kind: 'evaluate'; who: number; proposal: number; gap: number }
  | { kind: 'expire'; who: number; proposal: number; gap: number }
  | { kind: 'advance'; seconds: number };

const who = fc.constantFrom(...STAKERS);
const gap = fc.integer({ min: 0, max: 80 });
const proposalPick = fc.nat({ max: MAX_PROPOSALS });
const amount = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 6n }),
  fc.bigInt({ min: 1n, max: 500n }).map((n) => n * 10n ** 18n),
);
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('stake' as const),
      who,
      value: fc.oneof({ weight: 9, arbitrary: amount }, { weight: 1, arbitrary: fc.constant(0n) }),
      rounds: fc.bigInt({ min: 1n, max: 3n }),
      gap,
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('vote' as const),
      who,
      proposal: proposalPick,
      choice: fc.oneof(
        { weight: 5, arbitrary: fc.constant(VoteChoice.For) },
        { weight: 4, arbitrary: fc.constant(VoteChoice.Against) },
        { weight: 3, arbitrary: fc.constant(VoteChoice.Abstain) },
        { weight: 1, arbitrary: fc.constant(VoteChoice.None) },
      ),
      gap,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('withdrawStake' as const), who, gap }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('submit' as const), gap }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('withdrawProposal' as const), proposal: proposalPick, gap }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('evaluate' as const), who, proposal: proposalPick, gap }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('expire' as const), who, proposal: proposalPick, gap }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 1200 }) }),
  },
);

let chain: TestChain;
/** Batches the many reads of a state check into one HTTP request. */
let reader: ReturnType<typeof createPublicClient>;
let staking: Address;
let gov: Address;
let genesis: bigint;

const account = (i: number): Address => chain.accounts[i]!.address;

beforeAll(async () => {
  chain = await startTestChain();
  reader = createPublicClient({ chain: chain.publicClient.chain, transport: http(chain.rpcUrl, { batch: true }) });
  staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, 365n * 86_400n, 10n ** 12n, account(0)]);
  gov = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
    staking,
    EPOCH,
    Number(QUORUM),
    DEPOSIT,
    zeroAddress,
    zeroAddress,
  ]);
  await chain.write(0, { address: staking, abi: coldStakingAbi, functionName: 'set_governance', args: [gov] });
  genesis = await chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'genesis',
  });
  for (const i of [...STAKERS, AUTHOR]) await chain.setBalance(account(i), FUNDS);
  // Four stakers from the start, so that the first votes count; account 5 starts without a stake.
  for (const [i, value] of [
    [1, parseEther('100')],
    [2, parseEther('250')],
    [3, parseEther('40')],
    [4, parseEther('10')],
  ] as const) {
    await chain.write(i, { address: staking, abi: coldStakingAbi, functionName: 'start_staking', args: [1n], value });
  }
});

afterAll(async () => {
  await chain?.stop();
});

// ---- the model -------------------------------------------------------------------------------------------

interface ModelVote {
  choice: number;
  weight: bigint;
}

interface ModelProposal {
  votingEpoch: bigint;
  status: number;
  deposit: bigint;
  votes: Map<number, ModelVote>;
  tallies: [bigint, bigint, bigint]; // for, against, abstain
  totalAtVoteEnd: bigint;
}

class Model {
  /** The block time of the last transaction. */
  time: bigint;
  stakes = new Map<number, { amount: bigint; end: bigint }>();
  held = new Map<number, bigint>();
  proposals: ModelProposal[] = [];
  /** Every change of the total stake: [block time, total after it]. */
  totals: [bigint, bigint][] = [];

  /** The total stake when the sequence began. */
  initialTotal = 0n;

  constructor(time: bigint) {
    this.time = time;
  }

  epoch(t = this.time): bigint {
    return (t - genesis) / EPOCH;
  }

  amount(i: number): bigint {
    return this.stakes.get(i)?.amount ?? 0n;
  }

  totalStaked(): bigint {
    let total = 0n;
    for (const s of this.stakes.values()) total += s.amount;
    return total;
  }

  /** The total stake as it stood at the end of `epoch`: after every change made before the next epoch began. */
  totalAtEndOf(epoch: bigint, initial: bigint): bigint {
    const end = genesis + (epoch + 1n) * EPOCH;
    let total = initial;
    for (const [time, value] of this.totals) if (time < end) total = value;
    return total;
  }

  heldDeposits(): bigint {
    return this.proposals.reduce((sum, p) => (p.status === ProposalStatus.Voting ? sum + p.deposit : sum), 0n);
  }

  /** Deposits credited back at evaluation or expiry (the fuzzed author never withdraws them). */
  refundsOwed(): bigint {
    return this.proposals.reduce(
      (sum, p) => (p.status !== ProposalStatus.Voting && p.status !== ProposalStatus.Withdrawn ? sum + p.deposit : sum),
      0n,
    );
  }

  /** Applies a transaction at `this.time`; false when the contract must revert. */
  apply(op: Exclude<Op, { kind: 'advance' }>): boolean {
    const t = this.time;
    switch (op.kind) {
      case 'stake': {
        const s = this.stakes.get(op.who);
        if (!s && op.value === 0n) return false;
        const end = t + op.rounds * ROUND;
        this.stakes.set(op.who, {
          amount: (s?.amount ?? 0n) + op.value,
          end: s && s.end > end ? s.end : end,
        });
        this.totals.push([t, this.totalStaked()]);
        return true;
      }
      case 'withdrawStake': {
        const s = this.stakes.get(op.who);
        if (!s || t < s.end || t < (this.held.get(op.who) ?? 0n)) return false;
        this.stakes.delete(op.who);
        this.totals.push([t, this.totalStaked()]);
        return true;
      }
      case 'vote': {
        const p = this.proposals[op.proposal];
        const weight = this.amount(op.who);
        if (!p || p.status !== ProposalStatus.Voting || this.epoch() !== p.votingEpoch) return false;
        if (op.choice === VoteChoice.None || weight === 0n) return false;
        const previous = p.votes.get(op.who);
        if (previous) p.tallies[previous.choice - 1]! -= previous.weight;
        p.tallies[op.choice - 1]! += weight;
        p.votes.set(op.who, { choice: op.choice, weight });
        const end = genesis + (p.votingEpoch + 1n) * EPOCH;
        if (end > (this.held.get(op.who) ?? 0n)) this.held.set(op.who, end);
        return true;
      }
      case 'submit':
        this.proposals.push({
          votingEpoch: this.epoch() + 1n,
          status: ProposalStatus.Voting,
          deposit: DEPOSIT,
          votes: new Map(),
          tallies: [0n, 0n, 0n],
          totalAtVoteEnd: 0n,
        });
        return true;
      case 'withdrawProposal': {
        const p = this.proposals[op.proposal];
        if (!p || p.status !== ProposalStatus.Voting || this.epoch() > p.votingEpoch) return false;
        p.status = ProposalStatus.Withdrawn;
        return true;
      }
      case 'evaluate': {
        const p = this.proposals[op.proposal];
        if (!p || p.status !== ProposalStatus.Voting || this.epoch() !== p.votingEpoch + 1n) return false;
        const total = this.totalAtEndOf(p.votingEpoch, this.initialTotal);
        const [votes_for, votes_against, votes_abstain] = p.tallies;
        p.status = ProposalStatus[evaluationOutcome({ votes_for, votes_against, votes_abstain }, total, QUORUM)];
        p.totalAtVoteEnd = total;
        return true;
      }
      case 'expire': {
        const p = this.proposals[op.proposal];
        if (!p || p.status !== ProposalStatus.Voting || this.epoch() <= p.votingEpoch + 1n) return false;
        p.status = ProposalStatus.Expired;
        return true;
      }
    }
  }
}

// ---- running a sequence ----------------------------------------------------------------------------------

/** The proposal an op targets: an existing one, or the next id (missing) when there is none. */
function resolve(op: Op, model: Model): Op {
  if (!('proposal' in op)) return op;
  const count = model.proposals.length;
  return { ...op, proposal: count === 0 ? 0 : op.proposal % count };
}

async function send(op: Exclude<Op, { kind: 'advance' }>): Promise<TransactionReceipt> {
  const base = { address: gov, abi: treasuryGovernanceAbi } as const;
  const id = 'proposal' in op ? BigInt(op.proposal) : 0n;
  switch (op.kind) {
    case 'stake':
      return chain.write(op.who, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'start_staking',
        args: [op.rounds],
        value: op.value,
      });
    case 'withdrawStake':
      return chain.write(op.who, { address: staking, abi: coldStakingAbi, functionName: 'withdraw_stake' });
    case 'vote':
      return chain.write(op.who, { ...base, functionName: 'vote', args: [id, op.choice] });
    case 'submit':
      return chain.write(AUTHOR, {
        ...base,
        functionName: 'submit_funding',
        args: ['Fuzzed', 'ipfs://fuzzed', HASH, account(AUTHOR), parseEther('1'), 2],
        value: DEPOSIT,
      });
    case 'withdrawProposal':
      return chain.write(AUTHOR, { ...base, functionName: 'withdraw', args: [id] });
    case 'evaluate':
      return chain.write(op.who, { ...base, functionName: 'evaluate', args: [id] });
    case 'expire':
      return chain.write(op.who, { ...base, functionName: 'expire', args: [id] });
  }
}

async function expectSameState(model: Model) {
  const ids = model.proposals.map((_, i) => BigInt(i));
  const [onChainProposals, votes, stakers, holds, total, heldDeposits, count, refunds] = await Promise.all([
    Promise.all(
      ids.map((id) =>
        reader.readContract({ address: gov, abi: treasuryGovernanceAbi, functionName: 'get_proposal', args: [id] }),
      ),
    ),
    Promise.all(
      ids.map((id) =>
        Promise.all(
          STAKERS.map((i) =>
            reader.readContract({
              address: gov,
              abi: treasuryGovernanceAbi,
              functionName: 'vote_of',
              args: [id, account(i)],
            }),
          ),
        ),
      ),
    ),
    Promise.all(
      STAKERS.map((i) =>
        reader.readContract({ address: staking, abi: coldStakingAbi, functionName: 'staker', args: [account(i)] }),
      ),
    ),
    Promise.all(
      STAKERS.map((i) =>
        reader.readContract({ address: staking, abi: coldStakingAbi, functionName: 'held_until', args: [account(i)] }),
      ),
    ),
    reader.readContract({ address: staking, abi: coldStakingAbi, functionName: 'TotalStakingAmount' }),
    reader.readContract({ address: gov, abi: treasuryGovernanceAbi, functionName: 'held_deposits' }),
    reader.readContract({ address: gov, abi: treasuryGovernanceAbi, functionName: 'proposal_count' }),
    reader.readContract({ address: gov, abi: treasuryGovernanceAbi, functionName: 'total_refunds_owed' }),
  ]);

  expect(count).toBe(BigInt(model.proposals.length));
  expect(total).toBe(model.totalStaked());
  expect(heldDeposits).toBe(model.heldDeposits());
  expect(refunds).toBe(model.refundsOwed());
  STAKERS.forEach((i, n) => {
    expect(stakers[n]![0], `stake of ${i}`).toBe(model.amount(i));
    expect(stakers[n]![3], `end of ${i}`).toBe(model.stakes.get(i)?.end ?? 0n);
    expect(holds[n], `hold of ${i}`).toBe(model.held.get(i) ?? 0n);
  });

  model.proposals.forEach((mp, n) => {
    const p = onChainProposals[n]!;
    // The tallies are the sum of the recorded votes, per choice.
    const sums = [0n, 0n, 0n];
    votes[n]!.forEach(([choice, weight], k) => {
      if (choice === VoteChoice.None) expect(weight).toBe(0n);
      else sums[choice - 1]! += weight;
      const expected = mp.votes.get(STAKERS[k]!) ?? { choice: VoteChoice.None, weight: 0n };
      expect({ choice, weight }, `vote of ${STAKERS[k]} on ${n}`).toEqual(expected);
    });
    expect([p.votes_for, p.votes_against, p.votes_abstain], `tallies of ${n}`).toEqual(sums);
    expect(sums).toEqual(mp.tallies);
    expect(p.status, `status of ${n}`).toBe(mp.status);
    expect(p.voting_epoch).toBe(mp.votingEpoch);
    if (p.status === ProposalStatus.Accepted || p.status === ProposalStatus.Rejected) {
      expect(p.total_staked_at_vote_end).toBe(mp.totalAtVoteEnd);
    }
    if (p.status === ProposalStatus.NotEnoughVotes) expect(p.total_staked_at_vote_end).toBe(mp.totalAtVoteEnd);
    // Coins that voted are still staked until the vote ends: no weight is counted without its coins.
    const voteEnd = genesis + (mp.votingEpoch + 1n) * EPOCH;
    if (model.time < voteEnd) {
      for (const [i, v] of mp.votes) expect(model.amount(i)).toBeGreaterThanOrEqual(v.weight);
    }
  });
}

const STATUS_NAMES = ['Voting', 'Accepted', 'Rejected', 'NotEnoughVotes', 'Withdrawn', 'Expired'];

const seen = new Map<string, number>();
function see(outcome: string) {
  seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
}

async function runSequence(start: number, ops: Op[]) {
  const latest = await chain.publicClient.getBlock();
  const model = new Model(latest.timestamp);
  for (const i of STAKERS) {
    const [amount, , , end] = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'staker',
      args: [account(i)],
    });
    if (amount > 0n) model.stakes.set(i, { amount, end });
  }
  model.initialTotal = model.totalStaked();
  // Two proposals submitted in epoch 0, then the sequence starts `start` seconds into their voting epoch.
  const opening: Op[] = [
    { kind: 'submit', gap: 0 },
    { kind: 'submit', gap: 0 },
    { kind: 'advance', seconds: Number(genesis + EPOCH - model.time) - 2 + start },
  ];
  for (const op of [...opening, ...ops]) await step(model, op);
  for (const op of closing(model)) await step(model, op);
}

/** Applies one operation to the contract and to the model, and compares. */
async function step(model: Model, generated: Op) {
  if (generated.kind === 'advance') {
    model.time += BigInt(generated.seconds);
    return;
  }
  const op = resolve(generated, model);
  if (op.kind === 'advance' || (op.kind === 'submit' && model.proposals.length >= MAX_PROPOSALS)) return;
  model.time += 1n + BigInt(op.gap);
  const changing =
    op.kind === 'vote' && (model.proposals[op.proposal]?.votes.get(op.who)?.choice ?? VoteChoice.None) !== 0;
  await chain.setNextBlockTimestamp(model.time);
  const receipt = await send(op);
  expect((await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp).toBe(model.time);
  const ok = model.apply(op);
  expect(receipt.status, `${op.kind} at ${model.time - genesis}`).toBe(ok ? 'success' : 'reverted');
  let outcome = `${op.kind} ${ok ? 'succeeded' : 'reverted'}`;
  if (op.kind === 'vote' && ok && changing) outcome = 'vote changed';
  if (op.kind === 'evaluate' && ok) outcome = `evaluated ${STATUS_NAMES[model.proposals[op.proposal]!.status]}`;
  if (op.kind === 'withdrawStake' && !ok && model.time < (model.held.get(op.who) ?? 0n)) {
    outcome = 'withdrawStake held';
  }
  see(outcome);
  await expectSameState(model);
}

/** Ends a sequence: after the last vote, every proposal is evaluated (those already closed, or past their evaluation
 * epoch, revert), then every one is expired (only those past their evaluation epoch and still open succeed). */
function closing(model: Model): Op[] {
  const last = model.proposals.reduce((max, p) => (p.votingEpoch > max ? p.votingEpoch : max), 0n);
  const end = genesis + (last + 1n) * EPOCH;
  const ops: Op[] = model.time < end ? [{ kind: 'advance', seconds: Number(end - model.time) - 1 }] : [];
  return [
    ...ops,
    ...model.proposals.map((_, n) => ({ kind: 'evaluate' as const, who: 1 + (n % 5), proposal: n, gap: 0 })),
    ...model.proposals.map((_, n) => ({ kind: 'expire' as const, who: 1 + (n % 5), proposal: n, gap: 0 })),
  ];
}

describe('TreasuryGovernance against a model', () => {
  it(`agrees on ${RUNS} random sequences`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 600 }),
        fc.array(opArbitrary, { minLength: 6, maxLength: 24 }),
        async (start, ops) => {
          const id = await chain.snapshot();
          try {
            await runSequence(start, ops);
          } finally {
            await chain.revert(id);
          }
        },
      ),
      { numRuns: RUNS },
    );
    if (process.env.FUZZ_STATS) console.log(Object.fromEntries([...seen].sort()));
    if (RUNS >= 100) {
      for (const outcome of [
        'vote succeeded',
        'vote changed',
        'vote reverted',
        'evaluated Accepted',
        'evaluated Rejected',
        'evaluated NotEnoughVotes',
        'evaluate reverted',
        'expire succeeded',
        'expire reverted',
        'withdrawStake held',
        'withdrawStake succeeded',
        'withdrawProposal succeeded',
        'stake succeeded',
      ]) {
        expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
      }
    }
  });
});
