import { describe, expect, it } from 'vitest';
import { parseEther, type Address } from 'viem';
import { VoteChoice } from './proposal';
import { type VoteCastLog, latestVotes, votersToCsv } from './voters';
import { ALICE, BOB, CAROL, hash } from './testProposal';

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
    const header = 'voter,choice,weight_clo,weight_wei,block,transaction';
    expect(csv).toBe(`${header}\r\n${ALICE},For,1.5,1500000000000000000,10,${hash(1001)}\r\n`);
    expect(votersToCsv([])).toBe(`${header}\r\n`);
  });
});
