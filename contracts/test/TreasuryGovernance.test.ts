// Rules of contracts/TreasuryGovernance.sol, one describe or test each, on a real anvil with a real ColdStaking
// whose governance is the contract under test. Time is placed explicitly: `at(epoch)` mines a block in the middle
// of an epoch, and boundary cases fix the timestamp of the transaction's own block.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodeFunctionData,
  keccak256,
  maxUint256,
  parseEther,
  parseEventLogs,
  toHex,
  zeroAddress,
  zeroHash,
  type Address,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { auditRegistryAbi, auditRegistryBytecode } from '../../contracts-abi/AuditRegistry';
import { callistoFSAbi, callistoFSBytecode } from '../../contracts-abi/CallistoFS';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { treasuryGovernanceAbi, treasuryGovernanceBytecode } from '../../contracts-abi/TreasuryGovernance';
import {
  depositMessage,
  dueEpochs,
  evaluationDeadline,
  evaluationOutcome,
  executionFailed,
  isAuditManagerKind,
  ProposalKind,
  ProposalParam,
  ProposalStatus,
  proposalStatusLabel,
  reasonToMessage,
  validateDescriptionHash,
  validateDescriptionUrl,
  validateParameterValue,
  validatePayee,
  validateTitle,
  parseAmountPerEpoch,
  parseEpochs,
  VoteChoice,
  votingWindow,
} from '../../lib/governance/proposal';
import { startTestChain, testContract, type TestChain, revertAfterEachTest } from './harness';

const DAY = 86_400n;
const EPOCH = 10n * DAY;
/** Short staking rounds, so that a voter's term can end inside a vote. */
const ROUND = DAY;
const MAX_DELAY = 365n * DAY;
const FAST = 10n ** 12n;
const QUORUM = 1000; // 10%
const DEPOSIT = parseEther('5');
/** File system prices, wei per MB. */
const UNIT_PRICE = parseEther('1');
const FLOOR_PRICE = parseEther('0.001');
const URL = 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';
const HASH = keccak256(toHex('A proposal to fund the audit of the bridge.'));
const { For, Against, Abstain, None } = VoteChoice;

const AUTHOR = 1;
const PAYEE = 6;
const OTHER = 7;

let chain: TestChain;
let staking: Address;
let gov: Address;
let registry: Address;
let fileSystem: Address;
let genesis: bigint;

const account = (i: number): Address => chain.accounts[i]!.address;

beforeAll(async () => {
  chain = await startTestChain();
  staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, MAX_DELAY, FAST, account(0)]);
  registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [account(0), 90n * DAY, EPOCH, 10n, 5n]);
  fileSystem = await chain.deploy(callistoFSAbi, callistoFSBytecode, [account(0), UNIT_PRICE, FLOOR_PRICE]);
  gov = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
    staking,
    EPOCH,
    QUORUM,
    DEPOSIT,
    registry,
    fileSystem,
  ]);
  expectSuccess(
    await chain.write(0, { address: staking, abi: coldStakingAbi, functionName: 'set_governance', args: [gov] }),
  );
  expectSuccess(
    await chain.write(0, { address: registry, abi: auditRegistryAbi, functionName: 'set_governance', args: [gov] }),
  );
  expectSuccess(
    await chain.write(0, { address: fileSystem, abi: callistoFSAbi, functionName: 'set_governance', args: [gov] }),
  );
  genesis = await read('genesis');
});

revertAfterEachTest(() => chain);

// ---- helpers ---------------------------------------------------------------------------------------------

function expectSuccess(receipt: TransactionReceipt): TransactionReceipt {
  expect(receipt.status).toBe('success');
  return receipt;
}

type ScalarView =
  | 'genesis'
  | 'epoch_length'
  | 'quorum_bps'
  | 'submission_deposit'
  | 'held_deposits'
  | 'proposal_count'
  | 'current_epoch'
  | 'available_balance'
  | 'total_refunds_owed';

async function read(functionName: ScalarView): Promise<bigint> {
  return BigInt(await chain.publicClient.readContract({ address: gov, abi: treasuryGovernanceAbi, functionName }));
}

const proposal = (id: bigint) =>
  chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'get_proposal',
    args: [id],
  });

const proposals = (offset: bigint, limit: bigint) =>
  chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'get_proposals',
    args: [offset, limit],
  });

async function voteOf(id: bigint, voter: number) {
  const [choice, weight] = await chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'vote_of',
    args: [id, account(voter)],
  });
  return { choice, weight };
}

const dueOnChain = (id: bigint) =>
  chain.publicClient.readContract({ address: gov, abi: treasuryGovernanceAbi, functionName: 'due_epochs', args: [id] });

const committed = (epoch: bigint) =>
  chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'committed_in_epoch',
    args: [epoch],
  });

const heldUntil = (who: number) =>
  chain.publicClient.readContract({
    address: staking,
    abi: coldStakingAbi,
    functionName: 'held_until',
    args: [account(who)],
  });

const epochStart = (epoch: bigint) => genesis + epoch * EPOCH;

/** Mines a block `offset` seconds into `epoch` (the middle by default). */
async function at(epoch: bigint, offset = EPOCH / 2n) {
  await chain.setNextBlockTimestamp(epochStart(epoch) + offset);
  await chain.mine(1);
}

/** Makes the next transaction's block carry exactly this timestamp. */
const nextTxAt = (timestamp: bigint) => chain.setNextBlockTimestamp(timestamp);

async function stake(from: number, value: bigint, rounds = 1n) {
  return expectSuccess(
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

interface FundingArgs {
  title: string;
  url: string;
  hash: Hex;
  payee: Address;
  amount: bigint;
  epochs: number;
}

function fundingRequest(over: Partial<FundingArgs> = {}, value = DEPOSIT) {
  const a: FundingArgs = {
    title: 'Audit of the bridge',
    url: URL,
    hash: HASH,
    payee: account(PAYEE),
    amount: parseEther('10'),
    epochs: 3,
    ...over,
  };
  return {
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'submit_funding' as const,
    args: [a.title, a.url, a.hash, a.payee, a.amount, a.epochs] as const,
    value,
  };
}

function parameterRequest(param: number, paramValue: bigint, value = DEPOSIT) {
  return {
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'submit_parameter_change' as const,
    args: ['Change a parameter', URL, HASH, param, paramValue] as const,
    value,
  };
}

async function submitted(receipt: TransactionReceipt): Promise<bigint> {
  expectSuccess(receipt);
  return parseEventLogs({ abi: treasuryGovernanceAbi, logs: receipt.logs, eventName: 'ProposalSubmitted' })[0]!.args.id;
}

const submitFunding = async (over: Partial<FundingArgs> = {}, from = AUTHOR) =>
  submitted(await chain.write(from, fundingRequest(over)));

const submitParameter = async (param: number, value: bigint, from = AUTHOR) =>
  submitted(await chain.write(from, parameterRequest(param, value, await read('submission_deposit'))));

const submitReason = (over: Partial<FundingArgs> = {}, value = DEPOSIT) =>
  chain.revertReason(AUTHOR, fundingRequest(over, value));

const voteRequest = (id: bigint, choice: number) =>
  ({ address: gov, abi: treasuryGovernanceAbi, functionName: 'vote', args: [id, choice] }) as const;
const vote = async (from: number, id: bigint, choice: number) =>
  expectSuccess(await chain.write(from, voteRequest(id, choice)));
const voteReason = (from: number, id: bigint, choice: number) => chain.revertReason(from, voteRequest(id, choice));

type ProposalCall = 'evaluate' | 'pay' | 'withdraw' | 'expire';
const callRequest = (functionName: ProposalCall, id: bigint) =>
  ({ address: gov, abi: treasuryGovernanceAbi, functionName, args: [id] }) as const;
const send = (from: number, functionName: ProposalCall, id: bigint) => chain.write(from, callRequest(functionName, id));
const reason = (from: number, functionName: ProposalCall, id: bigint) =>
  chain.revertReason(from, callRequest(functionName, id));
const withdrawRefundRequest = () =>
  ({ address: gov, abi: treasuryGovernanceAbi, functionName: 'withdraw_refund' }) as const;
const refundOwedTo = (who: number) =>
  chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'refund_owed',
    args: [account(who)],
  });

type EventName =
  | 'ProposalSubmitted'
  | 'VoteCast'
  | 'ProposalEvaluated'
  | 'PaymentMade'
  | 'ProposalWithdrawn'
  | 'ParameterChanged'
  | 'ExecutionFailed'
  | 'SalaryEnded'
  | 'Donation'
  | 'ProposalExpired'
  | 'RefundCredited'
  | 'RefundWithdrawn';

function events<const name extends EventName>(receipt: TransactionReceipt, eventName: name) {
  return parseEventLogs({ abi: treasuryGovernanceAbi, logs: receipt.logs, eventName }).map((log) => log.args);
}

/** A block-reward credit: the balance rises without a transaction. */
async function credit(amount: bigint) {
  await chain.setBalance(gov, (await chain.balance(gov)) + amount);
}

/** Stakes 100, 300 and 600 CLO from accounts 2, 3 and 4: 1,000 CLO in all, a quorum of exactly 100 CLO. */
async function stakeAll() {
  await stake(2, parseEther('100'));
  await stake(3, parseEther('300'));
  await stake(4, parseEther('600'));
}

/** Submits in epoch 0, votes in epoch 1 with the given (account, choice) pairs, moves to epoch 2. */
async function decided(votes: [number, number][], over: Partial<FundingArgs> = {}): Promise<bigint> {
  await at(0n);
  const id = await submitFunding(over);
  await at(1n);
  for (const [who, choice] of votes) await vote(who, id, choice);
  await at(2n);
  return id;
}

// ---- deployment ------------------------------------------------------------------------------------------

