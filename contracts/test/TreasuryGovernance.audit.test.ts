// Regression tests of the audit findings on contracts/TreasuryGovernance.sol (M-01, M-02, M-03, L-01): each test
// performs the attack the audit reproduced, on a real anvil with a real ColdStaking and a real CallistoFS (no audit
// registry), and asserts that it fails, with the contract's reason. Before the fixes the same tests asserted that
// each attack succeeded (commit "TreasuryGovernance audit regressions", figures in SECURITY.md).
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

const govView = <
  name extends 'submission_deposit' | 'quorum_bps' | 'held_deposits' | 'available_balance' | 'total_refunds_owed',
>(
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

type Call = 'evaluate' | 'pay' | 'withdraw' | 'expire';
const send = (from: number, functionName: Call, id: bigint) =>
  chain.write(from, { address: gov, abi: treasuryGovernanceAbi, functionName, args: [id] });
const reason = (from: number, functionName: Call, id: bigint) =>
  chain.revertReason(from, { address: gov, abi: treasuryGovernanceAbi, functionName, args: [id] });

async function credit(amount: bigint) {
  await chain.setBalance(gov, (await chain.balance(gov)) + amount);
}

const refundOwed = (who: Address) =>
  chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'refund_owed',
    args: [who],
  });

const withdrawRefund = (from: number) =>
  chain.write(from, { address: gov, abi: treasuryGovernanceAbi, functionName: 'withdraw_refund' });

const isHostNode = (who: Address) =>
  chain.publicClient.readContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'is_host_node',
    args: [who],
  });

const salaryFreeFrom = (node: Address) =>
  chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'salary_free_from',
    args: [node],
  });

const committedIn = (epoch: bigint) =>
  chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'committed_in_epoch',
    args: [epoch],
  });

