// The audit's attacks on contracts/CallistoFS.sol, replayed on a real anvil with the local deployment's figures:
// two host nodes of 2,048 MB (4,096 MB), a unit price of 10 CLO and a floor of 0.01 CLO a MB. Each test first
// succeeded on the code before the fix (evidence in the security notes) and now shows the attack failing:
//   M-05  fill the whole capacity with a CID that has no content, for a refundable deposit, and refuse everyone else;
//   L-05  a host node inflates the confirmation count its salary is judged by, with 1-byte files it withdraws;
//   I-03  the gas of a full `confirm_many` batch against a block's gas limit.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEther, parseEventLogs, type Address, type TransactionReceipt } from 'viem';
import { callistoFSAbi, callistoFSBytecode } from '../../contracts-abi/CallistoFS';
import { MB } from '../../lib/files/pricing';
import { CONFIRM_GAS_BASE, CONFIRM_GAS_PER_FILE, confirmBatchSize } from '../../host-node/src/batching';
import { revertAfterEachTest, startTestChain, type TestChain } from './harness';

const UNIT = parseEther('10');
const FLOOR = parseEther('0.01');
const NODE_MB = 2048n;
const CAPACITY = 2n * NODE_MB * MB;

const OWNER = 0;
const NODE_A = 1;
const NODE_B = 2;
const ATTACKER = 3;
const ALICE = 4;

/** A well-formed CIDv1 nobody has the content of. */
const FAKE_CID = 'bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const CID = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';

let chain: TestChain;
let fs: Address;
const account = (i: number): Address => chain.accounts[i]!.address;

beforeAll(async () => {
  chain = await startTestChain();
  fs = await chain.deploy(callistoFSAbi, callistoFSBytecode, [account(OWNER), UNIT, FLOOR]);
  for (const [node, endpoint] of [
    [NODE_A, 'http://127.0.0.1:5101'],
    [NODE_B, 'http://127.0.0.1:5102'],
  ] as const) {
    const receipt = await chain.write(OWNER, {
      address: fs,
      abi: callistoFSAbi,
      functionName: 'add_host_node',
      args: [account(node), endpoint, NODE_MB],
    });
    expect(receipt.status).toBe('success');
  }
});

revertAfterEachTest(() => chain);

const quote = (size: bigint) =>
  chain.publicClient.readContract({ address: fs, abi: callistoFSAbi, functionName: 'quote', args: [size] });
const hostNodes = () =>
  chain.publicClient.readContract({ address: fs, abi: callistoFSAbi, functionName: 'host_nodes' });
const uploadRequest = (cid: string, size: bigint, path: string, value: bigint) =>
  ({ address: fs, abi: callistoFSAbi, functionName: 'upload', args: [cid, size, path], value }) as const;

function fileId(receipt: TransactionReceipt): bigint {
  expect(receipt.status).toBe('success');
  return parseEventLogs({ abi: callistoFSAbi, logs: receipt.logs, eventName: 'FileUpload' })[0]!.args.id;
}

const PENDING_WINDOW = 86_400n;
const write = (from: number, functionName: 'withdraw' | 'confirm', id: bigint) =>
  chain.write(from, { address: fs, abi: callistoFSAbi, functionName, args: [id] });