describe('deployment', () => {
  it('records its parameters and starts at epoch 0', async () => {
    expect(await read('epoch_length')).toBe(EPOCH);
    expect(await read('quorum_bps')).toBe(BigInt(QUORUM));
    expect(await read('submission_deposit')).toBe(DEPOSIT);
    expect(await read('proposal_count')).toBe(0n);
    expect(await read('current_epoch')).toBe(0n);
    const stakingAddress = await chain.publicClient.readContract({
      address: gov,
      abi: treasuryGovernanceAbi,
      functionName: 'staking',
    });
    expect(stakingAddress.toLowerCase()).toBe(staking.toLowerCase());
    await at(3n, 7n);
    expect(await read('current_epoch')).toBe(3n);
    expect(
      await chain.publicClient.readContract({
        address: gov,
        abi: treasuryGovernanceAbi,
        functionName: 'epoch_start',
        args: [3n],
      }),
    ).toBe(genesis + 3n * EPOCH);
  });

  it.each([
    ['staking is zero', zeroAddress, EPOCH, QUORUM, DEPOSIT],
    ['epoch length is zero', null, 0n, QUORUM, DEPOSIT],
    ['quorum is below 1%', null, EPOCH, 99, DEPOSIT],
    ['quorum is above 30%', null, EPOCH, 3001, DEPOSIT],
    ['deposit is below 1 CLO', null, EPOCH, QUORUM, parseEther('1') - 1n],
    ['deposit is above 100,000 CLO', null, EPOCH, QUORUM, parseEther('100000') + 1n],
  ] as const)('rejects a deployment where %s', async (_, stakingAddress, epochLength, quorum, deposit) => {
    await expect(
      chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
        stakingAddress ?? staking,
        epochLength,
        quorum,
        deposit,
        zeroAddress,
        zeroAddress,
      ]),
    ).rejects.toThrow();
  });
});

// ---- submission ------------------------------------------------------------------------------------------

describe('submission', () => {
  it('records a funding proposal, holds the deposit and schedules the vote for the next epoch', async () => {
    await at(2n);
    const receipt = expectSuccess(await chain.write(AUTHOR, fundingRequest()));
    expect(events(receipt, 'ProposalSubmitted')).toEqual([
      { id: 0n, author: account(AUTHOR), kind: ProposalKind.Funding, title: 'Audit of the bridge' },
    ]);
    const p = await proposal(0n);
    expect(p).toMatchObject({
      id: 0n,
      kind: ProposalKind.Funding,
      status: ProposalStatus.Voting,
      author: account(AUTHOR),
      title: 'Audit of the bridge',
      description_url: URL,
      description_hash: HASH,
      payee: account(PAYEE),
      amount_per_epoch: parseEther('10'),
      epochs: 3,
      paid_epochs: 0,
      voting_epoch: 3n,
      first_pay_epoch: 0n,
      param_value: 0n,
      deposit: DEPOSIT,
      votes_for: 0n,
      votes_against: 0n,
      votes_abstain: 0n,
    });
    expect(await read('proposal_count')).toBe(1n);
    expect(await read('held_deposits')).toBe(DEPOSIT);
    expect(await chain.balance(gov)).toBe(DEPOSIT);
    expect(await read('available_balance')).toBe(0n);
    // Ids count from 0.
    expect(await submitFunding()).toBe(1n);
    expect(await read('held_deposits')).toBe(2n * DEPOSIT);
  });

  it('accepts the limits: a 120-byte title, a 256-byte https URL, 1 and 12 epochs', async () => {
    await at(0n);
    await submitFunding({ title: 'é'.repeat(60) }); // 60 characters, 120 bytes
    await submitFunding({ url: 'https://' + 'a'.repeat(248) });
    await submitFunding({ epochs: 1 });
    await submitFunding({ epochs: 12, amount: 1n });
    expect(await read('proposal_count')).toBe(4n);
  });

  it.each([
    ['an empty title', { title: '' }, 'Treasury: title must be 1 to 120 bytes'],
    ['a title of 121 bytes', { title: 'x'.repeat(121) }, 'Treasury: title must be 1 to 120 bytes'],
    ['a title of 61 two-byte characters', { title: 'é'.repeat(61) }, 'Treasury: title must be 1 to 120 bytes'],
    ['an empty URL', { url: '' }, 'Treasury: description URL is empty'],
    ['a URL of 257 bytes', { url: 'https://' + 'a'.repeat(249) }, 'Treasury: description URL is longer than 256 bytes'],
    ['an http URL', { url: 'http://example.com/p' }, 'Treasury: description URL must start with ipfs:// or https://'],
    ['an ftp URL', { url: 'ftp://example.com/p' }, 'Treasury: description URL must start with ipfs:// or https://'],
    [
      'a scheme in capitals',
      { url: 'HTTPS://example.com' },
      'Treasury: description URL must start with ipfs:// or https://',
    ],
    ['a bare prefix fragment', { url: 'ipfs:/' }, 'Treasury: description URL must start with ipfs:// or https://'],
    ['a zero hash', { hash: zeroHash }, 'Treasury: description hash is zero'],
    ['a zero payee', { payee: zeroAddress }, 'Treasury: payee is the zero address'],
    ['a zero amount', { amount: 0n }, 'Treasury: amount per epoch is zero'],
    ['0 epochs', { epochs: 0 }, 'Treasury: epochs must be 1 to 12'],
    ['13 epochs', { epochs: 13 }, 'Treasury: epochs must be 1 to 12'],
  ] as const)('rejects %s', async (_, over, expected) => {
    await at(0n);
    expect(await submitReason(over)).toBe(expected);
  });

  it('says the same as the form validation of lib/governance', async () => {
    await at(0n);
    const cases: [Partial<FundingArgs>, string | undefined][] = [
      [{ title: '' }, validateTitle('')],
      [{ title: 'x'.repeat(121) }, validateTitle('x'.repeat(121))],
      [{ url: '' }, validateDescriptionUrl('')],
      [{ url: 'https://' + 'a'.repeat(249) }, validateDescriptionUrl('https://' + 'a'.repeat(249))],
      [{ url: 'http://x' }, validateDescriptionUrl('http://x')],
      [{ hash: zeroHash }, validateDescriptionHash(zeroHash)],
      [{ payee: zeroAddress }, validatePayee(zeroAddress)],
      [{ amount: 0n }, parseAmountPerEpoch('0').error],
      [{ epochs: 0 }, parseEpochs('0').error],
      [{ epochs: 13 }, parseEpochs('13').error],
    ];
    for (const [over, message] of cases) {
      expect(message).toBeDefined();
      expect(reasonToMessage(await submitReason(over))).toBe(message);
    }
    expect(reasonToMessage(await submitReason({}, 0n))).toBe(depositMessage(DEPOSIT));
    expect(reasonToMessage(await chain.revertReason(AUTHOR, parameterRequest(ProposalParam.Quorum, 0n)))).toBe(
      validateParameterValue(ProposalParam.Quorum, 0n),
    );
  });

  it('requires exactly the submission deposit', async () => {
    await at(0n);
    expect(await submitReason({}, 0n)).toBe('Treasury: deposit must be exactly 5 CLO');
    expect(await submitReason({}, DEPOSIT - 1n)).toBe('Treasury: deposit must be exactly 5 CLO');
    expect(await submitReason({}, DEPOSIT + 1n)).toBe('Treasury: deposit must be exactly 5 CLO');
    expect(await submitReason({}, 2n * DEPOSIT)).toBe('Treasury: deposit must be exactly 5 CLO');
  });

  it('validates a parameter change: within its bounds and one step, as the form does', async () => {
    await at(0n);
    const r = (param: number, value: bigint) => chain.revertReason(AUTHOR, parameterRequest(param, value));
    expect(await r(ProposalParam.Quorum, 0n)).toBe('Treasury: quorum must be 100 to 3000 bps (1% to 30%)');
    expect(await r(ProposalParam.Quorum, 10_001n)).toBe('Treasury: quorum must be 100 to 3000 bps (1% to 30%)');
    expect(await r(ProposalParam.Quorum, 2n ** 16n + 1000n)).toBe(
      'Treasury: quorum must be 100 to 3000 bps (1% to 30%)',
    );
    expect(await r(ProposalParam.SubmissionDeposit, 0n)).toBe('Treasury: deposit must be 1 to 100000 CLO');
    expect(await chain.revertReason(AUTHOR, parameterRequest(ProposalParam.Quorum, 1000n, 1n))).toBe(
      'Treasury: deposit must be exactly 5 CLO',
    );
    const cases: [number, bigint, bigint][] = [
      [ProposalParam.Quorum, 3001n, 1000n],
      [ProposalParam.Quorum, 1501n, 1000n],
      [ProposalParam.Quorum, 499n, 1000n],
      [ProposalParam.SubmissionDeposit, parseEther('10') + 1n, DEPOSIT],
      [ProposalParam.SubmissionDeposit, parseEther('0.5'), DEPOSIT],
    ];
    for (const [param, value, current] of cases) {
      expect(reasonToMessage(await r(param, value))).toBe(validateParameterValue(param, value, current));
    }
    const id = await submitParameter(ProposalParam.Quorum, 1500n);
    expect(await proposal(id)).toMatchObject({
      kind: ProposalKind.SetParameter,
      param: ProposalParam.Quorum,
      param_value: 1500n,
      payee: zeroAddress,
      amount_per_epoch: 0n,
      epochs: 0,
      quorum_bps: QUORUM,
    });
    expect(validateParameterValue(ProposalParam.Quorum, 1500n, 1000n)).toBeUndefined();
    await submitParameter(ProposalParam.SubmissionDeposit, parseEther('2.5'));
  });
});

// ---- voting ----------------------------------------------------------------------------------------------