const DEADLINE = 'Treasury: the evaluation deadline has passed; the proposal can only expire';

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
  it('cannot back-pay a host node salary: after the evaluation epoch the election only expires', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    await at(0n);
    const election = await submitted(await chain.write(AUTHOR, electionRequest(account(NODE), 12)));
    await at(1n);
    await vote(4, election, For);
    // The vote ended with epoch 1; nobody evaluates in epoch 2. In epoch 12 the evaluation is refused.
    await at(12n);
    expect(await reason(OTHER, 'evaluate', election)).toBe(DEADLINE);
    ok(await send(OTHER, 'expire', election));
    expect(await proposal(election)).toMatchObject({
      status: ProposalStatus.Expired,
      executed: false,
      first_pay_epoch: 0n,
    });
    expect(await isHostNode(account(NODE))).toBe(false);
    expect(await reason(OTHER, 'pay', election)).toBe(
      'Treasury: not an accepted funding proposal or host node election',
    );
    // The deposit is the author's again, as a refund to withdraw.
    expect(await refundOwed(account(AUTHOR))).toBe(DEPOSIT);
    expect(await govView('held_deposits')).toBe(0n);
  });

  it('pays an election evaluated on time from the epoch it executed in, never before', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    await at(0n);
    const election = await submitted(await chain.write(AUTHOR, electionRequest(account(NODE), 12)));
    await at(1n);
    await vote(4, election, For);
    // The last second of the evaluation epoch still evaluates.
    await chain.setNextBlockTimestamp(epochStart(3n) - 1n);
    ok(await send(OTHER, 'evaluate', election));
    expect((await proposal(election)).first_pay_epoch).toBe(2n);
    const paid = paymentsOf(ok(await send(OTHER, 'pay', election)));
    expect(paid).toEqual([{ id: election, payee: account(NODE), epochs_paid: 1n, amount: SALARY }]);
  });

  it('never lets an old election re-elect a removed node and pay its past epochs again', async () => {
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
    // The second election, accepted back in epoch 1 and left unevaluated, cannot be evaluated now: it expires.
    expect(await reason(OTHER, 'evaluate', old)).toBe(DEADLINE);
    ok(await send(OTHER, 'expire', old));
    expect(await proposal(old)).toMatchObject({ status: ProposalStatus.Expired, executed: false });
    expect(await isHostNode(account(NODE))).toBe(false);
    expect(await reason(OTHER, 'pay', old)).toBe('Treasury: not an accepted funding proposal or host node election');
  });

  it('never pays two salaries for the epoch a removal and a new election of the same node both execute in', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    await at(0n);
    const first = await submitted(await chain.write(AUTHOR, electionRequest(account(NODE), 6)));
    await at(1n);
    await vote(4, first, For);
    await at(2n);
    ok(await send(OTHER, 'evaluate', first)); // elected in epoch 2, salary for epochs 2..7
    // In the same epoch: its removal and a new election of the same node, voted together in epoch 3.
    const removal = await submitted(await chain.write(AUTHOR, removalRequest(account(NODE))));
    const again = await submitted(await chain.write(AUTHOR, electionRequest(account(NODE), 3)));
    await at(3n);
    await vote(4, removal, For);
    await vote(4, again, For);
    await at(4n);
    ok(await send(OTHER, 'evaluate', removal)); // removed in epoch 4: the first salary keeps epochs 2..4
    expect(await salaryFreeFrom(account(NODE))).toBe(5n);
    ok(await send(OTHER, 'evaluate', again)); // elected again in epoch 4, but epoch 4 is already paid for
    expect(await isHostNode(account(NODE))).toBe(true);
    expect(await proposal(first)).toMatchObject({ first_pay_epoch: 2n, epochs: 3 });
    // The new salary starts after the last epoch the ended one covers, and keeps its three epochs (5..7).
    expect(await proposal(again)).toMatchObject({ first_pay_epoch: 5n, epochs: 3, paid_epochs: 0 });
    // One salary committed to each epoch from 2 to 7, epoch 4 included.
    for (const e of [2n, 3n, 4n, 5n, 6n, 7n]) expect(await committedIn(e)).toBe(SALARY);
    const before = await chain.balance(account(NODE));
    ok(await send(OTHER, 'pay', first));
    expect(await reason(OTHER, 'pay', again)).toBe('Treasury: nothing is due');
    // Epochs 2, 3 and 4 have passed: three salaries, once each.
    expect((await chain.balance(account(NODE))) - before).toBe(3n * SALARY);
    // By epoch 6 the node served five epochs (2..6) and drew five salaries; epoch 7 completes the second one.
    await at(6n);
    ok(await send(OTHER, 'pay', again));
    expect((await chain.balance(account(NODE))) - before).toBe(5n * SALARY);
    await at(9n);
    ok(await send(OTHER, 'pay', again));
    expect((await chain.balance(account(NODE))) - before).toBe(6n * SALARY);
    expect(await proposal(again)).toMatchObject({ paid_epochs: 3 });
    expect(await reason(OTHER, 'pay', again)).toBe('Treasury: nothing is due');
  });

  it('refuses to expire a proposal that can still be voted or evaluated', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    expect(await reason(OTHER, 'expire', id)).toBe('Treasury: the proposal can still be voted or evaluated');
    await at(1n);
    expect(await reason(OTHER, 'expire', id)).toBe('Treasury: the proposal can still be voted or evaluated');
    await chain.setNextBlockTimestamp(epochStart(3n) - 1n);
    expect((await send(OTHER, 'expire', id)).status).toBe('reverted');
    await chain.setNextBlockTimestamp(epochStart(3n));
    ok(await send(OTHER, 'expire', id));
    expect(await reason(OTHER, 'expire', id)).toBe('Treasury: proposal is not in voting');
    expect(await reason(OTHER, 'evaluate', id)).toBe('Treasury: proposal is not in voting');
  });

  it('never lets an author that refuses its refund block or time the evaluation', async () => {
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
    // Anyone evaluates on time: the refund is only credited.
    ok(await send(OTHER, 'evaluate', 0n));
    expect((await proposal(0n)).status).toBe(ProposalStatus.Accepted);
    expect(await refundOwed(actor)).toBe(DEPOSIT);
    expect(await govView('total_refunds_owed')).toBe(DEPOSIT);
    // Its refusal now only stops its own withdrawal of the refund, which stays owed.
    const withdrawData = encodeFunctionData({ abi: treasuryGovernanceAbi, functionName: 'withdraw_refund' });
    const exec = { address: actor, abi: actorAbi, functionName: 'exec', args: [gov, withdrawData] } as const;
    expect(await chain.revertReason(AUTHOR, exec)).toBe('Treasury: transfer failed');
    ok(await chain.write(0, { address: actor, abi: actorAbi, functionName: 'configure', args: [gov, '0x', false] }));
    ok(await chain.write(AUTHOR, exec));
    expect(await chain.balance(actor)).toBe(DEPOSIT);
    expect(await refundOwed(actor)).toBe(0n);
    expect(await govView('total_refunds_owed')).toBe(0n);
    expect(await chain.revertReason(AUTHOR, exec)).toBe('Treasury: no refund is owed to you');
  });

  it('keeps refunds owed out of the payments', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    await at(1n);
    await vote(4, id, For);
    await at(2n);
    ok(await send(OTHER, 'evaluate', id));
    // The only CLO in the treasury is the refund owed to the author: the payment cannot take it.
    expect(await govView('available_balance')).toBe(0n);
    expect(await reason(OTHER, 'pay', id)).toBe('Treasury: treasury cannot cover the payment');
    const before = await chain.balance(account(AUTHOR));
    const receipt = ok(await withdrawRefund(AUTHOR));
    expect(await chain.balance(account(AUTHOR))).toBe(before + DEPOSIT - chain.gasCost(receipt));
  });
});

