import { describe, expect, it } from 'vitest';
import { keccak256, parseEther, toBytes, type Address, type Hash } from 'viem';
import { ProposalKind, ProposalParam, ProposalStatus, VoteChoice, type ProposalData } from './proposal';
import {
  VOTERS_CSV_HEADER,
  descriptionSource,
  describeAuditManagerChange,
  describeHostNodeChange,
  describeParameterChange,
  electedHostNode,
  endpointDisplay,
  executionLabel,
  executionTarget,
  formatMb,
  hostNodeNotice,
  KIND_FILTERS,
  matchesKindFilter,
  MAX_HOST_NODES,
  parseCloPerMb,
  formatBps,
  kindLabel,
  latestVotes,
  loadDescription,
  newestFirstPage,
  olderMayBeOpen,
  openForVoting,
  parseDepositClo,
  parseProposalId,
  parseQuorumPercent,
  proposalActions,
  quorumBase,
  shareBps,
  tallyRowText,
  tallySummary,
  validateNewProposal,
  verifyDescription,
  votersToCsv,
  votingPowerNote,
  type FetchLike,
  type HostNodeInfo,
  type NewProposalInput,
  type VoteCastLog,
  parameterRule,
  payeeNote,
} from './view';

const ALICE: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BOB: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const CAROL: Address = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hash;

function proposal(overrides: Partial<ProposalData> = {}): ProposalData {
  return {
    id: 0n,
    kind: ProposalKind.Funding,
    status: ProposalStatus.Voting,
    author: ALICE,
    quorum_bps: 1000,
    title: 'Fund a thing',
    description_url: 'https://example.org/p.md',
    description_hash: hash(1),
    payee: BOB,
    amount_per_epoch: parseEther('100'),
    epochs: 3,
    paid_epochs: 0,
    voting_epoch: 5n,
    first_pay_epoch: 0n,
    param: 0,
    param_value: 0n,
    deposit: parseEther('500'),
    votes_for: 0n,
    votes_against: 0n,
    votes_abstain: 0n,
    total_staked_at_vote_end: 0n,
    subject: '0x0000000000000000000000000000000000000000',
    contact: '',
    executed: false,
    ...overrides,
  };
}

describe('newestFirstPage', () => {
  it('puts the highest ids on page 0 and the oldest remainder on the last page', () => {
    expect(newestFirstPage(25n, 0)).toEqual({ offset: 15n, limit: 10n, pageCount: 3, page: 0 });
    expect(newestFirstPage(25n, 1)).toEqual({ offset: 5n, limit: 10n, pageCount: 3, page: 1 });
    expect(newestFirstPage(25n, 2)).toEqual({ offset: 0n, limit: 5n, pageCount: 3, page: 2 });
  });

  it('clamps the page and handles empty and exact lists', () => {
    expect(newestFirstPage(0n, 0)).toEqual({ offset: 0n, limit: 0n, pageCount: 1, page: 0 });
    expect(newestFirstPage(20n, 7)).toEqual({ offset: 0n, limit: 10n, pageCount: 2, page: 1 });
    expect(newestFirstPage(3n, -1)).toEqual({ offset: 0n, limit: 3n, pageCount: 1, page: 0 });
  });

  it('covers every id exactly once across the pages', () => {
    for (const count of [1n, 9n, 10n, 11n, 37n]) {
      const seen: bigint[] = [];
      const { pageCount } = newestFirstPage(count, 0);
      for (let page = 0; page < pageCount; page++) {
        const { offset, limit } = newestFirstPage(count, page);
        for (let id = offset + limit - 1n; id >= offset; id--) seen.push(id);
      }
      expect(seen).toEqual(Array.from({ length: Number(count) }, (_, i) => count - 1n - BigInt(i)));
    }
  });
});

describe('parseProposalId', () => {
  it('accepts decimal digits only', () => {
    expect(parseProposalId('0')).toBe(0n);
    expect(parseProposalId('42')).toBe(42n);
    for (const bad of [null, undefined, '', '-1', '1.5', '0x1', ' 1', 'abc', '1e3']) {
      expect(parseProposalId(bad)).toBeUndefined();
    }
    expect(parseProposalId('9'.repeat(79))).toBeUndefined();
    expect(parseProposalId((2n ** 256n).toString())).toBeUndefined();
  });
});

describe('openForVoting and olderMayBeOpen', () => {
  const page = [
    proposal({ id: 3n, voting_epoch: 4n }),
    proposal({ id: 4n, voting_epoch: 5n }),
    proposal({ id: 5n, voting_epoch: 5n, status: ProposalStatus.Withdrawn }),
    proposal({ id: 6n, voting_epoch: 6n }),
  ];
  it('keeps proposals in voting during their voting epoch', () => {
    expect(openForVoting(page, 5n).map((p) => p.id)).toEqual([4n]);
  });
  it('looks further back only while the oldest on the page votes now or later', () => {
    expect(olderMayBeOpen(page, 5n)).toBe(false);
    expect(olderMayBeOpen(page, 4n)).toBe(true);
    expect(olderMayBeOpen([], 4n)).toBe(false);
  });
});