describe('voting', () => {
  it('is open only during the voting epoch', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    expect(await voteReason(2, id, For)).toBe('Treasury: voting has not started');
    // The last second of the submission epoch is still too early; the first of the voting epoch counts.
    await nextTxAt(epochStart(1n) - 1n);
    expect((await chain.write(2, voteRequest(id, For))).status).toBe('reverted');
    await nextTxAt(epochStart(1n));
    await vote(2, id, For);
    // The last second of the voting epoch counts; the next does not.
    await nextTxAt(epochStart(2n) - 1n);
    await vote(3, id, Against);
    await nextTxAt(epochStart(2n));
    expect((await chain.write(4, voteRequest(id, For))).status).toBe('reverted');
    await at(2n);
    expect(await voteReason(4, id, For)).toBe('Treasury: voting has ended');
    expect(await proposal(id)).toMatchObject({ votes_for: parseEther('100'), votes_against: parseEther('300') });
  });

  it('rejects a vote from a non-staker, a vote of None and a vote on a missing proposal', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    await at(1n);
    expect(await voteReason(OTHER, id, For)).toBe('Treasury: only cold stakers vote');
    expect(await voteReason(2, id, None)).toBe('Treasury: choose for, against or abstain');
    expect(await voteReason(2, 5n, For)).toBe('Treasury: no such proposal');
    // An out-of-range choice does not decode as the enum.
    expect((await chain.write(2, voteRequest(id, 4))).status).toBe('reverted');
  });

  it('records the vote, counts the stake at vote time and holds the stake until the vote ends', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    await at(1n);
    const receipt = await vote(2, id, For);
    expect(events(receipt, 'VoteCast')).toEqual([{ id, voter: account(2), choice: For, weight: parseEther('100') }]);
    expect(await voteOf(id, 2)).toEqual({ choice: For, weight: parseEther('100') });
    expect(await voteOf(id, 3)).toEqual({ choice: None, weight: 0n });
    expect(await heldUntil(2)).toBe(epochStart(2n));
    // Adding to the stake after voting does not change the counted weight until the voter votes again.
    await stake(2, parseEther('50'));
    expect(await voteOf(id, 2)).toEqual({ choice: For, weight: parseEther('100') });
    expect((await proposal(id)).votes_for).toBe(parseEther('100'));
    await vote(2, id, For);
    expect(await voteOf(id, 2)).toEqual({ choice: For, weight: parseEther('150') });
    expect((await proposal(id)).votes_for).toBe(parseEther('150'));
  });

  it('moves the weight when a voter changes the vote', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    await at(1n);
    await vote(2, id, For);
    await vote(3, id, For);
    expect(await proposal(id)).toMatchObject({ votes_for: parseEther('400'), votes_against: 0n, votes_abstain: 0n });
    await vote(2, id, Against);
    expect(await proposal(id)).toMatchObject({
      votes_for: parseEther('300'),
      votes_against: parseEther('100'),
      votes_abstain: 0n,
    });
    await vote(3, id, Abstain);
    await vote(2, id, Abstain);
    expect(await proposal(id)).toMatchObject({ votes_for: 0n, votes_against: 0n, votes_abstain: parseEther('400') });
    expect(await voteOf(id, 2)).toEqual({ choice: Abstain, weight: parseEther('100') });
  });

  it('never counts the same coins twice', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    await at(1n);
    // Voting again with the same choice replaces the vote rather than adding to it.
    await vote(2, id, For);
    await vote(2, id, For);
    await vote(2, id, For);
    expect((await proposal(id)).votes_for).toBe(parseEther('100'));
    // Account 2's one-round term has ended, but the coins that voted cannot leave to vote again from another
    // address before the vote ends.
    expect(await chain.revertReason(2, { address: staking, abi: coldStakingAbi, functionName: 'withdraw_stake' })).toBe(
      'ColdStaking: stake is held by governance for a vote',
    );
    // A voter who has not voted yet can still move: account 3 withdraws, and only new stake can vote.
    expectSuccess(await withdrawStake(3));
    await stake(5, parseEther('300'));
    await vote(5, id, For);
    expect((await proposal(id)).votes_for).toBe(parseEther('400'));
    expect(await voteReason(3, id, For)).toBe('Treasury: only cold stakers vote');
  });

  it('holds a voter whose term ended until the vote ends, then lets the stake go', async () => {
    await at(0n);
    const id = await submitFunding();
    await stake(2, parseEther('100')); // one round of one day: the term ends long before the vote
    await at(1n);
    await vote(2, id, Against);
    await nextTxAt(epochStart(2n) - 1n);
    const early = await withdrawStake(2);
    expect(early.status).toBe('reverted');
    await nextTxAt(epochStart(2n));
    expectSuccess(await withdrawStake(2));
    // The recorded vote stays: it was cast with coins staked during the whole vote.
    expect(await voteOf(id, 2)).toEqual({ choice: Against, weight: parseEther('100') });
  });

  it('rejects votes on a withdrawn or evaluated proposal', async () => {
    await stakeAll();
    await at(0n);
    const a = await submitFunding();
    const b = await submitFunding();
    expectSuccess(await send(AUTHOR, 'withdraw', a));
    await at(1n);
    expect(await voteReason(2, a, For)).toBe('Treasury: proposal is not in voting');
    await vote(2, b, For);
    await at(2n);
    expectSuccess(await send(OTHER, 'evaluate', b));
    expect(await voteReason(2, b, For)).toBe('Treasury: proposal is not in voting');
  });
});

// ---- evaluation ------------------------------------------------------------------------------------------

describe('evaluation', () => {
  it('accepts more weight for than against, with a quorum, and credits the deposit to the author', async () => {
    await stakeAll();
    const id = await decided([
      [3, For],
      [2, Against],
    ]);
    const receipt = expectSuccess(await send(OTHER, 'evaluate', id));
    expect(events(receipt, 'RefundCredited')).toEqual([{ id, author: account(AUTHOR), amount: DEPOSIT }]);
    expect(events(receipt, 'ProposalEvaluated')).toEqual([
      {
        id,
        status: ProposalStatus.Accepted,
        votes_for: parseEther('300'),
        votes_against: parseEther('100'),
        votes_abstain: 0n,
      },
    ]);
    const p = await proposal(id);
    expect(p).toMatchObject({
      status: ProposalStatus.Accepted,
      first_pay_epoch: 2n,
      total_staked_at_vote_end: parseEther('1000'),
    });
    expect(await read('held_deposits')).toBe(0n);
    expect(await read('total_refunds_owed')).toBe(DEPOSIT);
    expect(await chain.balance(gov)).toBe(DEPOSIT);
    expect(await read('available_balance')).toBe(0n);
    // The author takes the refund when it likes.
    const authorBefore = await chain.balance(account(AUTHOR));
    const taken = expectSuccess(await chain.write(AUTHOR, withdrawRefundRequest()));
    expect(events(taken, 'RefundWithdrawn')).toEqual([{ author: account(AUTHOR), amount: DEPOSIT }]);
    expect(await chain.balance(account(AUTHOR))).toBe(authorBefore + DEPOSIT - chain.gasCost(taken));
    expect(await chain.balance(gov)).toBe(0n);
    expect(await read('total_refunds_owed')).toBe(0n);
    expect(await committed(1n)).toBe(0n);
    for (const e of [2n, 3n, 4n]) expect(await committed(e)).toBe(parseEther('10'));
    expect(await committed(5n)).toBe(0n);
    expect(proposalStatusLabel(p, 2n)).toBe('Accepted');
  });

  it('rejects more weight against, and a tie', async () => {
    await stakeAll();
    await at(0n);
    const against = await submitFunding();
    const tie = await submitFunding();
    await stake(5, parseEther('100'));
    await at(1n);
    await vote(3, against, Against);
    await vote(2, against, For);
    await vote(2, tie, For);
    await vote(5, tie, Against);
    await vote(4, tie, Abstain);
    await at(2n);
    expectSuccess(await send(OTHER, 'evaluate', against));
    expectSuccess(await send(OTHER, 'evaluate', tie));
    expect((await proposal(against)).status).toBe(ProposalStatus.Rejected);
    expect(await proposal(tie)).toMatchObject({
      status: ProposalStatus.Rejected,
      votes_for: parseEther('100'),
      votes_against: parseEther('100'),
      votes_abstain: parseEther('600'),
    });
    expect(await committed(2n)).toBe(0n);
    expect(await read('held_deposits')).toBe(0n);
  });

  it('fails without a quorum of the stake at the end of the vote; abstentions count for the quorum only', async () => {
    await stakeAll();
    await at(0n);
    const exact = await submitFunding();
    const diluted = await submitFunding();
    const abstained = await submitFunding();
    const none = await submitFunding();
    await at(1n);
    await vote(2, exact, For); // 100 of 1,000: exactly the 10% quorum
    await vote(2, diluted, For);
    await vote(2, abstained, Abstain);
    await vote(3, abstained, For);
    await at(2n);
    expectSuccess(await send(OTHER, 'evaluate', exact));
    expect((await proposal(exact)).status).toBe(ProposalStatus.Accepted);
    // One more wei staked after the vote changes nothing: the stake at the end of the vote decides.
    await stake(5, 1n);
    expectSuccess(await send(OTHER, 'evaluate', diluted));
    expect(await proposal(diluted)).toMatchObject({
      status: ProposalStatus.Accepted,
      total_staked_at_vote_end: parseEther('1000'),
    });
    expectSuccess(await send(OTHER, 'evaluate', abstained));
    expect((await proposal(abstained)).status).toBe(ProposalStatus.Accepted);
    expectSuccess(await send(OTHER, 'evaluate', none));
    expect((await proposal(none)).status).toBe(ProposalStatus.NotEnoughVotes);
    expect(await read('held_deposits')).toBe(0n);
    for (const id of [exact, diluted, abstained, none]) {
      const p = await proposal(id);
      const outcome = evaluationOutcome(p, p.total_staked_at_vote_end, p.quorum_bps);
      expect(ProposalStatus[outcome]).toBe(p.status);
    }
  });

  it('opens at the end of the vote, once', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitFunding();
    expect(await reason(OTHER, 'evaluate', id)).toBe('Treasury: voting has not ended');
    await at(1n);
    await vote(3, id, For);
    expect(await reason(OTHER, 'evaluate', id)).toBe('Treasury: voting has not ended');
    await nextTxAt(epochStart(2n) - 1n);
    expect((await send(OTHER, 'evaluate', id)).status).toBe('reverted');
    await nextTxAt(epochStart(2n));
    expectSuccess(await send(OTHER, 'evaluate', id));
    expect(await reason(OTHER, 'evaluate', id)).toBe('Treasury: proposal is not in voting');
    expect(await reason(OTHER, 'evaluate', 9n)).toBe('Treasury: no such proposal');
  });

  it('closes with the evaluation epoch; afterwards the proposal only expires, its deposit credited', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    const id = await decided([[4, For]]);
    expect(proposalStatusLabel(await proposal(id), 2n)).toBe('Awaiting evaluation');
    expect(
      await chain.publicClient.readContract({
        address: gov,
        abi: treasuryGovernanceAbi,
        functionName: 'evaluation_deadline',
        args: [id],
      }),
    ).toBe(evaluationDeadline(1n, genesis, EPOCH));
    expect(evaluationDeadline(1n, genesis, EPOCH)).toBe(epochStart(3n));
    await at(6n);
    expect(proposalStatusLabel(await proposal(id), 6n)).toBe('Expired');
    expect(await reason(OTHER, 'evaluate', id)).toBe(
      'Treasury: the evaluation deadline has passed; the proposal can only expire',
    );
    const receipt = expectSuccess(await send(OTHER, 'expire', id));
    expect(events(receipt, 'ProposalExpired')).toEqual([{ id }]);
    expect(events(receipt, 'RefundCredited')).toEqual([{ id, author: account(AUTHOR), amount: DEPOSIT }]);
    expect(await proposal(id)).toMatchObject({ status: ProposalStatus.Expired, first_pay_epoch: 0n, executed: false });
    expect(proposalStatusLabel(await proposal(id), 6n)).toBe('Expired');
    expect(await dueOnChain(id)).toBe(0n);
    expect(await committed(2n)).toBe(0n);
  });
});