describe('M-05: filling the capacity at zero net cost', () => {
  it('no longer fills 4,096 MB: the last byte has no price, most of it is dear, a fake CID expires', async () => {
    await chain.setBalance(account(ATTACKER), parseEther('100000'));
    // The whole capacity, or all but one byte of it, is refused or out of reach.
    expect(await chain.revertReason(ATTACKER, uploadRequest(FAKE_CID, CAPACITY, 'all', parseEther('100000')))).toBe(
      'CallistoFS: not enough free capacity',
    );
    const [, almostAll] = await quote(CAPACITY - 1n);
    const [, ninetyNine] = await quote((CAPACITY * 99n) / 100n);
    console.log(`M-05 fixed: all but one byte costs ${almostAll} wei, 99% costs ${ninetyNine} wei`);
    expect(ninetyNine).toBeGreaterThan(parseEther('200000'));

    // 90% with a CID nobody has: 16,625 CLO locked, and the capacity is still not full.
    const size = (CAPACITY * 9n) / 10n;
    const [, deposit] = await quote(size);
    expect(deposit).toBeGreaterThan(parseEther('16600'));
    const id = fileId(await chain.write(ATTACKER, uploadRequest(FAKE_CID, size, 'most', deposit)));
    const totals = await chain.publicClient.readContract({ address: fs, abi: callistoFSAbi, functionName: 'totals' });
    expect(totals).toMatchObject({ used_bytes: 0n, pending_bytes: size });
    const [, oneByte] = await quote(1n);
    expect(fileId(await chain.write(ALICE, uploadRequest(CID, 1n, 'mine', oneByte)))).toBe(id + 1n);

    // No node confirms a CID without content; once the window ends, anyone gives its space back.
    await chain.increaseTime(PENDING_WINDOW);
    expect(
      await chain.revertReason(NODE_A, { address: fs, abi: callistoFSAbi, functionName: 'confirm', args: [id] }),
    ).toBe('CallistoFS: upload expired unconfirmed');
    const release = await chain.write(ALICE, {
      address: fs,
      abi: callistoFSAbi,
      functionName: 'release_expired',
      args: [[id, id + 1n]],
    });
    expect(release.status).toBe('success');
    expect(
      parseEventLogs({ abi: callistoFSAbi, logs: release.logs, eventName: 'FileExpired' }).map((e) => e.args),
    ).toEqual([
      { owner: account(ATTACKER), id },
      { owner: account(ALICE), id: id + 1n },
    ]);
    const after = await chain.publicClient.readContract({ address: fs, abi: callistoFSAbi, functionName: 'totals' });
    expect(after).toMatchObject({ used_bytes: 0n, pending_bytes: 0n, price_per_mb: FLOOR });
    // The deposit is still the attacker's, to withdraw: what the attack cost is the CLO locked for a day.
    expect((await write(ATTACKER, 'withdraw', id)).status).toBe('success');
  });
});

describe('L-05: a free confirmation count', () => {
  it('counts only the files a node confirmed that are still held', async () => {
    const FILES = 20;
    for (let i = 0; i < FILES; i++) {
      const [, deposit] = await quote(1n);
      const id = fileId(await chain.write(NODE_A, uploadRequest(CID, 1n, `inflate/${i}`, deposit)));
      expect((await write(NODE_A, 'confirm', id)).status).toBe('success');
      if (i === 0) {
        const held = (await hostNodes()).find((n) => n.node === account(NODE_A))!;
        expect(held).toMatchObject({ confirmations: 1n, confirmed_bytes: 1n });
      }
      expect((await write(NODE_A, 'withdraw', id)).status).toBe('success');
    }
    const node = (await hostNodes()).find((n) => n.node === account(NODE_A))!;
    console.log(`L-05 fixed: ${node.confirmations} confirmations and ${node.confirmed_bytes} bytes counted`);
    expect(node).toMatchObject({ confirmations: 0n, confirmed_bytes: 0n });
  });
});

describe('I-03: the gas of a confirmation batch', () => {
  it('sizes a batch from the measured cost and the block gas limit', async () => {
    const BATCH = 200;
    const ids: bigint[] = [];
    for (let i = 0; i < BATCH; i++) {
      const [, deposit] = await quote(1024n);
      ids.push(fileId(await chain.write(ALICE, uploadRequest(CID, 1024n, `batch/${i}`, deposit))));
    }
    const receipt = await chain.write(NODE_A, {
      address: fs,
      abi: callistoFSAbi,
      functionName: 'confirm_many',
      args: [ids],
      gas: 30_000_000n,
    });
    expect(receipt.status).toBe('success');
    const perFile = receipt.gasUsed / BigInt(BATCH);
    const second = await chain.write(NODE_B, {
      address: fs,
      abi: callistoFSAbi,
      functionName: 'confirm_many',
      args: [ids],
      gas: 30_000_000n,
    });
    const perLaterFile = second.gasUsed / BigInt(BATCH);
    console.log(
      `I-03: confirm_many of ${BATCH} files: ${receipt.gasUsed} gas (${perFile} a file) for the first confirmations, ` +
        `${second.gasUsed} (${perLaterFile} a file) for a second node`,
    );
    // The host node's estimate covers the measured cost, and its batches stay within half a block.
    expect(perFile).toBeLessThanOrEqual(CONFIRM_GAS_PER_FILE);
    expect(perLaterFile).toBeLessThanOrEqual(CONFIRM_GAS_PER_FILE);
    for (const gasLimit of [8_000_000n, 15_000_000n, 30_000_000n]) {
      const n = BigInt(confirmBatchSize(gasLimit));
      expect(CONFIRM_GAS_BASE + n * perFile).toBeLessThanOrEqual(gasLimit / 2n);
    }
  });
});