describe('tallies', () => {
  it('computes shares in basis points without floating point', () => {
    expect(shareBps(1n, 3n)).toBe(3333n);
    expect(shareBps(5n, 0n)).toBe(0n);
    expect(shareBps(7n, 5n)).toBe(10_000n);
    expect(formatBps(6250n)).toBe('62.5%');
    expect(formatBps(10_000n)).toBe('100%');
    expect(formatBps(9999n)).toBe('99.9%');
    expect(formatBps(5n)).toBe('0%');
  });

  it('summarises votes, turnout and the quorum as evaluate decides it', () => {
    const s = tallySummary(
      { votes_for: parseEther('1200'), votes_against: parseEther('600'), votes_abstain: parseEther('200') },
      parseEther('10000'),
      2000,
    );
    expect(s.turnout).toBe(parseEther('2000'));
    expect(s.turnoutBps).toBe(2000n);
    expect(s.quorumWeight).toBe(parseEther('2000'));
    expect(s.quorumMet).toBe(true);
    expect(s.rows.map(tallyRowText)).toEqual(['For 60% (1,200 CLO)', 'Against 30% (600 CLO)', 'Abstain 10% (200 CLO)']);
    expect(s.rows[0]!.ofStakeBps).toBe(1200n);
  });

  it('rounds the quorum up, as turnout x 10000 < quorum x total fails', () => {
    const s = tallySummary({ votes_for: 0n, votes_against: 0n, votes_abstain: 333n }, 3333n, 1000);
    expect(s.quorumWeight).toBe(334n);
    expect(s.quorumMet).toBe(false);
    const t = tallySummary({ votes_for: 334n, votes_against: 0n, votes_abstain: 0n }, 3333n, 1000);
    expect(t.quorumMet).toBe(true);
  });

  it('measures evaluated proposals against the stake recorded at evaluation', () => {
    expect(quorumBase(proposal(), 9n)).toBe(9n);
    expect(quorumBase(proposal({ status: ProposalStatus.Rejected, total_staked_at_vote_end: 4n }), 9n)).toBe(4n);
  });
});

describe('latestVotes and votersToCsv', () => {
  const log = (voter: Address, choice: number, weight: bigint, block: bigint, index: number, id = 1n): VoteCastLog => ({
    args: { id, voter, choice, weight },
    blockNumber: block,
    logIndex: index,
    transactionHash: hash(Number(block) * 100 + index),
  });

  it('keeps each voter’s latest vote, heaviest first', () => {
    const rows = latestVotes([
      log(BOB, VoteChoice.Against, 50n, 12n, 0),
      log(ALICE, VoteChoice.For, 10n, 10n, 0),
      log(ALICE, VoteChoice.Abstain, 20n, 11n, 3),
      log(CAROL, VoteChoice.For, 50n, 13n, 0),
      log(ALICE.toLowerCase() as Address, VoteChoice.Against, 30n, 11n, 2), // earlier in the same block
    ]);
    expect(rows.map((r) => [r.voter, r.choice, r.weight])).toEqual([
      [BOB, 'Against', 50n],
      [CAROL, 'For', 50n],
      [ALICE, 'Abstain', 20n],
    ]);
  });

  it('drops other proposals, pending and malformed logs', () => {
    const rows = latestVotes(
      [
        log(BOB, VoteChoice.For, 1n, 1n, 0, 2n),
        { ...log(ALICE, VoteChoice.For, 1n, 1n, 0), blockNumber: null },
        log(CAROL, VoteChoice.None, 1n, 1n, 0),
        { args: { id: 1n }, blockNumber: 1n, logIndex: 0, transactionHash: hash(1) },
        log(CAROL, VoteChoice.For, 7n, 2n, 0),
      ],
      1n,
    );
    expect(rows.map((r) => r.voter)).toEqual([CAROL]);
  });

  it('writes a CSV with wei and CLO', () => {
    const csv = votersToCsv(latestVotes([log(ALICE, VoteChoice.For, parseEther('1.5'), 10n, 1)]));
    expect(csv).toBe(`${VOTERS_CSV_HEADER}\r\n${ALICE},For,1.5,1500000000000000000,10,${hash(1001)}\r\n`);
    expect(votersToCsv([])).toBe(`${VOTERS_CSV_HEADER}\r\n`);
  });
});

describe('description', () => {
  const text = '# Title\n\nBody ✓\n';
  const good = keccak256(toBytes(text));

  it('verifies text and exact bytes against the hash', () => {
    expect(verifyDescription(text, good)).toBe(true);
    expect(verifyDescription(text, good.toUpperCase().replace('0X', '0x'))).toBe(true);
    expect(verifyDescription(`${text} `, good)).toBe(false);
    expect(verifyDescription(toBytes(text), good)).toBe(true);
  });

  it('fetches https directly and ipfs only through a configured gateway', () => {
    expect(descriptionSource('https://example.org/a.md')).toEqual({
      scheme: 'https',
      url: 'https://example.org/a.md',
      fetchUrl: 'https://example.org/a.md',
    });
    expect(descriptionSource('ipfs://bafyabc/doc.md')).toEqual({
      scheme: 'ipfs',
      url: 'ipfs://bafyabc/doc.md',
      path: 'bafyabc/doc.md',
      fetchUrl: undefined,
    });
    expect(descriptionSource('ipfs://bafyabc', 'https://gw.example/')).toMatchObject({
      fetchUrl: 'https://gw.example/ipfs/bafyabc',
    });
    expect(descriptionSource('http://example.org').scheme).toBe('unsupported');
    expect(descriptionSource('https://').scheme).toBe('unsupported');
    expect(descriptionSource('ipfs://../etc').scheme).toBe('unsupported');
  });

  const respond =
    (body: string | Uint8Array, status = 200): FetchLike =>
    async () => ({
      ok: status >= 200 && status < 300,
      status,
      arrayBuffer: async () => {
        const bytes = typeof body === 'string' ? toBytes(body) : body;
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      },
    });

  it('loads, verifies and reports mismatches, unreachable URLs and ipfs without a gateway', async () => {
    const url = 'https://example.org/a.md';
    expect(await loadDescription(url, good, { fetch: respond(text) })).toEqual({ state: 'verified', text });
    const altered = await loadDescription(url, good, { fetch: respond('# Title\n\nOther\n') });
    expect(altered).toMatchObject({ state: 'mismatch', text: '# Title\n\nOther\n' });
    expect(await loadDescription(url, good, { fetch: respond('', 404) })).toMatchObject({ state: 'unavailable' });
    const failing: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await loadDescription(url, good, { fetch: failing })).toMatchObject({ state: 'unavailable' });
    expect(await loadDescription('ipfs://bafyabc', good, { fetch: failing })).toEqual({ state: 'not-fetched' });
    expect(await loadDescription('ftp://x', good, { fetch: failing })).toEqual({ state: 'unsupported' });
  });

  it('hashes the bytes, so a byte-order mark is not lost in decoding', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...toBytes(text)]);
    const withBom = keccak256(bytes);
    const result = await loadDescription('https://example.org/a.md', withBom, { fetch: respond(bytes) });
    expect(result.state).toBe('verified');
  });

  it('refuses documents that are too large', async () => {
    const big = new Uint8Array(1_000_001);
    const result = await loadDescription('https://example.org/a.md', good, { fetch: respond(big) });
    expect(result).toMatchObject({ state: 'unavailable' });
  });
});