// ---- withdrawal ------------------------------------------------------------------------------------------

describe('withdrawal by the author', () => {
  it('refunds the deposit before the end of the vote, also during it', async () => {
    await stakeAll();
    await at(0n);
    const a = await submitFunding();
    const b = await submitFunding();
    let before = await chain.balance(account(AUTHOR));
    let receipt = expectSuccess(await send(AUTHOR, 'withdraw', a));
    expect(events(receipt, 'ProposalWithdrawn')).toEqual([{ id: a }]);
    expect(await chain.balance(account(AUTHOR))).toBe(before + DEPOSIT - chain.gasCost(receipt));
    expect((await proposal(a)).status).toBe(ProposalStatus.Withdrawn);
    expect(await read('held_deposits')).toBe(DEPOSIT);

    await at(1n);
    await vote(3, b, For);
    await nextTxAt(epochStart(2n) - 1n);
    before = await chain.balance(account(AUTHOR));
    receipt = expectSuccess(await send(AUTHOR, 'withdraw', b));
    expect(await chain.balance(account(AUTHOR))).toBe(before + DEPOSIT - chain.gasCost(receipt));
    expect(await read('held_deposits')).toBe(0n);
    expect(await chain.balance(gov)).toBe(0n);
    await at(2n);
    expect(await reason(OTHER, 'evaluate', b)).toBe('Treasury: proposal is not in voting');
    expect(await reason(AUTHOR, 'withdraw', b)).toBe('Treasury: proposal is not in voting');
  });

  it('is only for the author, and only before the vote ends', async () => {
    await at(0n);
    const id = await submitFunding();
    expect(await reason(OTHER, 'withdraw', id)).toBe('Treasury: only the author may withdraw');
    await nextTxAt(epochStart(2n));
    expect((await send(AUTHOR, 'withdraw', id)).status).toBe('reverted');
    expect(await reason(AUTHOR, 'withdraw', id)).toBe('Treasury: voting has ended');
    expectSuccess(await send(OTHER, 'evaluate', id));
    expect(await reason(AUTHOR, 'withdraw', id)).toBe('Treasury: proposal is not in voting');
    expect(await reason(AUTHOR, 'withdraw', 3n)).toBe('Treasury: no such proposal');
  });
});

// ---- payment ---------------------------------------------------------------------------------------------

describe('payment', () => {
  it('pays each epoch from the one after the vote, to the payee whoever calls, never twice', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    const id = await decided([[4, For]]);
    expect(await reason(OTHER, 'pay', id)).toBe('Treasury: not an accepted funding proposal or host node election');
    expect(await dueOnChain(id)).toBe(0n);
    expectSuccess(await send(OTHER, 'evaluate', id));
    expect(await dueOnChain(id)).toBe(1n);

    const payeeBefore = await chain.balance(account(PAYEE));
    const receipt = expectSuccess(await send(OTHER, 'pay', id));
    expect(events(receipt, 'PaymentMade')).toEqual([
      { id, payee: account(PAYEE), epochs_paid: 1n, amount: parseEther('10') },
    ]);
    expect(await chain.balance(account(PAYEE))).toBe(payeeBefore + parseEther('10'));
    expect(await dueOnChain(id)).toBe(0n);
    expect(await reason(OTHER, 'pay', id)).toBe('Treasury: nothing is due');
    expect(await reason(PAYEE, 'pay', id)).toBe('Treasury: nothing is due');
    const p = await proposal(id);
    expect(p.paid_epochs).toBe(1);
    expect(proposalStatusLabel(p, 2n)).toBe('Being paid');
    expect(dueEpochs(p, 2n)).toBe(0n);

    // Epoch 3 is missed; in epoch 4 one call pays both.
    await at(4n);
    expect(await dueOnChain(id)).toBe(2n);
    expect(dueEpochs(await proposal(id), 4n)).toBe(2n);
    const late = expectSuccess(await send(AUTHOR, 'pay', id));
    expect(events(late, 'PaymentMade')).toEqual([
      { id, payee: account(PAYEE), epochs_paid: 2n, amount: parseEther('20') },
    ]);
    expect(await chain.balance(account(PAYEE))).toBe(payeeBefore + parseEther('30'));

    // All three paid: nothing more, ever.
    await at(9n);
    expect(await dueOnChain(id)).toBe(0n);
    expect(await reason(OTHER, 'pay', id)).toBe('Treasury: nothing is due');
    const done = await proposal(id);
    expect(done.paid_epochs).toBe(3);
    expect(proposalStatusLabel(done, 9n)).toBe('Completed');
    // 1,000 credited - 30 paid, and the author's deposit still owed to it.
    expect(await chain.balance(gov)).toBe(parseEther('970') + DEPOSIT);
  });

  it('pays every missed epoch in one call, capped at the proposal epochs', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    const id = await decided([[4, For]], { epochs: 12, amount: parseEther('7') });
    expectSuccess(await send(OTHER, 'evaluate', id));
    await at(30n);
    expect(await dueOnChain(id)).toBe(12n);
    const receipt = expectSuccess(await send(OTHER, 'pay', id));
    expect(events(receipt, 'PaymentMade')[0]).toMatchObject({ epochs_paid: 12n, amount: parseEther('84') });
    expect(await reason(OTHER, 'pay', id)).toBe('Treasury: nothing is due');
  });

  it('refuses a payment the treasury cannot cover, without spending held deposits; it stays due', async () => {
    await stakeAll();
    const id = await decided([[4, For]]);
    expectSuccess(await send(OTHER, 'evaluate', id));
    expectSuccess(await chain.write(AUTHOR, withdrawRefundRequest()));
    // Another proposal's deposit is in the balance but not spendable.
    await submitFunding({ title: 'Pending' });
    await credit(parseEther('10') - 1n);
    expect(await chain.balance(gov)).toBe(DEPOSIT + parseEther('10') - 1n);
    expect(await read('available_balance')).toBe(parseEther('10') - 1n);
    expect(await reason(OTHER, 'pay', id)).toBe('Treasury: treasury cannot cover the payment');
    expect((await send(OTHER, 'pay', id)).status).toBe('reverted');
    expect(await dueOnChain(id)).toBe(1n);
    expect((await proposal(id)).paid_epochs).toBe(0);

    // A donation of one wei covers it.
    const donation = await chain.wallet(OTHER).sendTransaction({ to: gov, value: 1n });
    await chain.publicClient.waitForTransactionReceipt({ hash: donation });
    expectSuccess(await send(OTHER, 'pay', id));
    expect(await chain.balance(gov)).toBe(DEPOSIT);
    expect(await read('held_deposits')).toBe(DEPOSIT);
  });

  it('rejects paying a rejected proposal, a parameter change and a missing id', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    await at(0n);
    const rejected = await submitFunding();
    const param = await submitParameter(ProposalParam.Quorum, 1500n);
    await at(1n);
    await vote(4, rejected, Against);
    await vote(4, param, For);
    await at(2n);
    expectSuccess(await send(OTHER, 'evaluate', rejected));
    expectSuccess(await send(OTHER, 'evaluate', param));
    expect(await reason(OTHER, 'pay', rejected)).toBe(
      'Treasury: not an accepted funding proposal or host node election',
    );
    expect(await reason(OTHER, 'pay', param)).toBe('Treasury: not an accepted funding proposal or host node election');
    expect(await reason(OTHER, 'pay', 7n)).toBe('Treasury: no such proposal');
    expect(await dueOnChain(rejected)).toBe(0n);
    expect(await dueOnChain(param)).toBe(0n);
  });
});

