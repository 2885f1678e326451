// Regression tests of the audit findings on contracts/TreasuryGovernance.sol (M-01, M-02, M-03, L-01): each test
// performs the attack the audit reproduced, on a real anvil with a real ColdStaking, AuditRegistry-free deployment
// and a real CallistoFS, and asserts what the attacker gets.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodeFunctionData,
  keccak256,
  parseEther,
  parseEventLogs,
  toHex,
  zeroAddress,
  type Address,
  type TransactionReceipt,
} from 'viem';
import { callistoFSAbi, callistoFSBytecode } from '../../contracts-abi/CallistoFS';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { treasuryGovernanceAbi, treasuryGovernanceBytecode } from '../../contracts-abi/TreasuryGovernance';
import { ProposalParam, ProposalStatus, VoteChoice } from '../../lib/governance/proposal';
import { startTestChain, testContract, type TestChain, revertAfterEachTest } from './harness';

const DAY = 86_400n;
const EPOCH = 10n * DAY;
const ROUND = DAY;
const MAX_DELAY = 365n * DAY;
const FAST = 10n ** 12n;
const QUORUM = 1000; // 10%
const DEPOSIT = parseEther('5');
const UNIT_PRICE = parseEther('1');
const FLOOR_PRICE = parseEther('0.001');
const URL = 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';
const HASH = keccak256(toHex('A proposal.'));
const SALARY = parseEther('10');
const { For } = VoteChoice;

const AUTHOR = 1;
const PAYEE = 6;
const OTHER = 7;
const NODE = 8;

let chain: TestChain;
let staking: Address;
let gov: Address;
let fileSystem: Address;
let genesis: bigint;

const account = (i: number): Address => chain.accounts[i]!.address;

beforeAll(async () => {
  chain = await startTestChain();
  staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, MAX_DELAY, FAST, account(0)]);
  fileSystem = await chain.deploy(callistoFSAbi, callistoFSBytecode, [account(0), UNIT_PRICE, FLOOR_PRICE]);
  gov = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
    staking,
    EPOCH,
    QUORUM,
    DEPOSIT,
    zeroAddress,
    fileSystem,
  ]);
  ok(await chain.write(0, { address: staking, abi: coldStakingAbi, functionName: 'set_governance', args: [gov] }));
  ok(await chain.write(0, { address: fileSystem, abi: callistoFSAbi, functionName: 'set_governance', args: [gov] }));
  genesis = await chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'genesis',
  });
});

revertAfterEachTest(() => chain);

function ok(receipt: TransactionReceipt): TransactionReceipt {
  expect(receipt.status).toBe('success');
  return receipt;
}

const epochStart = (epoch: bigint) => genesis + epoch * EPOCH;

async function at(epoch: bigint, offset = EPOCH / 2n) {
  await chain.setNextBlockTimestamp(epochStart(epoch) + offset);
  await chain.mine(1);
}

const proposal = (id: bigint) =>
  chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'get_proposal',
    args: [id],
  });

const govView = <name extends 'submission_deposit' | 'quorum_bps' | 'held_deposits' | 'available_balance'>(
  functionName: name,
) => chain.publicClient.readContract({ address: gov, abi: treasuryGovernanceAbi, functionName });

async function stake(from: number, value: bigint, rounds = 1n) {
  ok(
    await chain.write(from, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [rounds],
      value,
    }),
  );
}

const withdrawStake = (from: number) =>
  chain.write(from, { address: staking, abi: coldStakingAbi, functionName: 'withdraw_stake' });

async function submitted(receipt: TransactionReceipt): Promise<bigint> {
  ok(receipt);
  return parseEventLogs({ abi: treasuryGovernanceAbi, logs: receipt.logs, eventName: 'ProposalSubmitted' })[0]!.args.id;
}

const fundingArgs = (payee: Address, amount = parseEther('10'), epochs = 3) =>
  ['Fund the work', URL, HASH, payee, amount, epochs] as const;

const submitFunding = async (payee = account(PAYEE), from = AUTHOR) =>
  submitted(
    await chain.write(from, {
      address: gov,
      abi: treasuryGovernanceAbi,
      functionName: 'submit_funding',
      args: fundingArgs(payee),
      value: await govView('submission_deposit'),
    }),
  );

const parameterRequest = (param: number, value: bigint, deposit: bigint) => ({
  address: gov,
  abi: treasuryGovernanceAbi,
  functionName: 'submit_parameter_change' as const,
  args: ['Change a parameter', URL, HASH, param, value] as const,
  value: deposit,
});