describe('parameter form fields', () => {
  it('reads the quorum as a percentage into basis points', () => {
    expect(parseQuorumPercent('10')).toEqual({ value: 1000n });
    expect(parseQuorumPercent('12.5%')).toEqual({ value: 1250n });
    expect(parseQuorumPercent('100')).toEqual({ value: 10_000n });
    expect(parseQuorumPercent('0.01')).toEqual({ value: 1n });
    expect(parseQuorumPercent('0').error).toMatch(/1% to 30%/);
    expect(parseQuorumPercent('100.01').error).toMatch(/1% to 30%/);
    expect(parseQuorumPercent('0.001').error).toMatch(/2 decimals/);
    expect(parseQuorumPercent('ten').error).toMatch(/number/);
    expect(parseQuorumPercent('').error).toMatch(/Enter/);
  });

  it('reads the deposit in CLO', () => {
    expect(parseDepositClo('500')).toEqual({ value: parseEther('500') });
    expect(parseDepositClo('0').error).toMatch(/above zero/);
    expect(parseDepositClo('1.0000000000000000001').error).toMatch(/18 decimals/);
    expect(parseDepositClo('-1').error).toMatch(/number/);
  });

  it('describes a parameter change', () => {
    expect(describeParameterChange({ param: ProposalParam.Quorum, param_value: 1250n })).toBe('Quorum → 12.5%');
    expect(describeParameterChange({ param: ProposalParam.SubmissionDeposit, param_value: parseEther('250') })).toBe(
      'Submission deposit → 250 CLO',
    );
  });
});

describe('proposalActions', () => {
  const base = { genesis: 1_000n, epochLength: 100n, dueEpochs: 0n, availableBalance: parseEther('1000') };

  it('offers the vote during the voting epoch to stakers only', () => {
    const p = proposal({ voting_epoch: 5n });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 4n, account: BOB, stake: 1n }).vote).toEqual({
      shown: true,
      enabled: false,
      reason: 'Voting has not started: it opens at',
      at: 1_500n,
    });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: BOB, stake: 1n }).vote.enabled).toBe(
      true,
    );
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: BOB, stake: 0n }).vote.reason).toMatch(
      /no stake/,
    );
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 5n }).vote.reason).toMatch(/Connect/);
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 6n, account: BOB, stake: 1n }).vote).toMatchObject({
      enabled: false,
      at: 1_600n,
    });
    const closed = proposal({ status: ProposalStatus.Rejected });
    expect(proposalActions({ ...base, proposal: closed, currentEpoch: 5n, account: BOB, stake: 1n }).vote.shown).toBe(
      false,
    );
  });

  it('closes evaluation with the epoch after the vote, then offers only expiry', () => {
    const p = proposal({ voting_epoch: 5n });
    const during = proposalActions({ ...base, proposal: p, currentEpoch: 6n, account: BOB });
    expect(during.evaluate.enabled).toBe(true);
    expect(during.evaluateBy).toBe(1_700n);
    expect(during.expire.shown).toBe(false);
    const late = proposalActions({ ...base, proposal: p, currentEpoch: 7n, account: BOB });
    expect(late.evaluate).toEqual({
      shown: true,
      enabled: false,
      reason: 'Nobody evaluated it in time: evaluation closed at',
      at: 1_700n,
    });
    expect(late.expire).toEqual({ shown: true, enabled: true });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 7n }).expire.reason).toMatch(/Connect/);
    const expired = proposal({ voting_epoch: 5n, status: ProposalStatus.Expired });
    const after = proposalActions({ ...base, proposal: expired, currentEpoch: 9n, account: BOB });
    expect([after.evaluate.shown, after.expire.shown, after.vote.shown, after.evaluateBy]).toEqual([
      false,
      false,
      false,
      undefined,
    ]);
  });

  it('explains a funding payee that is the cold staking contract', () => {
    const staking = '0x00000000000000000000000000000000000000aa';
    expect(payeeNote(staking.toUpperCase().replace('0X', '0x'), staking)).toMatch(/reward pool/);
    expect(payeeNote(BOB, staking)).toBeUndefined();
    expect(payeeNote(staking, undefined)).toBeUndefined();
  });

  it('states the parameter bounds and the one-step range from today', () => {
    expect(parameterRule(ProposalParam.Quorum, 1000n)).toBe(
      'Allowed: 1% to 30%, at most 5 percentage points a change. From today’s 10%, this proposal may set 5% to 15%.',
    );
    expect(parameterRule(ProposalParam.SubmissionDeposit, undefined)).toBe(
      'Allowed: 1 CLO to 100000 CLO, at most double or half a change.',
    );
    expect(parameterRule(ProposalParam.StorageFloorPrice, parseEther('0.01'))).toMatch(
      /may set 0.005 CLO a MB to 0.02 CLO a MB/,
    );
  });

  it('opens evaluation after the voting epoch, to anyone', () => {
    const p = proposal({ voting_epoch: 5n });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: BOB }).evaluate).toMatchObject({
      enabled: false,
      at: 1_600n,
    });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 6n, account: BOB }).evaluate.enabled).toBe(true);
  });

  it('lets only the author withdraw, before the vote ends', () => {
    const p = proposal({ voting_epoch: 5n });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 4n, account: ALICE }).withdraw.enabled).toBe(true);
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: ALICE }).withdraw.enabled).toBe(true);
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: BOB }).withdraw.reason).toMatch(
      /Only the author/,
    );
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 6n, account: ALICE }).withdraw.reason).toMatch(
      /ended/,
    );
  });

  it('pays accepted funding when epochs are due and the treasury covers them', () => {
    const accepted = proposal({ status: ProposalStatus.Accepted, first_pay_epoch: 6n, voting_epoch: 5n });
    const at = (currentEpoch: bigint, extra: Partial<typeof base> = {}) =>
      proposalActions({ ...base, ...extra, proposal: accepted, currentEpoch, account: BOB }).pay;
    expect(at(5n)).toMatchObject({ enabled: false, at: 1_600n });
    expect(at(6n, { dueEpochs: 1n }).enabled).toBe(true);
    expect(at(7n, { dueEpochs: 2n, availableBalance: parseEther('150') }).reason).toMatch(
      /200 CLO is due and 150 CLO is available/,
    );
    const done = proposal({ status: ProposalStatus.Accepted, paid_epochs: 3, epochs: 3 });
    expect(proposalActions({ ...base, proposal: done, currentEpoch: 9n }).pay.reason).toBe('All 3 epochs are paid');
    const param = proposal({ kind: ProposalKind.SetParameter, status: ProposalStatus.Accepted });
    expect(proposalActions({ ...base, proposal: param, currentEpoch: 9n }).pay.shown).toBe(false);
  });
});