// ---- parameter changes -----------------------------------------------------------------------------------

describe('parameter changes', () => {
  it('applies an accepted quorum change', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitParameter(ProposalParam.Quorum, 1500n);
    await at(1n);
    await vote(4, id, For);
    await at(2n);
    const receipt = expectSuccess(await send(OTHER, 'evaluate', id));
    expect(events(receipt, 'ParameterChanged')).toEqual([{ param: ProposalParam.Quorum, value: 1500n }]);
    expect(await read('quorum_bps')).toBe(1500n);
    expect(proposalStatusLabel(await proposal(id), 2n)).toBe('Accepted');

    // The new quorum decides the next vote: 100 + 40 of 1,040 is now short.
    const next = await submitFunding();
    await at(3n);
    await vote(2, next, For);
    await vote(2, next, For);
    await stake(5, parseEther('40'));
    await vote(5, next, For);
    await at(4n);
    expectSuccess(await send(OTHER, 'evaluate', next));
    expect((await proposal(next)).status).toBe(ProposalStatus.NotEnoughVotes);
  });

  it('applies an accepted deposit change to new submissions only', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitParameter(ProposalParam.SubmissionDeposit, parseEther('2.5'));
    await at(1n);
    const pending = await submitFunding(); // carries the old 5 CLO, voted in epoch 2
    await vote(4, id, For);
    await at(2n);
    expectSuccess(await send(OTHER, 'evaluate', id));
    expect(await read('submission_deposit')).toBe(parseEther('2.5'));
    expect(await submitReason({}, DEPOSIT)).toBe('Treasury: deposit must be exactly 2.5 CLO');
    expect(reasonToMessage(await submitReason({}, DEPOSIT))).toBe(depositMessage(parseEther('2.5')));
    const fresh = await submitted(await chain.write(AUTHOR, fundingRequest({}, parseEther('2.5'))));
    expect((await proposal(fresh)).deposit).toBe(parseEther('2.5'));
    expect(await read('held_deposits')).toBe(DEPOSIT + parseEther('2.5'));
    // The pending proposal refunds what it paid.
    await at(3n);
    const before = await refundOwedTo(AUTHOR);
    expectSuccess(await send(OTHER, 'evaluate', pending));
    expect(await refundOwedTo(AUTHOR)).toBe(before + DEPOSIT);
  });

  it('formats an odd deposit in the revert reason with every decimal', async () => {
    await stakeAll();
    await at(0n);
    const odd = 3_234_500_000_000_000_001n; // 3.234500000000000001 CLO
    const id = await submitParameter(ProposalParam.SubmissionDeposit, odd);
    await at(1n);
    await vote(4, id, For);
    await at(2n);
    expectSuccess(await send(OTHER, 'evaluate', id));
    expect(await submitReason({}, 0n)).toBe('Treasury: deposit must be exactly 3.234500000000000001 CLO');
    expect(reasonToMessage(await submitReason({}, 0n))).toBe(depositMessage(odd));
  });

  it('leaves the parameters alone when the change is rejected', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitParameter(ProposalParam.Quorum, 1500n);
    await at(1n);
    await vote(4, id, Against);
    await at(2n);
    const receipt = expectSuccess(await send(OTHER, 'evaluate', id));
    expect(events(receipt, 'ParameterChanged')).toEqual([]);
    expect(await read('quorum_bps')).toBe(BigInt(QUORUM));
  });
});

// ---- treasury balance and reads --------------------------------------------------------------------------

describe('treasury', () => {
  it('accepts donations and block-reward credits', async () => {
    const hash = await chain.wallet(OTHER).sendTransaction({ to: gov, value: parseEther('7') });
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
    expect(events(receipt, 'Donation')).toEqual([{ from: account(OTHER), amount: parseEther('7') }]);
    await credit(parseEther('3'));
    expect(await chain.balance(gov)).toBe(parseEther('10'));
    expect(await read('available_balance')).toBe(parseEther('10'));
  });

  it('returns proposals by id range, clipped', async () => {
    await at(0n);
    for (const title of ['zero', 'one', 'two']) await submitFunding({ title });
    expect(await read('proposal_count')).toBe(3n);
    const titles = async (offset: bigint, limit: bigint) => (await proposals(offset, limit)).map((p) => p.title);
    expect(await titles(0n, 2n)).toEqual(['zero', 'one']);
    expect(await titles(1n, 10n)).toEqual(['one', 'two']);
    expect(await titles(0n, maxUint256)).toEqual(['zero', 'one', 'two']);
    expect(await titles(maxUint256, maxUint256)).toEqual([]);
    expect(await titles(3n, 1n)).toEqual([]);
    expect(await titles(2n, 0n)).toEqual([]);
    expect((await proposals(2n, 1n))[0]).toEqual(await proposal(2n));
    // The app pages newest first: the page of 2 ending at the newest starts at count - 2.
    expect(await titles(1n, 2n)).toEqual(['one', 'two']);
    await expect(proposal(3n)).rejects.toThrow(/no such proposal/);
  });

  it('agrees with lib/governance on the voting window', async () => {
    await at(0n);
    const id = await submitFunding();
    const p = await proposal(id);
    expect(votingWindow(p.voting_epoch, genesis, EPOCH)).toEqual({ start: epochStart(1n), end: epochStart(2n) });
    expect(proposalStatusLabel(p, 0n)).toBe('Pending vote');
    expect(proposalStatusLabel(p, 1n)).toBe('Voting');
  });
});

// ---- hostile payees and authors --------------------------------------------------------------------------

describe('hostile payees and authors', () => {
  const { abi: actorAbi, bytecode: actorBytecode } = testContract('HostileActor');

  const deployActor = () => chain.deploy(actorAbi, actorBytecode, []);
  const configure = async (actor: Address, data: Hex, refuse: boolean) =>
    expectSuccess(
      await chain.write(0, { address: actor, abi: actorAbi, functionName: 'configure', args: [gov, data, refuse] }),
    );
  const actorView = async (actor: Address, functionName: 'reentries' | 'failed_reentries') =>
    (await chain.publicClient.readContract({ address: actor, abi: actorAbi, functionName })) as bigint;
  const callData = (functionName: 'pay' | 'withdraw' | 'evaluate', id: bigint) =>
    encodeFunctionData({ abi: treasuryGovernanceAbi, functionName, args: [id] });

  it('pays a re-entering payee once', async () => {
    const actor = await deployActor();
    await stakeAll();
    await credit(parseEther('1000'));
    const id = await decided([[4, For]], { payee: actor });
    expectSuccess(await send(OTHER, 'evaluate', id));
    await configure(actor, callData('pay', id), false);
    expectSuccess(await send(OTHER, 'pay', id));
    expect(await actorView(actor, 'reentries')).toBe(1n);
    expect(await actorView(actor, 'failed_reentries')).toBe(1n);
    expect(await chain.balance(actor)).toBe(parseEther('10'));
    expect((await proposal(id)).paid_epochs).toBe(1);
  });

  it('keeps the payment due while the payee refuses CLO', async () => {
    const actor = await deployActor();
    await stakeAll();
    await credit(parseEther('1000'));
    const id = await decided([[4, For]], { payee: actor });
    expectSuccess(await send(OTHER, 'evaluate', id));
    await configure(actor, '0x', true);
    expect(await reason(OTHER, 'pay', id)).toBe('Treasury: transfer failed');
    expect(await dueOnChain(id)).toBe(1n);
    await configure(actor, '0x', false);
    expectSuccess(await send(OTHER, 'pay', id));
    expect(await chain.balance(actor)).toBe(parseEther('10'));
  });

  it('refunds a re-entering author once', async () => {
    const actor = await deployActor();
    await at(0n);
    const submit = fundingRequest();
    expectSuccess(
      await chain.write(AUTHOR, {
        address: actor,
        abi: actorAbi,
        functionName: 'exec',
        args: [
          gov,
          encodeFunctionData({ abi: treasuryGovernanceAbi, functionName: 'submit_funding', args: submit.args }),
        ],
        value: DEPOSIT,
      }),
    );
    expect((await proposal(0n)).author.toLowerCase()).toBe(actor.toLowerCase());
    await configure(actor, callData('withdraw', 0n), false);
    expectSuccess(
      await chain.write(AUTHOR, {
        address: actor,
        abi: actorAbi,
        functionName: 'exec',
        args: [gov, callData('withdraw', 0n)],
      }),
    );
    expect(await actorView(actor, 'failed_reentries')).toBe(1n);
    expect(await chain.balance(actor)).toBe(DEPOSIT);
    expect(await read('held_deposits')).toBe(0n);
  });
});

// ---- audit managers --------------------------------------------------------------------------------------