// ---- M-02 ------------------------------------------------------------------------------------------------

describe('M-02 quorum measured at the end of the vote', () => {
  it('keeps a proposal accepted when a non-voter stakes after the vote and evaluates first', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    await at(1n);
    await vote(3, id, For); // 300 of 1,000 staked at the end of the vote: 30% turnout, 10% quorum
    await at(2n);
    await stake(5, parseEther('3000')); // after the vote closed
    ok(await send(5, 'evaluate', id));
    // The 3,000 CLO staked after the vote do not count: 300 of the 1,000 staked when it ended.
    expect(await proposal(id)).toMatchObject({
      status: ProposalStatus.Accepted,
      total_staked_at_vote_end: parseEther('1000'),
    });
  });

  it('fails a 5% turnout even when non-voters withdraw after the vote', async () => {
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
    // The quorum is measured against the 1,000 CLO staked when the vote ended: 5% falls short of 10%.
    expect(await proposal(id)).toMatchObject({
      status: ProposalStatus.NotEnoughVotes,
      total_staked_at_vote_end: parseEther('1000'),
    });
  });
  it('decides by the quorum in force at submission, whatever changes execute before the evaluation', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    const raise = await submitted(await chain.write(AUTHOR, parameterRequest(ProposalParam.Quorum, 1500n, DEPOSIT)));
    await at(1n);
    await vote(2, id, For); // 100 of 1,000: exactly the 10% quorum of its submission
    await vote(4, raise, For);
    await at(2n);
    ok(await send(OTHER, 'evaluate', raise)); // the quorum is now 15%
    expect(await govView('quorum_bps')).toBe(1500);
    ok(await send(OTHER, 'evaluate', id));
    expect(await proposal(id)).toMatchObject({ status: ProposalStatus.Accepted, quorum_bps: 1000 });
  });
});

// ---- M-03 ------------------------------------------------------------------------------------------------