describe('votingPowerNote', () => {
  it('says why an account cannot vote', () => {
    expect(votingPowerNote({ open: true })).toEqual({ reason: 'no-account' });
    expect(votingPowerNote({ account: BOB, stake: 0n, open: true })).toEqual({ reason: 'no-stake' });
    expect(votingPowerNote({ account: BOB, stake: 5n, open: false, opensAt: 9n })).toEqual({
      reason: 'not-open',
      opensAt: 9n,
    });
    expect(votingPowerNote({ account: BOB, stake: 5n, open: true })).toBeUndefined();
  });
});

describe('validateNewProposal', () => {
  const text = '# Plan\n\nDo it.\n';
  const funding: NewProposalInput = {
    kind: 'funding',
    title: 'Fund a thing',
    descriptionUrl: 'https://example.org/plan.md',
    descriptionMode: 'text',
    descriptionText: text,
    descriptionHash: '',
    payee: BOB.toLowerCase(),
    amountPerEpoch: '100',
    epochs: '3',
    param: 'quorum',
    paramValue: '',
    managerAction: 'appoint',
    manager: '',
    managerContact: '',
    node: '',
    endpoint: '',
    capacityMb: '',
    salaryPerEpoch: '',
    salaryEpochs: '1',
    hasAuditRegistry: true,
    hasFileSystem: true,
    deposit: parseEther('500'),
    balance: parseEther('1000'),
  };

  it('builds the funding call with the hash of the text and a checksummed payee', () => {
    const result = validateNewProposal(funding);
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_funding',
      args: ['Fund a thing', 'https://example.org/plan.md', keccak256(toBytes(text)), BOB, parseEther('100'), 3],
      value: parseEther('500'),
    });
  });

  it('takes a pasted hash as is', () => {
    const pasted = keccak256(toBytes('elsewhere'));
    const result = validateNewProposal({ ...funding, descriptionMode: 'hash', descriptionHash: ` ${pasted} ` });
    expect(result.hash).toBe(pasted);
    expect(result.call?.args[2]).toBe(pasted);
    expect(validateNewProposal({ ...funding, descriptionMode: 'hash', descriptionHash: '0x12' }).errors).toHaveProperty(
      'descriptionHash',
    );
  });

  it('says what is wrong next to each field and sends nothing', () => {
    const result = validateNewProposal({
      ...funding,
      title: 'x'.repeat(121),
      descriptionUrl: 'http://example.org',
      descriptionText: '  ',
      payee: '0x0000000000000000000000000000000000000000',
      amountPerEpoch: '0',
      epochs: '13',
    });
    expect(Object.keys(result.errors).sort()).toEqual(
      ['amountPerEpoch', 'descriptionText', 'descriptionUrl', 'epochs', 'payee', 'title'].sort(),
    );
    expect(result.call).toBeUndefined();
    expect(validateNewProposal({ ...funding, title: '' }).errors.title).toBeDefined();
    // 40 three-byte characters are 120 bytes: allowed; one more is not.
    expect(validateNewProposal({ ...funding, title: '€'.repeat(40) }).errors.title).toBeUndefined();
    expect(validateNewProposal({ ...funding, title: '€'.repeat(41) }).errors.title).toBeDefined();
    expect(validateNewProposal({ ...funding, payee: 'bob' }).errors.payee).toBeDefined();
    expect(validateNewProposal({ ...funding, amountPerEpoch: '1.0000000000000000001' }).errors.amountPerEpoch).toMatch(
      /18 decimals/,
    );
  });

  it('builds parameter changes in the contract units', () => {
    const quorum = validateNewProposal({ ...funding, kind: 'parameter', param: 'quorum', paramValue: '12.5' });
    expect(quorum.call).toMatchObject({ functionName: 'submit_parameter_change' });
    expect(quorum.call?.args.slice(3)).toEqual([ProposalParam.Quorum, 1250n]);
    const deposit = validateNewProposal({ ...funding, kind: 'parameter', param: 'deposit', paramValue: '250' });
    expect(deposit.call?.args.slice(3)).toEqual([ProposalParam.SubmissionDeposit, parseEther('250')]);
    expect(validateNewProposal({ ...funding, kind: 'parameter', paramValue: '0' }).errors.paramValue).toBeDefined();
    expect(validateNewProposal({ ...funding, kind: 'parameter', paramValue: '101' }).errors.paramValue).toBeDefined();
    // The funding fields do not matter for a parameter change.
    expect(
      validateNewProposal({ ...funding, kind: 'parameter', paramValue: '10', payee: '', amountPerEpoch: '' }).errors,
    ).toEqual({});
  });

  it('checks the balance against the deposit', () => {
    const poor = validateNewProposal({ ...funding, balance: parseEther('499') });
    expect(poor.errors.deposit).toBe('Your balance of 499 CLO does not cover the 500 CLO deposit');
    expect(poor.call).toBeUndefined();
    expect(validateNewProposal({ ...funding, deposit: undefined }).call).toBeUndefined();
    expect(validateNewProposal({ ...funding, balance: undefined }).call).toBeDefined();
  });

  const audit: NewProposalInput = { ...funding, kind: 'auditManager', payee: '', amountPerEpoch: '' };

  it('builds an appointment with a checksummed manager and the contact as typed', () => {
    const result = validateNewProposal({
      ...audit,
      manager: ` ${CAROL.toLowerCase()} `,
      managerContact: 'audits@example.org',
    });
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_audit_manager_change',
      args: [
        'Fund a thing',
        'https://example.org/plan.md',
        keccak256(toBytes(text)),
        CAROL,
        'audits@example.org',
        true,
      ],
      value: parseEther('500'),
    });
  });

  it('builds a dismissal without a contact, whatever the contact field holds', () => {
    const result = validateNewProposal({
      ...audit,
      managerAction: 'dismiss',
      manager: CAROL,
      managerContact: 'x'.repeat(101),
    });
    expect(result.errors).toEqual({});
    expect(result.call?.functionName).toBe('submit_audit_manager_change');
    expect(result.call?.args.slice(3)).toEqual([CAROL, '', false]);
  });

  it('checks the manager and the contact with the contract meanings', () => {
    const zero = validateNewProposal({
      ...audit,
      manager: '0x0000000000000000000000000000000000000000',
      managerContact: 'me',
    });
    expect(zero.errors).toEqual({ manager: 'Manager is the zero address' });
    expect(zero.call).toBeUndefined();
    expect(validateNewProposal({ ...audit, manager: 'carol', managerContact: 'me' }).errors.manager).toMatch(/address/);
    expect(validateNewProposal({ ...audit, manager: CAROL, managerContact: '' }).errors).toEqual({
      managerContact: 'Contact must be 1 to 100 bytes',
    });
    // UTF-8 bytes, as the contract counts them: 33 three-byte characters are 99 bytes, 34 are 102.
    expect(validateNewProposal({ ...audit, manager: CAROL, managerContact: '€'.repeat(33) }).errors).toEqual({});
    expect(
      validateNewProposal({ ...audit, manager: CAROL, managerContact: '€'.repeat(34) }).errors.managerContact,
    ).toBe('Contact must be 1 to 100 bytes');
    expect(validateNewProposal({ ...audit, manager: CAROL, managerContact: 'x'.repeat(100) }).errors).toEqual({});
    // Dismissing needs no contact.
    expect(validateNewProposal({ ...audit, managerAction: 'dismiss', manager: CAROL }).errors).toEqual({});
  });

  it('refuses audit manager proposals on a chain without an audit registry', () => {
    const result = validateNewProposal({ ...audit, manager: CAROL, managerContact: 'me', hasAuditRegistry: false });
    expect(result.errors).toEqual({ manager: 'No audit registry on this chain' });
    expect(result.call).toBeUndefined();
    // Not yet read: the fields decide.
    expect(
      validateNewProposal({ ...audit, manager: CAROL, managerContact: 'me', hasAuditRegistry: undefined }).call,
    ).toBeDefined();
    // Other kinds do not need the registry.
    expect(validateNewProposal({ ...funding, hasAuditRegistry: false }).call).toBeDefined();
  });

  it('ignores the audit manager fields for the other kinds', () => {
    expect(validateNewProposal({ ...funding, manager: 'nonsense', managerContact: '' }).errors).toEqual({});
  });

  const election: NewProposalInput = {
    ...funding,
    kind: 'electHostNode',
    payee: '',
    amountPerEpoch: '',
    node: ` ${CAROL.toLowerCase()} `,
    endpoint: 'https://node-1.example.org:8443/',
    capacityMb: '10240',
    salaryPerEpoch: '250.5',
    salaryEpochs: '6',
  };

  it('builds a host node election in the contract units, the endpoint as typed', () => {
    const result = validateNewProposal(election);
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_host_node_election',
      args: [
        'Fund a thing',
        'https://example.org/plan.md',
        keccak256(toBytes(text)),
        CAROL,
        'https://node-1.example.org:8443/',
        10_240n,
        parseEther('250.5'),
        6,
      ],
      value: parseEther('500'),
    });
    // Plain http: is allowed: operators on a local network or behind their own proxy.
    expect(validateNewProposal({ ...election, endpoint: 'http://127.0.0.1:5001' }).call).toBeDefined();
  });

  it('says what is wrong with each election field and sends nothing', () => {
    const bad = validateNewProposal({
      ...election,
      node: '0x0000000000000000000000000000000000000000',
      endpoint: 'ftp://node.example.org',
      capacityMb: '0',
      salaryPerEpoch: '0',
      salaryEpochs: '13',
    });
    expect(bad.errors).toEqual({
      node: 'Node is the zero address',
      endpoint: 'Endpoint must start with http:// or https://',
      capacityMb: 'Capacity must be above zero',
      salaryPerEpoch: 'Salary per epoch must be above zero',
      salaryEpochs: 'Epochs must be 1 to 12',
    });
    expect(bad.call).toBeUndefined();
    expect(validateNewProposal({ ...election, node: 'carol' }).errors.node).toMatch(/address/);
    expect(validateNewProposal({ ...election, capacityMb: '1.5' }).errors.capacityMb).toMatch(/whole number/);
    expect(validateNewProposal({ ...election, capacityMb: (2n ** 64n).toString() }).errors.capacityMb).toMatch(
      /at most/,
    );
    expect(validateNewProposal({ ...election, salaryPerEpoch: 'ten' }).errors.salaryPerEpoch).toBeDefined();
    expect(validateNewProposal({ ...election, salaryEpochs: '0' }).errors.salaryEpochs).toBe('Epochs must be 1 to 12');
    // The funding fields do not matter for an election.
    expect(validateNewProposal({ ...election, payee: 'x', amountPerEpoch: 'y', epochs: '99' }).errors).toEqual({});
  });

  it('checks the endpoint as the file system stores it, and a little more', () => {
    const endpoint = (value: string) => validateNewProposal({ ...election, endpoint: value }).errors.endpoint;
    expect(endpoint('')).toBe('Endpoint must be 1 to 256 bytes');
    const long = `https://example.org/${'a'.repeat(256 - 'https://example.org/'.length)}`;
    expect(endpoint(long)).toBeUndefined();
    expect(endpoint(`${long}a`)).toBe('Endpoint must be 1 to 256 bytes');
    expect(endpoint('javascript:alert(1)')).toBe('Endpoint must start with http:// or https://');
    expect(endpoint('HTTPS://node.example.org')).toBe('Endpoint must start with http:// or https://');
    expect(endpoint('https://')).toMatch(/URL with a host/);
    expect(endpoint('https://node.example.org ')).toMatch(/spaces or control characters/);
    expect(endpoint('https://node.example.org/\n')).toMatch(/spaces or control characters/);
    expect(endpoint('https://node.example.org@evil.example/')).toMatch(/user name or password/);
  });

  it('builds a host node removal from the node alone', () => {
    const result = validateNewProposal({
      ...election,
      kind: 'removeHostNode',
      endpoint: '',
      capacityMb: '',
      salaryPerEpoch: '',
      salaryEpochs: '',
    });
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_host_node_removal',
      args: ['Fund a thing', 'https://example.org/plan.md', keccak256(toBytes(text)), CAROL],
      value: parseEther('500'),
    });
    expect(validateNewProposal({ ...election, kind: 'removeHostNode', node: '' }).errors).toEqual({
      node: 'Node must be an address (0x and 40 hex digits)',
    });
  });

  it('refuses host node and storage price proposals on a chain without a file system', () => {
    const none = 'No file system on this chain';
    expect(validateNewProposal({ ...election, hasFileSystem: false }).errors).toEqual({ node: none });
    expect(validateNewProposal({ ...election, kind: 'removeHostNode', hasFileSystem: false }).errors).toEqual({
      node: none,
    });
    const price = { ...funding, kind: 'parameter', param: 'storageUnitPrice', paramValue: '0.01' } as const;
    expect(validateNewProposal({ ...price, hasFileSystem: false }).errors).toEqual({ paramValue: none });
    // Not yet read: the fields decide. The treasury's own parameters never need it.
    expect(validateNewProposal({ ...election, hasFileSystem: undefined }).call).toBeDefined();
    expect(validateNewProposal({ ...price, hasFileSystem: undefined }).call).toBeDefined();
    expect(
      validateNewProposal({ ...funding, kind: 'parameter', paramValue: '10', hasFileSystem: false }).call,
    ).toBeDefined();
    expect(validateNewProposal({ ...funding, hasFileSystem: false }).call).toBeDefined();
  });

  it('builds storage price changes in wei per MB', () => {
    const unit = validateNewProposal({ ...funding, kind: 'parameter', param: 'storageUnitPrice', paramValue: '0.01' });
    expect(unit.call?.functionName).toBe('submit_parameter_change');
    expect(unit.call?.args.slice(3)).toEqual([ProposalParam.StorageUnitPrice, parseEther('0.01')]);
    const floor = validateNewProposal({
      ...funding,
      kind: 'parameter',
      param: 'storageFloorPrice',
      paramValue: '0.000001',
    });
    expect(floor.call?.args.slice(3)).toEqual([ProposalParam.StorageFloorPrice, 10n ** 12n]);
    // Below the bounds, or more than one step from today's price, the form says so before sending.
    expect(
      validateNewProposal({ ...funding, kind: 'parameter', param: 'storageFloorPrice', paramValue: '0.0000001' }).errors
        .paramValue,
    ).toBe('Floor price must be 0.000001 to 10 CLO a MB');
    expect(
      validateNewProposal({
        ...funding,
        kind: 'parameter',
        param: 'storageUnitPrice',
        paramValue: '25',
        currentParameters: { [ProposalParam.StorageUnitPrice]: parseEther('10') },
      }).errors.paramValue,
    ).toBe('Unit price may at most double or halve at a time');
    const price = (paramValue: string) =>
      validateNewProposal({ ...funding, kind: 'parameter', param: 'storageFloorPrice', paramValue }).errors.paramValue;
    expect(price('0')).toBe('The price must be above zero');
    expect(price('')).toMatch(/CLO per MB/);
    expect(price('-1')).toMatch(/number/);
    expect(price('0.0000000000000000001')).toMatch(/18 decimals/);
  });
});