const electionRequest = (node: Address, epochs = 3) => ({
  address: gov,
  abi: treasuryGovernanceAbi,
  functionName: 'submit_host_node_election' as const,
  args: ['Elect a host node', URL, HASH, node, 'https://node.example.org', 1024n, SALARY, epochs] as const,
  value: DEPOSIT,
});

const removalRequest = (node: Address) => ({
  address: gov,
  abi: treasuryGovernanceAbi,
  functionName: 'submit_host_node_removal' as const,
  args: ['Remove a host node', URL, HASH, node] as const,
  value: DEPOSIT,
});

const vote = async (from: number, id: bigint, choice: number) =>
  ok(await chain.write(from, { address: gov, abi: treasuryGovernanceAbi, functionName: 'vote', args: [id, choice] }));

type Call = 'evaluate' | 'pay' | 'withdraw';
const send = (from: number, functionName: Call, id: bigint) =>
  chain.write(from, { address: gov, abi: treasuryGovernanceAbi, functionName, args: [id] });
const reason = (from: number, functionName: Call, id: bigint) =>
  chain.revertReason(from, { address: gov, abi: treasuryGovernanceAbi, functionName, args: [id] });

async function credit(amount: bigint) {
  await chain.setBalance(gov, (await chain.balance(gov)) + amount);
}

function paymentsOf(receipt: TransactionReceipt) {
  return parseEventLogs({ abi: treasuryGovernanceAbi, logs: receipt.logs, eventName: 'PaymentMade' }).map(
    (l) => l.args,
  );
}

/** Stakes 100, 300 and 600 CLO from accounts 2, 3 and 4: 1,000 CLO, a 10% quorum of 100 CLO. */
async function stakeAll() {
  await stake(2, parseEther('100'));
  await stake(3, parseEther('300'));
  await stake(4, parseEther('600'));
}

// ---- M-01 ------------------------------------------------------------------------------------------------

describe('M-01 late evaluation', () => {
  it('back-pays a host node salary for epochs before its late evaluation', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    await at(0n);
    const election = await submitted(await chain.write(AUTHOR, electionRequest(account(NODE), 12)));
    await at(1n);
    await vote(4, election, For);
    // The vote ended with epoch 1; nobody evaluates until epoch 12.
    await at(12n);
    ok(await send(OTHER, 'evaluate', election));
    const before = await chain.balance(account(NODE));
    const paid = paymentsOf(ok(await send(OTHER, 'pay', election)));
    // Elected only now, the node collects epochs 2..12 at once: 11 salaries for a time it stored nothing.
    expect(paid).toEqual([{ id: election, payee: account(NODE), epochs_paid: 11n, amount: 11n * SALARY }]);
    expect(await chain.balance(account(NODE))).toBe(before + 11n * SALARY);
  });

  it('lets an old election re-elect a removed node and pay its past epochs again', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    await at(0n);
    const first = await submitted(await chain.write(AUTHOR, electionRequest(account(NODE), 3)));
    const old = await submitted(await chain.write(AUTHOR, electionRequest(account(NODE), 3)));
    await at(1n);
    await vote(4, first, For);
    await vote(4, old, For);
    await at(2n);
    ok(await send(OTHER, 'evaluate', first)); // elected, salary from epoch 2
    const removal = await submitted(await chain.write(AUTHOR, removalRequest(account(NODE))));
    await at(3n);
    await vote(4, removal, For);
    await at(4n);
    ok(await send(OTHER, 'evaluate', removal)); // removed in epoch 4: epochs 2..4 stay payable
    ok(await send(OTHER, 'pay', first));
    // The second election, accepted back in epoch 1, is evaluated only now: the node is elected again and paid
    // again for epochs 2..4, which the first election already paid.
    ok(await send(OTHER, 'evaluate', old));
    expect((await proposal(old)).executed).toBe(true);
    const paid = paymentsOf(ok(await send(OTHER, 'pay', old)));
    expect(paid).toEqual([{ id: old, payee: account(NODE), epochs_paid: 3n, amount: 3n * SALARY }]);
  });

  it('lets an author that refuses its refund block the evaluation until it chooses', async () => {
    const { abi: actorAbi, bytecode } = testContract('HostileActor');
    const actor = await chain.deploy(actorAbi, bytecode, []);
    await stakeAll();
    await at(0n);
    ok(
      await chain.write(AUTHOR, {
        address: actor,
        abi: actorAbi,
        functionName: 'exec',
        args: [
          gov,
          encodeFunctionData({
            abi: treasuryGovernanceAbi,
            functionName: 'submit_funding',
            args: fundingArgs(account(PAYEE)),
          }),
        ],
        value: DEPOSIT,
      }),
    );
    ok(await chain.write(0, { address: actor, abi: actorAbi, functionName: 'configure', args: [gov, '0x', true] }));
    await at(1n);
    await vote(4, 0n, For);
    await at(2n);
    expect(await reason(OTHER, 'evaluate', 0n)).toBe('Treasury: transfer failed');
    await at(9n);
    ok(await chain.write(0, { address: actor, abi: actorAbi, functionName: 'configure', args: [gov, '0x', false] }));
    ok(await send(OTHER, 'evaluate', 0n));
    expect((await proposal(0n)).status).toBe(ProposalStatus.Accepted);
  });
});