describe('audit manager changes', () => {
  const MANAGER = 8;
  const CONTACT = 'manager@example.org';

  function managerRequest(
    over: { manager?: Address; contact?: string; appoint?: boolean; target?: Address } = {},
    value = DEPOSIT,
  ) {
    return {
      address: over.target ?? gov,
      abi: treasuryGovernanceAbi,
      functionName: 'submit_audit_manager_change' as const,
      args: [
        'Appoint an audit manager',
        URL,
        HASH,
        over.manager ?? account(MANAGER),
        over.contact ?? CONTACT,
        over.appoint ?? true,
      ] as const,
      value,
    };
  }

  const evaluatedStatus = (receipt: TransactionReceipt) =>
    parseEventLogs({ abi: treasuryGovernanceAbi, logs: receipt.logs, eventName: 'ProposalEvaluated' })[0]!.args.status;

  const submitManager = async (over: { manager?: Address; contact?: string; appoint?: boolean } = {}) =>
    submitted(await chain.write(AUTHOR, managerRequest(over)));

  const isManager = (who: number) =>
    chain.publicClient.readContract({
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'is_manager',
      args: [account(who)],
    });

  const registryWrite = (from: number, functionName: 'appoint_manager', args: [Address, string]) =>
    chain.write(from, { address: registry, abi: auditRegistryAbi, functionName, args });

  /** Submits in epoch 0, votes in epoch 1, evaluates in epoch 2; returns the id and the evaluation receipt. */
  async function decide(over: { manager?: Address; contact?: string; appoint?: boolean }, votes: [number, number][]) {
    await at(0n);
    const id = await submitManager(over);
    await at(1n);
    for (const [who, choice] of votes) await vote(who, id, choice);
    await at(2n);
    return { id, receipt: expectSuccess(await send(OTHER, 'evaluate', id)) };
  }

  it('records the registry', async () => {
    const recorded = await chain.publicClient.readContract({
      address: gov,
      abi: treasuryGovernanceAbi,
      functionName: 'audit_registry',
    });
    expect(recorded.toLowerCase()).toBe(registry.toLowerCase());
  });

  it('validates the submission', async () => {
    expect(await chain.revertReason(AUTHOR, managerRequest({ manager: zeroAddress }))).toBe(
      'Treasury: manager is the zero address',
    );
    expect(await chain.revertReason(AUTHOR, managerRequest({ contact: '' }))).toBe(
      'Treasury: contact must be 1 to 100 bytes',
    );
    expect(await chain.revertReason(AUTHOR, managerRequest({ contact: 'x'.repeat(101) }))).toBe(
      'Treasury: contact must be 1 to 100 bytes',
    );
    expect(await chain.revertReason(AUTHOR, managerRequest({ contact: 'x'.repeat(101), appoint: false }))).toBe(
      'Treasury: contact must be at most 100 bytes',
    );
    expect(await chain.revertReason(AUTHOR, managerRequest({}, DEPOSIT - 1n))).toMatch(
      /^Treasury: deposit must be exactly/,
    );
    const appointment = await submitManager({ contact: 'x'.repeat(100) });
    const dismissal = await submitManager({ contact: '', appoint: false });
    expect(await proposal(appointment)).toMatchObject({
      kind: ProposalKind.AppointAuditManager,
      status: ProposalStatus.Voting,
      subject: account(MANAGER),
      contact: 'x'.repeat(100),
      executed: false,
      deposit: DEPOSIT,
    });
    expect(await proposal(dismissal)).toMatchObject({
      kind: ProposalKind.DismissAuditManager,
      subject: account(MANAGER),
      contact: '',
      executed: false,
    });
    expect(isAuditManagerKind(ProposalKind.DismissAuditManager)).toBe(true);
    expect(isAuditManagerKind(ProposalKind.Funding)).toBe(false);
  });

  it('refuses the new kinds on a chain without an audit registry', async () => {
    const bare = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
      staking,
      EPOCH,
      QUORUM,
      DEPOSIT,
      zeroAddress,
      zeroAddress,
    ]);
    expect(await chain.revertReason(AUTHOR, managerRequest({ target: bare }))).toBe(
      'Treasury: no audit registry on this chain',
    );
    expect(await chain.revertReason(AUTHOR, managerRequest({ target: bare, appoint: false }))).toBe(
      'Treasury: no audit registry on this chain',
    );
  });

  it('appoints the manager when accepted', async () => {
    await stakeAll();
    const { id, receipt } = await decide({}, [[3, For]]);
    expect(events(receipt, 'ExecutionFailed')).toEqual([]);
    expect(evaluatedStatus(receipt)).toBe(ProposalStatus.Accepted);
    expect(await isManager(MANAGER)).toBe(true);
    const p = await proposal(id);
    expect(p).toMatchObject({ status: ProposalStatus.Accepted, executed: true });
    expect(executionFailed(p)).toBe(false);
    const [member] = await chain.publicClient.readContract({
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'get_managers',
      args: [0n, 1n],
    });
    expect(member).toMatchObject({ account: account(MANAGER), contact: CONTACT, active_role: true });
  });

  it('dismisses the manager when accepted', async () => {
    expectSuccess(await registryWrite(0, 'appoint_manager', [account(MANAGER), CONTACT]));
    await stakeAll();
    const { id, receipt } = await decide({ appoint: false, contact: '' }, [[4, For]]);
    expect(events(receipt, 'ExecutionFailed')).toEqual([]);
    expect(await isManager(MANAGER)).toBe(false);
    expect(await proposal(id)).toMatchObject({ status: ProposalStatus.Accepted, executed: true });
  });

  it('stays accepted but not executed when the registry refuses, and says why', async () => {
    // A dismissal of an account that is not a manager. (An appointment always takes effect since L-03: the
    // registry no longer refuses an auditor, whose auditor role the appointment ends.)
    await stakeAll();
    const { id, receipt } = await decide({ appoint: false, contact: '' }, [[3, For]]);
    expect(events(receipt, 'ExecutionFailed')).toEqual([{ id, reason: 'Audits: not a manager' }]);
    const p = await proposal(id);
    expect(p).toMatchObject({ status: ProposalStatus.Accepted, executed: false });
    expect(executionFailed(p)).toBe(true);
    expect(await isManager(MANAGER)).toBe(false);
    expect(await read('held_deposits')).toBe(0n);
    expect(await reason(OTHER, 'evaluate', id)).toBe('Treasury: proposal is not in voting');
  });

  it('refuses an evaluation with too little gas for the registry call, so that it cannot be starved', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitManager();
    await at(1n);
    await vote(3, id, For);
    await at(2n);
    const receipt = await chain.write(OTHER, { ...callRequest('evaluate', id), gas: 200_000n });
    expect(receipt.status).toBe('reverted');
    expect((await proposal(id)).status).toBe(ProposalStatus.Voting);
    expectSuccess(await send(OTHER, 'evaluate', id));
    expect(await isManager(MANAGER)).toBe(true);
  });

  it('changes nothing when rejected', async () => {
    await stakeAll();
    const { id, receipt } = await decide({}, [
      [2, For],
      [3, Against],
    ]);
    expect(evaluatedStatus(receipt)).toBe(ProposalStatus.Rejected);
    expect(events(receipt, 'ExecutionFailed')).toEqual([]);
    expect(await proposal(id)).toMatchObject({ status: ProposalStatus.Rejected, executed: false });
    expect(await isManager(MANAGER)).toBe(false);
  });

  it('changes nothing without a quorum', async () => {
    await stake(2, parseEther('50'));
    await stake(3, parseEther('950'));
    const { id, receipt } = await decide({}, [[2, For]]);
    expect(evaluatedStatus(receipt)).toBe(ProposalStatus.NotEnoughVotes);
    expect(events(receipt, 'ExecutionFailed')).toEqual([]);
    expect(await proposal(id)).toMatchObject({ status: ProposalStatus.NotEnoughVotes, executed: false });
    expect(await isManager(MANAGER)).toBe(false);
  });

  it('marks accepted funding and parameter changes executed', async () => {
    await stakeAll();
    await at(0n);
    const funding = await submitFunding();
    const param = await submitParameter(ProposalParam.Quorum, 1500n);
    await at(1n);
    await vote(3, funding, For);
    await vote(3, param, For);
    await at(2n);
    expectSuccess(await send(OTHER, 'evaluate', funding));
    expectSuccess(await send(OTHER, 'evaluate', param));
    expect(await proposal(funding)).toMatchObject({ executed: true });
    expect(await proposal(param)).toMatchObject({ executed: true });
  });
});

// ---- host nodes and storage prices -----------------------------------------------------------------------