describe('audit manager proposals', () => {
  it('labels the kinds', () => {
    expect(kindLabel(ProposalKind.AppointAuditManager)).toBe('Appoint audit manager');
    expect(kindLabel(ProposalKind.DismissAuditManager)).toBe('Dismiss audit manager');
    expect(kindLabel(ProposalKind.Funding)).toBe('Funding');
    expect(kindLabel(ProposalKind.SetParameter)).toBe('Parameter change');
  });

  it('describes the change', () => {
    const appoint = proposal({ kind: ProposalKind.AppointAuditManager, subject: CAROL, contact: 'audits@example.org' });
    expect(describeAuditManagerChange(appoint)).toBe(`Appoint ${CAROL} (contact: audits@example.org)`);
    expect(describeAuditManagerChange({ ...appoint, kind: ProposalKind.DismissAuditManager, contact: '' })).toBe(
      `Dismiss ${CAROL}`,
    );
  });

  it('says whether an accepted change took effect', () => {
    const appoint = proposal({ kind: ProposalKind.AppointAuditManager, subject: CAROL, contact: 'me' });
    expect(executionLabel(appoint)).toBeUndefined();
    expect(executionLabel({ ...appoint, status: ProposalStatus.Accepted, executed: true })).toBe('Took effect');
    expect(executionLabel({ ...appoint, status: ProposalStatus.Accepted, executed: false })).toBe(
      'Accepted, but the registry refused it',
    );
    expect(executionLabel({ ...appoint, status: ProposalStatus.Rejected })).toBeUndefined();
    const dismiss = proposal({
      kind: ProposalKind.DismissAuditManager,
      status: ProposalStatus.Accepted,
      executed: true,
    });
    expect(executionLabel(dismiss)).toBe('Took effect');
    // Funding and parameter changes have their own ways of showing progress.
    expect(executionLabel(proposal({ status: ProposalStatus.Accepted }))).toBeUndefined();
  });
});