// ---- M-02 ------------------------------------------------------------------------------------------------

describe('M-02 quorum measured at evaluation', () => {
  it('lets a non-voter who stakes after the vote turn an accepted proposal into NotEnoughVotes', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    await at(1n);
    await vote(3, id, For); // 300 of 1,000 staked at the end of the vote: 30% turnout, 10% quorum
    await at(2n);
    await stake(5, parseEther('3000')); // after the vote closed
    ok(await send(5, 'evaluate', id));
    expect(await proposal(id)).toMatchObject({
      status: ProposalStatus.NotEnoughVotes,
      total_staked_at_evaluation: parseEther('4000'),
    });
  });

  it('lets a 5% turnout pass once non-voters withdraw after the vote', async () => {
    await stake(2, parseEther('50'));
    await stake(3, parseEther('350'));
    await stake(4, parseEther('600'));
    await at(0n);
    const id = await submitFunding();
    await at(1n);
    await vote(2, id, For); // 50 of 1,000: 5%, below the 10% quorum
    await at(2n);
    ok(await withdrawStake(3));
    ok(await withdrawStake(4));
    ok(await send(AUTHOR, 'evaluate', id));
    expect(await proposal(id)).toMatchObject({
      status: ProposalStatus.Accepted,
      total_staked_at_evaluation: parseEther('50'),
    });
  });
});

// ---- M-03 ------------------------------------------------------------------------------------------------

describe('M-03 unbounded parameters', () => {
  async function accept(param: number, value: bigint) {
    await stakeAll();
    await at(0n);
    const id = await submitted(await chain.write(AUTHOR, parameterRequest(param, value, DEPOSIT)));
    await at(1n);
    await vote(4, id, For);
    await at(2n);
    ok(await send(OTHER, 'evaluate', id));
    return id;
  }

  it('accepts a 2^255 deposit, after which no proposal, the repair included, can be submitted', async () => {
    const huge = 2n ** 255n;
    await accept(ProposalParam.SubmissionDeposit, huge);
    expect(await govView('submission_deposit')).toBe(huge);
    await chain.setBalance(account(AUTHOR), parseEther('1000000'));
    const repair = parameterRequest(ProposalParam.SubmissionDeposit, DEPOSIT, parseEther('1000000'));
    expect(await chain.revertReason(AUTHOR, repair)).toMatch(/^Treasury: deposit must be exactly 5789604461865809771/);
  });

  it('accepts a 100% quorum, after which one staker who never votes fails every proposal, the repair included', async () => {
    await accept(ProposalParam.Quorum, 10_000n);
    expect(await govView('quorum_bps')).toBe(10_000);
    const repair = await submitted(await chain.write(AUTHOR, parameterRequest(ProposalParam.Quorum, 1000n, DEPOSIT)));
    await at(3n);
    await vote(3, repair, For);
    await vote(4, repair, For); // 900 of 1,000: account 2 (10%) never votes
    await at(4n);
    ok(await send(OTHER, 'evaluate', repair));
    expect((await proposal(repair)).status).toBe(ProposalStatus.NotEnoughVotes);
    expect(await govView('quorum_bps')).toBe(10_000);
  });
});

// ---- L-01 ------------------------------------------------------------------------------------------------

describe('L-01 funding paid to the cold staking contract', () => {
  it('turns the payment into a stake owned by the treasury instead of rewards', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    await at(0n);
    const id = await submitFunding(staking);
    await at(1n);
    await vote(4, id, For);
    await at(2n);
    ok(await send(OTHER, 'evaluate', id));
    const poolBefore = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'StakingRewardPool',
    });
    ok(await send(OTHER, 'pay', id));
    const [staked] = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'staker',
      args: [gov],
    });
    const poolAfter = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'StakingRewardPool',
    });
    // The 10 CLO became the treasury's own stake; the stakers' reward pool did not grow.
    expect(staked).toBe(parseEther('10'));
    expect(poolAfter).toBe(poolBefore);
  });
});