describe('host node elections and storage prices', () => {
  const NODE = 8;
  const NODE2 = 9;
  const ENDPOINT = 'https://node.example.org';
  const CAPACITY_MB = 1024n;
  const SALARY = parseEther('10');
  const MB = 1_048_576n;
  const { ElectHostNode, RemoveHostNode } = ProposalKind;
  const { StorageUnitPrice, StorageFloorPrice } = ProposalParam;

  interface ElectionArgs {
    node: Address;
    endpoint: string;
    capacity: bigint;
    salary: bigint;
    epochs: number;
  }

  function electionRequest(over: Partial<ElectionArgs> = {}, target = gov, value = DEPOSIT) {
    const a: ElectionArgs = {
      node: account(NODE),
      endpoint: ENDPOINT,
      capacity: CAPACITY_MB,
      salary: SALARY,
      epochs: 3,
      ...over,
    };
    return {
      address: target,
      abi: treasuryGovernanceAbi,
      functionName: 'submit_host_node_election' as const,
      args: ['Elect a host node', URL, HASH, a.node, a.endpoint, a.capacity, a.salary, a.epochs] as const,
      value,
    };
  }

  const removalRequest = (node: Address, target = gov, value = DEPOSIT) => ({
    address: target,
    abi: treasuryGovernanceAbi,
    functionName: 'submit_host_node_removal' as const,
    args: ['Remove a host node', URL, HASH, node] as const,
    value,
  });

  const priceRequest = (param: number, value: bigint, target = gov) => ({
    ...parameterRequest(param, value),
    address: target,
  });

  const fsRead = <name extends 'capacity_bytes' | 'unit_price' | 'floor_price'>(functionName: name) =>
    chain.publicClient.readContract({ address: fileSystem, abi: callistoFSAbi, functionName });
  const isHostNode = (who: number) =>
    chain.publicClient.readContract({
      address: fileSystem,
      abi: callistoFSAbi,
      functionName: 'is_host_node',
      args: [account(who)],
    });
  async function electionOf(who: number) {
    const [found, id] = await chain.publicClient.readContract({
      address: gov,
      abi: treasuryGovernanceAbi,
      functionName: 'election_of',
      args: [account(who)],
    });
    return { found, id };
  }

  /** Submits the proposals in epoch 0, account 4 (60% of the stake) votes for all in epoch 1, evaluates each in
   * epoch 2 and returns their evaluation receipts. */
  async function accepted(requests: { args: readonly unknown[]; functionName: string }[]) {
    await at(0n);
    const ids: bigint[] = [];
    for (const request of requests) {
      ids.push(await submitted(await chain.write(AUTHOR, request as ReturnType<typeof electionRequest>)));
    }
    await at(1n);
    for (const id of ids) await vote(4, id, For);
    await at(2n);
    const receipts: TransactionReceipt[] = [];
    for (const id of ids) receipts.push(expectSuccess(await send(OTHER, 'evaluate', id)));
    return { ids, receipts };
  }

  it('records the file system', async () => {
    const recorded = await chain.publicClient.readContract({
      address: gov,
      abi: treasuryGovernanceAbi,
      functionName: 'file_system',
    });
    expect(recorded.toLowerCase()).toBe(fileSystem.toLowerCase());
  });

  it('validates an election and a removal, and records them', async () => {
    await at(0n);
    const r = (over: Partial<ElectionArgs>) => chain.revertReason(AUTHOR, electionRequest(over));
    expect(await r({ node: zeroAddress })).toBe('Treasury: node is the zero address');
    expect(await r({ endpoint: '' })).toBe('Treasury: endpoint must be 1 to 256 bytes');
    expect(await r({ endpoint: 'https://' + 'a'.repeat(249) })).toBe('Treasury: endpoint must be 1 to 256 bytes');
    expect(await r({ endpoint: 'ftp://node.example' })).toBe('Treasury: endpoint must start with http:// or https://');
    expect(await r({ endpoint: 'node.example' })).toBe('Treasury: endpoint must start with http:// or https://');
    expect(await r({ capacity: 0n })).toBe('Treasury: capacity must be above zero');
    expect(await r({ salary: 0n })).toBe('Treasury: salary per epoch must be above zero');
    expect(await r({ epochs: 0 })).toBe('Treasury: epochs must be 1 to 12');
    expect(await r({ epochs: 13 })).toBe('Treasury: epochs must be 1 to 12');
    expect(await chain.revertReason(AUTHOR, electionRequest({}, gov, DEPOSIT - 1n))).toMatch(
      /^Treasury: deposit must be exactly/,
    );
    expect(await chain.revertReason(AUTHOR, removalRequest(zeroAddress))).toBe('Treasury: node is the zero address');

    const endpoint = 'http://' + 'a'.repeat(249); // 256 bytes
    const election = await submitted(
      await chain.write(AUTHOR, electionRequest({ endpoint, capacity: 2n ** 64n - 1n, epochs: 12 })),
    );
    expect(await proposal(election)).toMatchObject({
      kind: ElectHostNode,
      status: ProposalStatus.Voting,
      subject: account(NODE),
      payee: account(NODE),
      contact: endpoint,
      param_value: 2n ** 64n - 1n,
      amount_per_epoch: SALARY,
      epochs: 12,
      first_pay_epoch: 0n,
      executed: false,
    });
    const removal = await submitted(await chain.write(AUTHOR, removalRequest(account(NODE))));
    expect(await proposal(removal)).toMatchObject({
      kind: RemoveHostNode,
      subject: account(NODE),
      payee: zeroAddress,
      contact: '',
      amount_per_epoch: 0n,
      epochs: 0,
      executed: false,
    });
  });

  it('refuses the host node and storage price kinds on a chain without a file system', async () => {
    const bare = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
      staking,
      EPOCH,
      QUORUM,
      DEPOSIT,
      registry,
      zeroAddress,
    ]);
    const refused = 'Treasury: no file system on this chain';
    expect(await chain.revertReason(AUTHOR, electionRequest({}, bare))).toBe(refused);
    expect(await chain.revertReason(AUTHOR, removalRequest(account(NODE), bare))).toBe(refused);
    expect(await chain.revertReason(AUTHOR, priceRequest(StorageUnitPrice, 1n, bare))).toBe(refused);
    expect(await chain.revertReason(AUTHOR, priceRequest(StorageFloorPrice, 1n, bare))).toBe(refused);
    // The other kinds still work there.
    expectSuccess(await chain.write(AUTHOR, priceRequest(ProposalParam.Quorum, 1500n, bare)));
  });

  it('elects the node when accepted and pays its salary per epoch', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    const {
      ids: [id],
      receipts: [receipt],
    } = await accepted([electionRequest()]);
    expect(events(receipt!, 'ExecutionFailed')).toEqual([]);
    expect(await isHostNode(NODE)).toBe(true);
    expect(
      await chain.publicClient.readContract({ address: fileSystem, abi: callistoFSAbi, functionName: 'host_nodes' }),
    ).toMatchObject([{ node: account(NODE), endpoint: ENDPOINT, capacity_mb: CAPACITY_MB }]);
    expect(await fsRead('capacity_bytes')).toBe(CAPACITY_MB * MB);
    const p = await proposal(id!);
    expect(p).toMatchObject({ status: ProposalStatus.Accepted, executed: true, first_pay_epoch: 2n });
    expect(await electionOf(NODE)).toEqual({ found: true, id });
    for (const e of [2n, 3n, 4n]) expect(await committed(e)).toBe(SALARY);
    expect(await committed(5n)).toBe(0n);

    expect(await dueOnChain(id!)).toBe(1n);
    const nodeBefore = await chain.balance(account(NODE));
    const paid = expectSuccess(await send(OTHER, 'pay', id!));
    expect(events(paid, 'PaymentMade')).toEqual([{ id, payee: account(NODE), epochs_paid: 1n, amount: SALARY }]);
    expect(await chain.balance(account(NODE))).toBe(nodeBefore + SALARY);
    expect(await reason(OTHER, 'pay', id!)).toBe('Treasury: nothing is due');
    await at(4n);
    expect(await dueOnChain(id!)).toBe(2n);
    expectSuccess(await send(OTHER, 'pay', id!));
    expect(await chain.balance(account(NODE))).toBe(nodeBefore + 3n * SALARY);
    await at(8n);
    expect(await dueOnChain(id!)).toBe(0n);
    expect(await reason(OTHER, 'pay', id!)).toBe('Treasury: nothing is due');
    expect(await chain.balance(gov)).toBe(parseEther('1000') - 3n * SALARY + DEPOSIT); // the refund still owed
  });

  it('commits no salary when the file system refuses the election, and says why', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    // The same node twice: the second election finds it already elected.
    const {
      ids: [first, second],
      receipts: [, refusal],
    } = await accepted([electionRequest(), electionRequest({ endpoint: 'https://other.example', epochs: 5 })]);
    expect(events(refusal!, 'ExecutionFailed')).toEqual([
      { id: second, reason: 'CallistoFS: node is already elected' },
    ]);
    expect(await proposal(second!)).toMatchObject({
      status: ProposalStatus.Accepted,
      executed: false,
      first_pay_epoch: 0n,
    });
    expect(executionFailed(await proposal(second!))).toBe(true);
    for (const e of [2n, 3n, 4n]) expect(await committed(e)).toBe(SALARY);
    expect(await committed(5n)).toBe(0n);
    expect(await dueOnChain(second!)).toBe(0n);
    expect(await reason(OTHER, 'pay', second!)).toBe('Treasury: the host node election did not execute');
    expect(await electionOf(NODE)).toEqual({ found: true, id: first });
    expect(
      await chain.publicClient.readContract({ address: fileSystem, abi: callistoFSAbi, functionName: 'host_nodes' }),
    ).toMatchObject([{ endpoint: ENDPOINT }]);
    expect(await read('held_deposits')).toBe(0n);
  });

  it('pays nothing for a rejected election', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    await at(0n);
    const id = await submitted(await chain.write(AUTHOR, electionRequest()));
    await at(1n);
    await vote(4, id, Against);
    await at(2n);
    const receipt = expectSuccess(await send(OTHER, 'evaluate', id));
    expect(events(receipt, 'ExecutionFailed')).toEqual([]);
    expect(await isHostNode(NODE)).toBe(false);
    expect(await committed(2n)).toBe(0n);
    expect(await dueOnChain(id)).toBe(0n);
    expect(await reason(OTHER, 'pay', id)).toBe('Treasury: not an accepted funding proposal or host node election');
  });

  it('removes the node and ends its salary after the current epoch', async () => {
    await stakeAll();
    await credit(parseEther('1000'));
    const {
      ids: [election],
    } = await accepted([electionRequest({ epochs: 6 })]); // epochs 2 to 7
    const removal = await submitted(await chain.write(AUTHOR, removalRequest(account(NODE))));
    await at(3n);
    await vote(4, removal, For);
    await at(4n);
    const receipt = expectSuccess(await send(OTHER, 'evaluate', removal));
    expect(events(receipt, 'ExecutionFailed')).toEqual([]);
    expect(events(receipt, 'SalaryEnded')).toEqual([
      { id: election, removal_id: removal, epochs_cancelled: 3n, amount: 3n * SALARY },
    ]);
    expect(await proposal(removal)).toMatchObject({ status: ProposalStatus.Accepted, executed: true });
    expect(await isHostNode(NODE)).toBe(false);
    expect(await fsRead('capacity_bytes')).toBe(0n);
    expect(await electionOf(NODE)).toEqual({ found: false, id: 0n });
    // Epochs 2, 3 and 4 (the current one) stay; 5, 6 and 7 are released.
    expect((await proposal(election!)).epochs).toBe(3);
    for (const e of [2n, 3n, 4n]) expect(await committed(e)).toBe(SALARY);
    for (const e of [5n, 6n, 7n]) expect(await committed(e)).toBe(0n);
    expect(await dueOnChain(election!)).toBe(3n);
    const nodeBefore = await chain.balance(account(NODE));
    const paid = expectSuccess(await send(OTHER, 'pay', election!));
    expect(events(paid, 'PaymentMade')[0]).toMatchObject({ epochs_paid: 3n, amount: 3n * SALARY });
    expect(await chain.balance(account(NODE))).toBe(nodeBefore + 3n * SALARY);
    await at(10n);
    expect(await dueOnChain(election!)).toBe(0n);
    expect(await reason(OTHER, 'pay', election!)).toBe('Treasury: nothing is due');
    expect(proposalStatusLabel(await proposal(election!), 10n)).toBe('Completed');
  });

  it('keeps the salary of a node whose removal the file system refuses, and of the other nodes', async () => {
    await stakeAll();
    const {
      ids: [election],
    } = await accepted([electionRequest({ epochs: 6 })]);
    const wrong = await submitted(await chain.write(AUTHOR, removalRequest(account(NODE2))));
    await at(3n);
    await vote(4, wrong, For);
    await at(4n);
    const receipt = expectSuccess(await send(OTHER, 'evaluate', wrong));
    expect(events(receipt, 'ExecutionFailed')).toEqual([{ id: wrong, reason: 'CallistoFS: not an elected host node' }]);
    expect(events(receipt, 'SalaryEnded')).toEqual([]);
    expect(await proposal(wrong)).toMatchObject({ status: ProposalStatus.Accepted, executed: false });
    expect((await proposal(election!)).epochs).toBe(6);
    expect(await committed(7n)).toBe(SALARY);
    expect(await electionOf(NODE)).toEqual({ found: true, id: election });
  });

  it('changes the storage prices through the file system, the other price unchanged', async () => {
    await at(0n);
    expect(await chain.revertReason(AUTHOR, priceRequest(StorageUnitPrice, 0n))).toBe(
      'Treasury: unit price must be 0.001 to 1000 CLO a MB',
    );
    expect(await chain.revertReason(AUTHOR, priceRequest(StorageFloorPrice, 0n))).toBe(
      'Treasury: floor price must be 0.000001 to 10 CLO a MB',
    );
    await stakeAll();
    const {
      receipts: [unitReceipt, floorReceipt],
    } = await accepted([
      priceRequest(StorageUnitPrice, parseEther('2')),
      priceRequest(StorageFloorPrice, parseEther('0.002')),
    ]);
    expect(events(unitReceipt!, 'ParameterChanged')).toEqual([{ param: StorageUnitPrice, value: parseEther('2') }]);
    expect(events(floorReceipt!, 'ParameterChanged')).toEqual([
      { param: StorageFloorPrice, value: parseEther('0.002') },
    ]);
    const prices = (receipt: TransactionReceipt) =>
      parseEventLogs({ abi: callistoFSAbi, logs: receipt.logs, eventName: 'PricesChanged' }).map((l) => l.args);
    expect(prices(unitReceipt!)).toEqual([{ unit_price: parseEther('2'), floor_price: FLOOR_PRICE }]);
    expect(prices(floorReceipt!)).toEqual([{ unit_price: parseEther('2'), floor_price: parseEther('0.002') }]);
    expect(await fsRead('unit_price')).toBe(parseEther('2'));
    expect(await fsRead('floor_price')).toBe(parseEther('0.002'));
    // The governance parameters are untouched.
    expect(await read('quorum_bps')).toBe(BigInt(QUORUM));
    expect(await read('submission_deposit')).toBe(DEPOSIT);
  });

  it('executes the largest election and the costliest removal within the execution gas', async () => {
    await stakeAll();
    // The longest endpoint is elected last; removing the first node moves it into its place.
    const long = 'https://' + 'a'.repeat(248);
    const {
      receipts: [, election],
    } = await accepted([
      electionRequest({ node: account(NODE2) }),
      electionRequest({ endpoint: long, capacity: 2n ** 64n - 1n }),
    ]);
    expect(events(election!, 'ExecutionFailed')).toEqual([]);
    const removal = await submitted(await chain.write(AUTHOR, removalRequest(account(NODE2))));
    await at(3n);
    await vote(4, removal, For);
    await at(4n);
    const receipt = expectSuccess(await send(OTHER, 'evaluate', removal));
    expect(events(receipt, 'ExecutionFailed')).toEqual([]);
    expect(
      await chain.publicClient.readContract({ address: fileSystem, abi: callistoFSAbi, functionName: 'host_nodes' }),
    ).toMatchObject([{ node: account(NODE), endpoint: long }]);
    // Whole transactions, execution included: well within the 500,000 gas the calls are given.
    expect(election!.gasUsed).toBeLessThan(600_000n);
    expect(receipt.gasUsed).toBeLessThan(400_000n);
  });

  it('refuses an election evaluation with too little gas for the file system call', async () => {
    await stakeAll();
    await at(0n);
    const id = await submitted(await chain.write(AUTHOR, electionRequest()));
    await at(1n);
    await vote(4, id, For);
    await at(2n);
    const receipt = await chain.write(OTHER, { ...callRequest('evaluate', id), gas: 200_000n });
    expect(receipt.status).toBe('reverted');
    expect((await proposal(id)).status).toBe(ProposalStatus.Voting);
    expectSuccess(await send(OTHER, 'evaluate', id));
    expect(await isHostNode(NODE)).toBe(true);
  });

  it('reports a refusal for every kind when the file system does not answer to this governance', async () => {
    // A second world: its own staking, a file system whose governance is not set, and an address without code.
    const staking2 = await chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, MAX_DELAY, FAST, account(0)]);
    const ownedFs = await chain.deploy(callistoFSAbi, callistoFSBytecode, [account(0), UNIT_PRICE, FLOOR_PRICE]);
    const deployGov = async (fs: Address) => {
      const g = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
        staking2,
        EPOCH,
        QUORUM,
        DEPOSIT,
        zeroAddress,
        fs,
      ]);
      return g;
    };
    const gov2 = await deployGov(ownedFs);
    expectSuccess(
      await chain.write(0, { address: staking2, abi: coldStakingAbi, functionName: 'set_governance', args: [gov2] }),
    );
    expectSuccess(
      await chain.write(4, {
        address: staking2,
        abi: coldStakingAbi,
        functionName: 'start_staking',
        args: [1n],
        value: parseEther('100'),
      }),
    );
    const requests = [
      electionRequest({}, gov2),
      removalRequest(account(NODE), gov2),
      priceRequest(StorageUnitPrice, parseEther('2'), gov2),
      priceRequest(StorageFloorPrice, parseEther('0.002'), gov2),
    ];
    for (const request of requests) expectSuccess(await chain.write(AUTHOR, request));
    await chain.increaseTime(EPOCH);
    for (const id of [0n, 1n, 2n, 3n]) {
      expectSuccess(
        await chain.write(4, { address: gov2, abi: treasuryGovernanceAbi, functionName: 'vote', args: [id, For] }),
      );
    }
    await chain.increaseTime(EPOCH);
    for (const id of [0n, 1n, 2n, 3n]) {
      const receipt = expectSuccess(
        await chain.write(OTHER, { address: gov2, abi: treasuryGovernanceAbi, functionName: 'evaluate', args: [id] }),
      );
      const failures = parseEventLogs({ abi: treasuryGovernanceAbi, logs: receipt.logs, eventName: 'ExecutionFailed' });
      expect(failures.map((f) => f.args)).toEqual([{ id, reason: 'CallistoFS: only the owner may do this' }]);
    }
    const p = await chain.publicClient.readContract({
      address: gov2,
      abi: treasuryGovernanceAbi,
      functionName: 'get_proposals',
      args: [0n, 4n],
    });
    expect(p.map((x) => [x.status, x.executed])).toEqual(Array(4).fill([ProposalStatus.Accepted, false]));
    expect(
      await chain.publicClient.readContract({
        address: gov2,
        abi: treasuryGovernanceAbi,
        functionName: 'committed_in_epoch',
        args: [2n],
      }),
    ).toBe(0n);
    expect(
      await chain.publicClient.readContract({ address: ownedFs, abi: callistoFSAbi, functionName: 'unit_price' }),
    ).toBe(UNIT_PRICE);
  });

  it('reports a file system address without code as a failed call', async () => {
    const staking3 = await chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, MAX_DELAY, FAST, account(0)]);
    const gov3 = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
      staking3,
      EPOCH,
      QUORUM,
      DEPOSIT,
      zeroAddress,
      account(OTHER),
    ]);
    expectSuccess(
      await chain.write(0, { address: staking3, abi: coldStakingAbi, functionName: 'set_governance', args: [gov3] }),
    );
    expectSuccess(
      await chain.write(4, {
        address: staking3,
        abi: coldStakingAbi,
        functionName: 'start_staking',
        args: [1n],
        value: parseEther('100'),
      }),
    );
    expectSuccess(await chain.write(AUTHOR, electionRequest({}, gov3)));
    expectSuccess(await chain.write(AUTHOR, priceRequest(StorageFloorPrice, parseEther('0.002'), gov3)));
    await chain.increaseTime(EPOCH);
    for (const id of [0n, 1n]) {
      expectSuccess(
        await chain.write(4, { address: gov3, abi: treasuryGovernanceAbi, functionName: 'vote', args: [id, For] }),
      );
    }
    await chain.increaseTime(EPOCH);
    for (const id of [0n, 1n]) {
      const receipt = expectSuccess(
        await chain.write(OTHER, { address: gov3, abi: treasuryGovernanceAbi, functionName: 'evaluate', args: [id] }),
      );
      const failures = parseEventLogs({ abi: treasuryGovernanceAbi, logs: receipt.logs, eventName: 'ExecutionFailed' });
      expect(failures.map((f) => f.args)).toEqual([{ id, reason: 'Treasury: the file system call failed' }]);
    }
  });
});