describe('host node proposals', () => {
  const election = proposal({
    kind: ProposalKind.ElectHostNode,
    subject: CAROL,
    payee: CAROL,
    contact: 'https://node-1.example.org',
    param_value: 10_240n,
    amount_per_epoch: parseEther('250'),
    epochs: 6,
  });
  const removal = proposal({ kind: ProposalKind.RemoveHostNode, subject: CAROL, amount_per_epoch: 0n, epochs: 0 });

  it('labels the kinds and filters them together', () => {
    expect(kindLabel(ProposalKind.ElectHostNode)).toBe('Elect IPFS host node');
    expect(kindLabel(ProposalKind.RemoveHostNode)).toBe('Remove IPFS host node');
    expect(kindLabel(6)).toBe('Kind 6');
    expect(KIND_FILTERS).toContain('IPFS host node');
    expect(matchesKindFilter(ProposalKind.ElectHostNode, 'IPFS host node')).toBe(true);
    expect(matchesKindFilter(ProposalKind.RemoveHostNode, 'IPFS host node')).toBe(true);
    expect(matchesKindFilter(ProposalKind.Funding, 'IPFS host node')).toBe(false);
    expect(matchesKindFilter(ProposalKind.DismissAuditManager, 'Audit manager')).toBe(true);
    expect(matchesKindFilter(ProposalKind.ElectHostNode, 'Funding')).toBe(false);
    for (const kind of Object.values(ProposalKind)) expect(matchesKindFilter(kind, 'All kinds')).toBe(true);
  });

  it('describes the change in MB and CLO', () => {
    expect(formatMb(10_240n)).toBe('10,240 MB');
    expect(formatMb(1n)).toBe('1 MB');
    expect(describeHostNodeChange(election)).toBe(`Elect ${CAROL} with 10,240 MB for 250 CLO × 6 epochs`);
    expect(describeHostNodeChange({ ...election, epochs: 1 })).toMatch(/× 1 epoch$/);
    expect(describeHostNodeChange(removal)).toBe(`Remove ${CAROL}`);
  });

  it('describes storage price changes to the wei', () => {
    expect(describeParameterChange({ param: ProposalParam.StorageUnitPrice, param_value: parseEther('0.01') })).toBe(
      'Storage unit price → 0.01 CLO per MB',
    );
    expect(describeParameterChange({ param: ProposalParam.StorageFloorPrice, param_value: 1n })).toBe(
      'Storage floor price → 0.000000000000000001 CLO per MB',
    );
    expect(parseCloPerMb('0.5')).toEqual({ value: parseEther('0.5') });
  });

  it('shows an endpoint as text with its real host, and links only https', () => {
    expect(endpointDisplay('https://node-1.example.org:8443/x')).toEqual({
      text: 'https://node-1.example.org:8443/x',
      host: 'node-1.example.org:8443',
      href: 'https://node-1.example.org:8443/x',
    });
    expect(endpointDisplay('http://node-1.example.org')).toEqual({
      text: 'http://node-1.example.org',
      host: 'node-1.example.org',
    });
    // The host a browser would go to, not the one the text starts with; punycode stays punycode.
    expect(endpointDisplay('https://known.org@evil.example/')).toEqual({
      text: 'https://known.org@evil.example/',
      host: 'evil.example',
    });
    expect(endpointDisplay('https://exаmple.org').host).toBe('xn--exmple-4nf.org');
    expect(endpointDisplay('javascript:alert(1)')).toEqual({ text: 'javascript:alert(1)' });
    expect(endpointDisplay('http://')).toEqual({ text: 'http://' });
  });

  it('names the contract that may refuse an accepted action', () => {
    expect(executionTarget(election)).toBe('the file system');
    expect(executionTarget(removal)).toBe('the file system');
    expect(executionTarget(proposal({ kind: ProposalKind.SetParameter, param: ProposalParam.StorageFloorPrice }))).toBe(
      'the file system',
    );
    expect(executionTarget(proposal({ kind: ProposalKind.SetParameter, param: ProposalParam.Quorum }))).toBeUndefined();
    expect(executionTarget(proposal({ kind: ProposalKind.AppointAuditManager }))).toBe('the audit registry');
    expect(executionTarget(proposal())).toBeUndefined();
  });

  it('says whether an accepted election, removal or price change took effect', () => {
    expect(executionLabel(election)).toBeUndefined();
    expect(executionLabel({ ...election, status: ProposalStatus.Accepted, executed: true })).toBe('Took effect');
    expect(executionLabel({ ...election, status: ProposalStatus.Accepted, executed: false })).toBe(
      'Accepted, but the file system refused it',
    );
    expect(executionLabel({ ...removal, status: ProposalStatus.Accepted, executed: false })).toBe(
      'Accepted, but the file system refused it',
    );
    const price = proposal({
      kind: ProposalKind.SetParameter,
      param: ProposalParam.StorageUnitPrice,
      status: ProposalStatus.Accepted,
    });
    expect(executionLabel({ ...price, executed: false })).toBe('Accepted, but the file system refused it');
    expect(executionLabel({ ...price, executed: true })).toBe('Took effect');
    expect(executionLabel({ ...price, param: ProposalParam.Quorum, executed: true })).toBeUndefined();
  });

  it('pays an executed election like funding, and a refused one never', () => {
    const base = { genesis: 1_000n, epochLength: 100n, availableBalance: parseEther('10000') };
    const accepted = { ...election, status: ProposalStatus.Accepted, first_pay_epoch: 6n, executed: true };
    const pay = (p: ProposalData, dueEpochs: bigint, account?: Address) =>
      proposalActions({ ...base, proposal: p, currentEpoch: 7n, dueEpochs, account }).pay;
    expect(pay(accepted, 2n, BOB)).toEqual({ shown: true, enabled: true });
    expect(pay(accepted, 2n).reason).toMatch(/Connect/);
    expect(pay({ ...accepted, paid_epochs: 6 }, 0n, BOB).reason).toBe('All 6 epochs are paid');
    expect(pay({ ...accepted, executed: false, first_pay_epoch: 0n }, 0n, BOB)).toEqual({
      shown: true,
      enabled: false,
      reason: 'The file system refused the election, so no salary is paid',
      at: undefined,
    });
    expect(pay({ ...removal, status: ProposalStatus.Accepted, executed: true }, 0n, BOB).shown).toBe(false);
    expect(pay({ ...election, status: ProposalStatus.Rejected }, 0n, BOB).shown).toBe(false);
  });

  const node = (address: Address, capacity = 1_024n): HostNodeInfo => ({
    node: address,
    endpoint: 'https://node.example.org',
    capacity_mb: capacity,
    elected_at: 1n,
    confirmations: 0n,
  });

  it('finds whether a node is elected now, whatever the case of the address', () => {
    const nodes = [node(BOB), node(CAROL, 2_048n)];
    expect(electedHostNode(CAROL.toLowerCase(), nodes)?.capacity_mb).toBe(2_048n);
    expect(electedHostNode(ALICE, nodes)).toBeNull();
    expect(electedHostNode(ALICE, undefined)).toBeUndefined();
    expect(electedHostNode('0x12', nodes)).toBeUndefined();
  });

  it('warns about an election or a removal the file system would refuse today', () => {
    const nodes = [node(BOB), node(CAROL, 2_048n)];
    expect(hostNodeNotice('elect', ALICE, nodes)).toEqual({ tone: 'ok', text: 'Not elected now.' });
    expect(hostNodeNotice('elect', BOB, nodes)?.tone).toBe('warning');
    expect(hostNodeNotice('elect', BOB, nodes)?.text).toMatch(/elected already/);
    const full = Array.from({ length: MAX_HOST_NODES }, (_, i) =>
      node(`0x${(i + 1).toString(16).padStart(40, '0')}` as Address),
    );
    expect(hostNodeNotice('elect', ALICE, full)?.text).toMatch(/maximum of 32/);
    expect(hostNodeNotice('remove', CAROL, nodes)).toEqual({ tone: 'ok', text: 'Elected now, with 2,048 MB.' });
    expect(hostNodeNotice('remove', ALICE, nodes)?.text).toMatch(/not elected now/);
    expect(hostNodeNotice('remove', ALICE, undefined)).toBeUndefined();
    expect(hostNodeNotice('remove', 'nobody', nodes)).toBeUndefined();
  });
});
