import { describe, expect, it } from 'vitest';
import {
  encodeAbiParameters,
  encodeEventTopics,
  parseEther,
  parseEventLogs,
  type Address,
  type Hash,
  type Log,
} from 'viem';
import { coldStakingAbi } from '../../contracts-abi/ColdStaking';
import {
  blocksOf,
  csvField,
  historyRowsFor,
  historyToCsv,
  isoUtc,
  mergeHistoryRows,
  withTimestamps,
  type HistoryRow,
} from './history';

const STAKING: Address = '0x08A7c8be47773546DC5E173d67B0c38AfFfa4b84';
const ALICE: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BOB: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hash;

type EventName = 'StartStaking' | 'Claim' | 'WithdrawStake';

// A raw eth_getLogs entry as a node returns it: the events are not indexed, so every argument is in data.
function rawLog(eventName: EventName, values: readonly unknown[], blockNumber: bigint, logIndex: number): Log {
  const event = coldStakingAbi.find((item) => item.type === 'event' && item.name === eventName);
  if (event?.type !== 'event') throw new Error(`no event ${eventName}`);
  return {
    address: STAKING,
    topics: encodeEventTopics({ abi: coldStakingAbi, eventName }) as Log['topics'],
    data: encodeAbiParameters(event.inputs, values as never),
    blockNumber,
    blockHash: hash(Number(blockNumber) + 1000),
    transactionHash: hash(Number(blockNumber) * 10 + logIndex),
    transactionIndex: 0,
    logIndex,
    removed: false,
  };
}

// Decoded the way publicClient.getLogs({ events }) decodes them.
function decoded(raw: Log[]) {
  return parseEventLogs({ abi: coldStakingAbi, eventName: ['StartStaking', 'Claim', 'WithdrawStake'], logs: raw });
}

const logs = decoded([
  rawLog('StartStaking', [ALICE, parseEther('100'), parseEther('100'), 1_700_000_000n, 1_702_332_800n], 10n, 0),
  rawLog(
    'StartStaking',
    [BOB, parseEther('5'), parseEther('5'), 1_700_000_100n, 1_700_000_100n + 27n * 86_400n],
    11n,
    0,
  ),
  // Adding to a stake pays the completed rounds first: a Claim and a StartStaking in one transaction.
  rawLog('Claim', [ALICE, 123_456_789_012_345_678n], 50n, 0),
  rawLog('StartStaking', [ALICE, parseEther('0.5'), parseEther('100.5'), 1_702_400_000n, 1_704_732_800n], 50n, 1),
  // Withdrawing pays the last reward, then returns the stake.
  rawLog('Claim', [ALICE.toLowerCase(), 1n], 90n, 3),
  rawLog('WithdrawStake', [ALICE, parseEther('100.5')], 90n, 4),
  rawLog('WithdrawStake', [BOB, parseEther('5')], 91n, 0),
]);

describe('historyRowsFor', () => {
  it('keeps the account only, whatever the address case, newest first', () => {
    const rows = historyRowsFor(logs, ALICE.toLowerCase() as Address);
    expect(rows.map((r) => [r.kind, r.blockNumber, r.logIndex])).toEqual([
      ['Withdraw', 90n, 4],
      ['Claim', 90n, 3],
      ['Stake', 50n, 1],
      ['Claim', 50n, 0],
      ['Stake', 10n, 0],
    ]);
    expect(historyRowsFor(logs, BOB).map((r) => r.kind)).toEqual(['Withdraw', 'Stake']);
    expect(historyRowsFor(logs, '0x0000000000000000000000000000000000000001')).toEqual([]);
  });

  it("takes a stake's added value, not its new total", () => {
    const stake = historyRowsFor(logs, ALICE).find((r) => r.blockNumber === 50n && r.kind === 'Stake');
    expect(stake?.amount).toBe(parseEther('0.5'));
    expect(stake?.txHash).toBe(hash(501));
  });

  it('leaves out pending logs that have no block yet', () => {
    const pending = { ...logs[0]!, blockNumber: null, transactionHash: null, logIndex: null };
    expect(historyRowsFor([pending], ALICE)).toEqual([]);
  });
});

describe('timestamps', () => {
  it('asks for each block once and attaches what is known', () => {
    const rows = historyRowsFor(logs, ALICE);
    expect(blocksOf(rows)).toEqual([90n, 50n, 10n]);
    const dated = withTimestamps(rows, new Map([[90n, 1_705_000_000n]]));
    expect(dated.map((r) => r.timestamp)).toEqual([1_705_000_000n, 1_705_000_000n, undefined, undefined, undefined]);
  });
});

describe('historyToCsv', () => {
  it('writes RFC 4180 CSV with exact CLO and UTC dates', () => {
    const rows = withTimestamps(
      historyRowsFor(logs, ALICE),
      new Map([
        [90n, 1_705_000_000n],
        [50n, 1_702_400_000n],
      ]),
    );
    const csv = historyToCsv(rows);
    expect(csv.split('\r\n')).toEqual([
      'date_utc,kind,amount_clo,block,transaction',
      `2024-01-11T19:06:40Z,Withdraw,100.5,90,${hash(904)}`,
      `2024-01-11T19:06:40Z,Claim,0.000000000000000001,90,${hash(903)}`,
      `2023-12-12T16:53:20Z,Stake,0.5,50,${hash(501)}`,
      `2023-12-12T16:53:20Z,Claim,0.123456789012345678,50,${hash(500)}`,
      `,Stake,100,10,${hash(100)}`,
      '',
    ]);
  });

  it('is only the header for no rows', () => {
    expect(historyToCsv([])).toBe('date_utc,kind,amount_clo,block,transaction\r\n');
  });

  it('keeps amounts beyond a double exact', () => {
    const row: HistoryRow = { kind: 'Stake', amount: 2n ** 80n + 1n, blockNumber: 1n, txHash: hash(1), logIndex: 0 };
    expect(historyToCsv([row])).toContain(',1208925.819614629174706177,');
  });

  it('quotes fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('formats dates as ISO-8601 UTC', () => {
    expect(isoUtc(0n)).toBe('1970-01-01T00:00:00Z');
  });
});

describe('V1 rows', () => {
  it('are marked V1, interleaved with the current contract by block, and exported as such', () => {
    const v2 = historyRowsFor(decoded([rawLog('StartStaking', [ALICE, 5n, 5n, 1n, 2n], 30n, 0)]), ALICE);
    const v1 = historyRowsFor(
      decoded([rawLog('Claim', [ALICE, 7n], 20n, 0), rawLog('WithdrawStake', [ALICE, 9n], 40n, 1)]),
      ALICE,
      { legacyV1: true },
    );
    const merged = mergeHistoryRows(v2, v1);
    expect(merged.map((r) => [r.blockNumber, r.kind, r.legacyV1 ?? false])).toEqual([
      [40n, 'Withdraw', true],
      [30n, 'Stake', false],
      [20n, 'Claim', true],
    ]);
    const csv = historyToCsv(merged).split('\r\n');
    expect(csv[1]).toContain(',Withdraw (V1),');
    expect(csv[2]).toContain(',Stake,');
  });
});