describe('M-03 unbounded parameters', () => {
  const submitReason = (param: number, value: bigint) =>
    chain.revertReason(AUTHOR, parameterRequest(param, value, DEPOSIT));

  it('refuses a 2^255 deposit, and any deposit beyond its bounds or more than one step away', async () => {
    await at(0n);
    const { SubmissionDeposit } = ProposalParam;
    expect(await submitReason(SubmissionDeposit, 2n ** 255n)).toBe('Treasury: deposit must be 1 to 100000 CLO');
    expect(await submitReason(SubmissionDeposit, parseEther('100000') + 1n)).toBe(
      'Treasury: deposit must be 1 to 100000 CLO',
    );
    expect(await submitReason(SubmissionDeposit, parseEther('1') - 1n)).toBe(
      'Treasury: deposit must be 1 to 100000 CLO',
    );
    // From 5 CLO: at most 10, at least 2.5.
    expect(await submitReason(SubmissionDeposit, parseEther('10') + 1n)).toBe(
      'Treasury: deposit may at most double or halve at a time',
    );
    expect(await submitReason(SubmissionDeposit, parseEther('2.5') - 1n)).toBe(
      'Treasury: deposit may at most double or halve at a time',
    );
    await submitted(await chain.write(AUTHOR, parameterRequest(SubmissionDeposit, parseEther('10'), DEPOSIT)));
    await submitted(await chain.write(AUTHOR, parameterRequest(SubmissionDeposit, parseEther('2.5'), DEPOSIT)));
  });

  it('refuses a 100% quorum, and any quorum beyond 1%..30% or more than 500 bps away', async () => {
    await at(0n);
    const { Quorum } = ProposalParam;
    expect(await submitReason(Quorum, 10_000n)).toBe('Treasury: quorum must be 100 to 3000 bps (1% to 30%)');
    expect(await submitReason(Quorum, 3001n)).toBe('Treasury: quorum must be 100 to 3000 bps (1% to 30%)');
    expect(await submitReason(Quorum, 99n)).toBe('Treasury: quorum must be 100 to 3000 bps (1% to 30%)');
    expect(await submitReason(Quorum, 1501n)).toBe('Treasury: quorum may change by at most 500 bps at a time');
    expect(await submitReason(Quorum, 499n)).toBe('Treasury: quorum may change by at most 500 bps at a time');
    await submitted(await chain.write(AUTHOR, parameterRequest(Quorum, 1500n, DEPOSIT)));
    await submitted(await chain.write(AUTHOR, parameterRequest(Quorum, 500n, DEPOSIT)));
  });

  it('checks the step again when the change executes, against the value then', async () => {
    await stakeAll();
    await at(0n);
    const { Quorum } = ProposalParam;
    const up = await submitted(await chain.write(AUTHOR, parameterRequest(Quorum, 1500n, DEPOSIT)));
    const down = await submitted(await chain.write(AUTHOR, parameterRequest(Quorum, 500n, DEPOSIT)));
    await at(1n);
    await vote(4, up, For);
    await vote(4, down, For);
    await at(2n);
    ok(await send(OTHER, 'evaluate', up));
    const receipt = ok(await send(OTHER, 'evaluate', down));
    expect(
      parseEventLogs({ abi: treasuryGovernanceAbi, logs: receipt.logs, eventName: 'ExecutionFailed' }),
    ).toMatchObject([{ args: { id: down, reason: 'Treasury: quorum may change by at most 500 bps at a time' } }]);
    expect(await proposal(down)).toMatchObject({ status: ProposalStatus.Accepted, executed: false });
    expect(await govView('quorum_bps')).toBe(1500);
  });

  it('refuses storage prices beyond their bounds or more than one step away', async () => {
    await at(0n);
    const { StorageUnitPrice, StorageFloorPrice } = ProposalParam;
    expect(await submitReason(StorageUnitPrice, parseEther('1000') + 1n)).toBe(
      'Treasury: unit price must be 0.001 to 1000 CLO a MB',
    );
    expect(await submitReason(StorageFloorPrice, 0n)).toBe('Treasury: floor price must be 0.000001 to 10 CLO a MB');
    // The file system's unit price is 1 CLO, its floor 0.001 CLO.
    expect(await submitReason(StorageUnitPrice, parseEther('2') + 1n)).toBe(
      'Treasury: unit price may at most double or halve at a time',
    );
    expect(await submitReason(StorageFloorPrice, parseEther('0.0005') - 1n)).toBe(
      'Treasury: floor price may at most double or halve at a time',
    );
    await submitted(await chain.write(AUTHOR, parameterRequest(StorageUnitPrice, parseEther('2'), DEPOSIT)));
    await submitted(await chain.write(AUTHOR, parameterRequest(StorageFloorPrice, parseEther('0.0005'), DEPOSIT)));
  });

  it('keeps governance live after the worst accepted changes: a 30% quorum and the largest deposit', async () => {
    await stakeAll();
    const { Quorum } = ProposalParam;
    // Four accepted steps take the quorum from 10% to its 30% bound, one change every other epoch.
    for (const [i, value] of [1500n, 2000n, 2500n, 3000n].entries()) {
      const epoch = BigInt(2 * i);
      await at(epoch);
      const id = await submitted(await chain.write(AUTHOR, parameterRequest(Quorum, value, DEPOSIT)));
      await at(epoch + 1n);
      await vote(4, id, For);
      await at(epoch + 2n);
      ok(await send(OTHER, 'evaluate', id));
      expect(await govView('quorum_bps')).toBe(Number(value));
    }
    // A holder of 60% who never votes cannot stop the others: 300 + 100 of 1,000 reach the 30% quorum.
    const next = await submitFunding();
    await at(9n);
    await vote(3, next, For);
    await vote(2, next, For);
    await at(10n);
    ok(await send(OTHER, 'evaluate', next));
    expect((await proposal(next)).status).toBe(ProposalStatus.Accepted);

    // At the largest deposit the bounds allow, 100,000 CLO, a proposal is still submitted and passes.
    const largest = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
      staking,
      EPOCH,
      3000,
      parseEther('100000'),
      zeroAddress,
      zeroAddress,
    ]);
    await chain.setBalance(account(AUTHOR), parseEther('200000'));
    const id = await submitted(
      await chain.write(AUTHOR, {
        address: largest,
        abi: treasuryGovernanceAbi,
        functionName: 'submit_funding',
        args: fundingArgs(account(PAYEE)),
        value: parseEther('100000'),
      }),
    );
    expect(id).toBe(0n);
  });
});

// ---- L-01 ------------------------------------------------------------------------------------------------

describe('L-01 funding paid to the cold staking contract', () => {
  it('pays it as a donation to the reward pool, not as a stake owned by the treasury', async () => {
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
    // The 10 CLO went to the stakers' reward pool; the treasury holds no stake.
    expect(staked).toBe(0n);
    expect(poolAfter).toBe(poolBefore + parseEther('10'));
  });
});
