// Rules of contracts/CallistoFS.sol on a real anvil: roles over the host node registry and the prices, the price
// formula at exact utilisations, uploads with every bad input, withdrawals to the wei, confirmations and the paged
// reads. Each test starts from the same snapshot: two nodes of 100 and 300 MB (400 MB), owner account 0, no
// governance, no file.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodeFunctionData,
  maxUint256,
  parseEther,
  parseEventLogs,
  zeroAddress,
  type Address,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { callistoFSAbi, callistoFSBytecode } from '../../contracts-abi/CallistoFS';
import { computeUploadDeposit, MB } from '../../lib/files/pricing';
import { PENDING_WINDOW_SECONDS } from '../../lib/files/fileState';
import { startTestChain, testContract, type TestChain, revertAfterEachTest } from './harness';

/** 1 CLO unit price: 0.1 CLO a MB at full capacity. 0.001 CLO floor. */
const UNIT = 10n ** 18n;
const FLOOR = 10n ** 15n;
const CAPACITY = 400n * MB;

const OWNER = 0;
const NODE_A = 1;
const NODE_B = 2;
const ALICE = 3;
const BOB = 4;
const CAROL = 5;
const OTHER = 7;

/** FileStatus in the contract. */
const PENDING = 0;
const COUNTED = 1;
const EXPIRED = 2;
const WITHDRAWN = 3;
const PENDING_WINDOW = 86_400n;
/** An account standing in for the governance contract: the file system only checks the sender. */
const GOV = 9;

const ENDPOINT_A = 'http://127.0.0.1:5001';
const ENDPOINT_B = 'https://node-b.example.org';
/** A CIDv1 directory (dag-pb) and a raw-leaf file CID, as `ipfs add --cid-version 1` prints them. */
const CID = 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';
const CID2 = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';

let chain: TestChain;
let fs: Address;

const account = (i: number): Address => chain.accounts[i]!.address;

function expectSuccess(receipt: TransactionReceipt): TransactionReceipt {
  expect(receipt.status).toBe('success');
  return receipt;
}

beforeAll(async () => {
  chain = await startTestChain();
  fs = await chain.deploy(callistoFSAbi, callistoFSBytecode, [account(OWNER), UNIT, FLOOR]);
  expectSuccess(await chain.write(OWNER, addNodeRequest(account(NODE_A), ENDPOINT_A, 100n)));
  expectSuccess(await chain.write(OWNER, addNodeRequest(account(NODE_B), ENDPOINT_B, 300n)));
});

revertAfterEachTest(() => chain);

// ---- helpers ---------------------------------------------------------------------------------------------

type ScalarView =
  | 'owner'
  | 'governance'
  | 'unit_price'
  | 'floor_price'
  | 'used_bytes'
  | 'capacity_bytes'
  | 'held_deposits'
  | 'file_count'
  | 'CRR'
  | 'MB'
  | 'MAX_CID_BYTES'
  | 'MAX_PATH_BYTES'
  | 'MAX_ENDPOINT_BYTES'
  | 'MAX_HOST_NODES'
  | 'PENDING_WINDOW';

const read = (functionName: ScalarView, address = fs) =>
  chain.publicClient.readContract({ address, abi: callistoFSAbi, functionName });

const totals = (address = fs) =>
  chain.publicClient.readContract({ address, abi: callistoFSAbi, functionName: 'totals' });
const hostNodes = () =>
  chain.publicClient.readContract({ address: fs, abi: callistoFSAbi, functionName: 'host_nodes' });
const isHostNode = (who: number) =>
  chain.publicClient.readContract({
    address: fs,
    abi: callistoFSAbi,
    functionName: 'is_host_node',
    args: [account(who)],
  });
const pricePerMb = (used: bigint, address = fs) =>
  chain.publicClient.readContract({ address, abi: callistoFSAbi, functionName: 'price_per_mb', args: [used] });
const quote = (size: bigint) =>
  chain.publicClient.readContract({ address: fs, abi: callistoFSAbi, functionName: 'quote', args: [size] });
const file = (id: bigint) =>
  chain.publicClient.readContract({ address: fs, abi: callistoFSAbi, functionName: 'file', args: [id] });
const filesOf = (who: number, offset: bigint, limit: bigint) =>
  chain.publicClient.readContract({
    address: fs,
    abi: callistoFSAbi,
    functionName: 'files_of',
    args: [account(who), offset, limit],
  });
const confirmersOf = (id: bigint) =>
  chain.publicClient.readContract({ address: fs, abi: callistoFSAbi, functionName: 'confirmers_of', args: [id] });
const confirmedBy = (id: bigint, node: number) =>
  chain.publicClient.readContract({
    address: fs,
    abi: callistoFSAbi,
    functionName: 'confirmed_by',
    args: [id, account(node)],
  });
async function fileAtPath(who: number | Address, path: string) {
  const owner = typeof who === 'number' ? account(who) : who;
  const [found, id] = await chain.publicClient.readContract({
    address: fs,
    abi: callistoFSAbi,
    functionName: 'file_id_at_path',
    args: [owner, path],
  });
  return { found, id };
}

/** Reads quote(size) and returns the deposit, or the revert reason. */
async function quoteReason(size: bigint): Promise<string> {
  try {
    await quote(size);
  } catch (error) {
    return (error as { cause?: { reason?: string } }).cause?.reason ?? String(error);
  }
  throw new Error('expected quote to revert');
}

function addNodeRequest(node: Address, endpoint: string, capacityMb: bigint, address = fs) {
  return {
    address,
    abi: callistoFSAbi,
    functionName: 'add_host_node' as const,
    args: [node, endpoint, capacityMb] as const,
  };
}
const removeNodeRequest = (node: Address, address = fs) =>
  ({ address, abi: callistoFSAbi, functionName: 'remove_host_node', args: [node] }) as const;
const setPricesRequest = (unit: bigint, floor: bigint) =>
  ({ address: fs, abi: callistoFSAbi, functionName: 'set_prices', args: [unit, floor] }) as const;
const setEndpointRequest = (endpoint: string) =>
  ({ address: fs, abi: callistoFSAbi, functionName: 'set_endpoint', args: [endpoint] }) as const;
const setGovernanceRequest = (governance: Address) =>
  ({ address: fs, abi: callistoFSAbi, functionName: 'set_governance', args: [governance] }) as const;

function uploadRequest(cid: string, size: bigint, path: string, value: bigint, address = fs) {
  return {
    address,
    abi: callistoFSAbi,
    functionName: 'upload' as const,
    args: [cid, size, path] as const,
    value,
  };
}

/** The deposit the contract quotes now for `size`. */
const depositFor = async (size: bigint) => (await quote(size))[1];

/** Uploads paying `value` (the quote by default) and returns the id and the receipt. */
async function upload(from: number, size: bigint, path: string, options: { cid?: string; value?: bigint } = {}) {
  const value = options.value ?? (await depositFor(size));
  const receipt = expectSuccess(await chain.write(from, uploadRequest(options.cid ?? CID, size, path, value)));
  const [event] = parseEventLogs({ abi: callistoFSAbi, logs: receipt.logs, eventName: 'FileUpload' });
  return { id: event!.args.id, receipt, value };
}

const uploadReason = (from: number, cid: string, size: bigint, path: string, value: bigint, address = fs) =>
  chain.revertReason(from, uploadRequest(cid, size, path, value, address));

const withdrawRequest = (id: bigint) =>
  ({ address: fs, abi: callistoFSAbi, functionName: 'withdraw', args: [id] }) as const;
const confirmRequest = (id: bigint) =>
  ({ address: fs, abi: callistoFSAbi, functionName: 'confirm', args: [id] }) as const;

type EventName =
  | 'FileUpload'
  | 'FileWithdrawn'
  | 'FileConfirmed'
  | 'FileCounted'
  | 'FileExpired'
  | 'HostNodeElected'
  | 'HostNodeRemoved'
  | 'HostNodeEndpointChanged'
  | 'PricesChanged'
  | 'GovernanceSet';

function events<const name extends EventName>(receipt: TransactionReceipt, eventName: name) {
  return parseEventLogs({ abi: callistoFSAbi, logs: receipt.logs, eventName }).map((log) => log.args);
}

const blockTime = async (receipt: TransactionReceipt) =>
  (await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;

/** A file system with no node, owned by account 0. */
const deployBare = () => chain.deploy(callistoFSAbi, callistoFSBytecode, [account(OWNER), UNIT, FLOOR]);

// ---- deployment and roles --------------------------------------------------------------------------------

describe('deployment', () => {
  it('records the owner, the prices and the constants, and announces the prices', async () => {
    expect(await read('owner')).toBe(account(OWNER));
    expect(await read('governance')).toBe(zeroAddress);
    expect(await read('unit_price')).toBe(UNIT);
    expect(await read('floor_price')).toBe(FLOOR);
    expect(await read('CRR')).toBe(10n);
    expect(await read('MB')).toBe(1_048_576n);
    expect(await read('MAX_CID_BYTES')).toBe(100n);
    expect(await read('MAX_PATH_BYTES')).toBe(255n);
    expect(await read('MAX_ENDPOINT_BYTES')).toBe(256n);
    expect(await read('MAX_HOST_NODES')).toBe(32n);
    // The app says the window in words from its own copy.
    expect(await read('PENDING_WINDOW')).toBe(PENDING_WINDOW_SECONDS);
    expect(PENDING_WINDOW).toBe(PENDING_WINDOW_SECONDS);
    const bare = await deployBare();
    const logs = await chain.publicClient.getContractEvents({
      address: bare,
      abi: callistoFSAbi,
      eventName: 'PricesChanged',
      fromBlock: 0n,
    });
    expect(logs.map((l) => l.args)).toEqual([{ unit_price: UNIT, floor_price: FLOOR }]);
  });

  it('refuses a zero floor and a zero owner', async () => {
    await expect(chain.deploy(callistoFSAbi, callistoFSBytecode, [account(OWNER), UNIT, 0n])).rejects.toThrow();
    await expect(chain.deploy(callistoFSAbi, callistoFSBytecode, [zeroAddress, UNIT, FLOOR])).rejects.toThrow();
    // A zero unit price is a flat price: the floor.
    const flat = await chain.deploy(callistoFSAbi, callistoFSBytecode, [account(OWNER), 0n, FLOOR]);
    expectSuccess(await chain.write(OWNER, addNodeRequest(account(NODE_A), ENDPOINT_A, 1n, flat)));
    expect(await pricePerMb(MB / 2n, flat)).toBe(FLOOR);
  });
});

describe('host nodes', () => {
  it('are elected with endpoint and capacity', async () => {
    const nodes = await hostNodes();
    expect(nodes).toHaveLength(2);
    expect(nodes[0]).toMatchObject({
      node: account(NODE_A),
      endpoint: ENDPOINT_A,
      capacity_mb: 100n,
      confirmations: 0n,
    });
    expect(nodes[1]).toMatchObject({ node: account(NODE_B), endpoint: ENDPOINT_B, capacity_mb: 300n });
    expect(nodes[0]!.elected_at).toBeGreaterThan(0n);
    expect(await read('capacity_bytes')).toBe(CAPACITY);
    expect(await isHostNode(NODE_A)).toBe(true);
    expect(await isHostNode(OTHER)).toBe(false);

    const receipt = expectSuccess(await chain.write(OWNER, addNodeRequest(account(CAROL), 'https://c.example', 7n)));
    expect(events(receipt, 'HostNodeElected')).toEqual([
      { node: account(CAROL), endpoint: 'https://c.example', capacity_mb: 7n },
    ]);
    expect((await hostNodes())[2]!.elected_at).toBe(await blockTime(receipt));
    expect(await read('capacity_bytes')).toBe(CAPACITY + 7n * MB);
  });

  it('accept the limits: a 256-byte endpoint, the largest capacity, 32 nodes', async () => {
    const long = 'http://' + 'a'.repeat(249);
    expectSuccess(await chain.write(OWNER, addNodeRequest(account(CAROL), long, 2n ** 64n - 1n)));
    expect(await read('capacity_bytes')).toBe(CAPACITY + (2n ** 64n - 1n) * MB);
    // Two nodes from the snapshot and this one: 29 more make 32.
    for (let i = 4; i <= 32; i++) {
      const node = `0x${i.toString(16).padStart(40, '0')}` as Address;
      expectSuccess(await chain.write(OWNER, addNodeRequest(node, `https://n${i}.example`, 1n)));
    }
    expect(await hostNodes()).toHaveLength(32);
    expect(await chain.revertReason(OWNER, addNodeRequest(account(OTHER), ENDPOINT_A, 1n))).toBe(
      'CallistoFS: at most 32 host nodes',
    );
  });

  it.each([
    ['the zero address', zeroAddress, ENDPOINT_A, 1n, 'CallistoFS: node is the zero address'],
    ['an empty endpoint', null, '', 1n, 'CallistoFS: invalid endpoint'],
    ['a 257-byte endpoint', null, 'http://' + 'a'.repeat(250), 1n, 'CallistoFS: invalid endpoint'],
    ['an ftp endpoint', null, 'ftp://node.example', 1n, 'CallistoFS: invalid endpoint'],
    ['an endpoint in capitals', null, 'HTTPS://node.example', 1n, 'CallistoFS: invalid endpoint'],
    ['a bare host', null, 'node.example:5001', 1n, 'CallistoFS: invalid endpoint'],
    ['a truncated scheme', null, 'https:/node.example', 1n, 'CallistoFS: invalid endpoint'],
    ['a zero capacity', null, ENDPOINT_A, 0n, 'CallistoFS: capacity is zero'],
  ] as const)('refuse %s', async (_, node, endpoint, capacity, expected) => {
    expect(await chain.revertReason(OWNER, addNodeRequest(node ?? account(CAROL), endpoint, capacity))).toBe(expected);
  });

  it('refuse a node elected twice', async () => {
    expect(await chain.revertReason(OWNER, addNodeRequest(account(NODE_A), ENDPOINT_B, 5n))).toBe(
      'CallistoFS: node is already elected',
    );
  });

  it('are removed with their capacity; the last node takes the place', async () => {
    expectSuccess(await chain.write(OWNER, addNodeRequest(account(CAROL), 'https://c.example', 50n)));
    const receipt = expectSuccess(await chain.write(OWNER, removeNodeRequest(account(NODE_A))));
    expect(events(receipt, 'HostNodeRemoved')).toEqual([{ node: account(NODE_A) }]);
    expect((await hostNodes()).map((n) => n.node)).toEqual([account(CAROL), account(NODE_B)]);
    expect(await isHostNode(NODE_A)).toBe(false);
    expect(await isHostNode(CAROL)).toBe(true);
    expect(await read('capacity_bytes')).toBe(350n * MB);
    expect(await chain.revertReason(OWNER, removeNodeRequest(account(NODE_A)))).toBe(
      'CallistoFS: not an elected host node',
    );
    // The last one, then the only one.
    expectSuccess(await chain.write(OWNER, removeNodeRequest(account(NODE_B))));
    expectSuccess(await chain.write(OWNER, removeNodeRequest(account(CAROL))));
    expect(await hostNodes()).toEqual([]);
    expect(await read('capacity_bytes')).toBe(0n);
    // Elected again, from scratch.
    expectSuccess(await chain.write(OWNER, addNodeRequest(account(NODE_A), ENDPOINT_B, 9n)));
    expect(await hostNodes()).toMatchObject([{ node: account(NODE_A), endpoint: ENDPOINT_B, capacity_mb: 9n }]);
  });

  it('move their own endpoint, and only theirs', async () => {
    const receipt = expectSuccess(await chain.write(NODE_B, setEndpointRequest('https://moved.example/ipfs-node')));
    expect(events(receipt, 'HostNodeEndpointChanged')).toEqual([
      { node: account(NODE_B), endpoint: 'https://moved.example/ipfs-node' },
    ]);
    expect((await hostNodes())[1]!.endpoint).toBe('https://moved.example/ipfs-node');
    expect(await chain.revertReason(OTHER, setEndpointRequest('https://x.example'))).toBe(
      'CallistoFS: not an elected host node',
    );
    expect(await chain.revertReason(OWNER, setEndpointRequest('https://x.example'))).toBe(
      'CallistoFS: not an elected host node',
    );
    expect(await chain.revertReason(NODE_A, setEndpointRequest('ipfs://x'))).toBe('CallistoFS: invalid endpoint');
    expect(await chain.revertReason(NODE_A, setEndpointRequest(''))).toBe('CallistoFS: invalid endpoint');
  });
});

describe('roles', () => {
  it('lets only the owner change nodes and prices before governance is set', async () => {
    expect(await chain.revertReason(OTHER, addNodeRequest(account(CAROL), ENDPOINT_A, 1n))).toBe(
      'CallistoFS: only the owner may do this',
    );
    expect(await chain.revertReason(NODE_A, removeNodeRequest(account(NODE_B)))).toBe(
      'CallistoFS: only the owner may do this',
    );
    expect(await chain.revertReason(OTHER, setPricesRequest(1n, 1n))).toBe('CallistoFS: only the owner may do this');
  });

  it('sets the prices; the floor stays above zero', async () => {
    const receipt = expectSuccess(await chain.write(OWNER, setPricesRequest(3n * UNIT, 7n)));
    expect(events(receipt, 'PricesChanged')).toEqual([{ unit_price: 3n * UNIT, floor_price: 7n }]);
    expect(await read('unit_price')).toBe(3n * UNIT);
    expect(await read('floor_price')).toBe(7n);
    expect(await pricePerMb(200n * MB)).toBe(450_000_000_000_000_007n);
    expect(await chain.revertReason(OWNER, setPricesRequest(UNIT, 0n))).toBe(
      'CallistoFS: floor price must be above zero',
    );
  });

  it('hands every right to governance once; the owner keeps none', async () => {
    expect(await chain.revertReason(OTHER, setGovernanceRequest(account(GOV)))).toBe(
      'CallistoFS: only the owner may set governance',
    );
    expect(await chain.revertReason(OWNER, setGovernanceRequest(zeroAddress))).toBe(
      'CallistoFS: governance is the zero address',
    );
    const receipt = expectSuccess(await chain.write(OWNER, setGovernanceRequest(account(GOV))));
    expect(events(receipt, 'GovernanceSet')).toEqual([{ governance: account(GOV) }]);
    expect(await read('governance')).toBe(account(GOV));
    expect(await chain.revertReason(OWNER, setGovernanceRequest(account(OTHER)))).toBe(
      'CallistoFS: governance is already set',
    );

    const onlyGovernance = 'CallistoFS: only governance may do this';
    expect(await chain.revertReason(OWNER, addNodeRequest(account(CAROL), ENDPOINT_A, 1n))).toBe(onlyGovernance);
    expect(await chain.revertReason(OWNER, removeNodeRequest(account(NODE_A)))).toBe(onlyGovernance);
    expect(await chain.revertReason(OWNER, setPricesRequest(1n, 1n))).toBe(onlyGovernance);
    expect(await chain.revertReason(OTHER, addNodeRequest(account(CAROL), ENDPOINT_A, 1n))).toBe(onlyGovernance);

    expectSuccess(await chain.write(GOV, addNodeRequest(account(CAROL), ENDPOINT_A, 1n)));
    expectSuccess(await chain.write(GOV, removeNodeRequest(account(NODE_A))));
    expectSuccess(await chain.write(GOV, setPricesRequest(2n, 1n)));
    expect((await hostNodes()).map((n) => n.node)).toEqual([account(CAROL), account(NODE_B)]);
    expect(await read('unit_price')).toBe(2n);
  });
});

// ---- pricing ---------------------------------------------------------------------------------------------

describe('pricing', () => {
  it.each([
    ['0%', 0n, FLOOR],
    ['25%', 100n * MB, 39_888_888_888_888_889n],
    ['50%', 200n * MB, 151_000_000_000_000_000n],
    ['99%', 396n * MB, 499_951_000_000_000_000_000n],
    ['100%', 400n * MB, maxUint256],
    ['200%', 800n * MB, maxUint256],
  ])('gives the exact price a MB at %s of capacity', async (_, used, expected) => {
    expect(await pricePerMb(used)).toBe(expected);
  });

  it('rounds the price up, starts at the floor and has no bound near the capacity', async () => {
    expect(await pricePerMb(12_345_678n)).toBe(4_078_691_316_276_550n);
    // One byte: the floor plus the seed's unit x used / (capacity x CRR) = 238,418,579.1 wei, rounded up.
    expect(await pricePerMb(1n)).toBe(FLOOR + 238_418_580n);
    expect(await pricePerMb(CAPACITY - 1n)).toBe(8_796_093_022_207_999_951_000_000_000_000_000n);
    expectSuccess(await chain.write(OWNER, setPricesRequest(UNIT, 1n)));
    expect(await pricePerMb(1n)).toBe(238_418_581n);
  });

  it('is the floor without a node', async () => {
    const bare = await deployBare();
    expect(await pricePerMb(0n, bare)).toBe(FLOOR);
    expect(await pricePerMb(10n ** 30n, bare)).toBe(FLOOR);
    expect(await totals(bare)).toMatchObject({ capacity_bytes: 0n, node_count: 0n, price_per_mb: FLOOR });
  });

  it('charges the area under the curve from the committed bytes, rounded up, and quotes the price after', async () => {
    expect(await quote(1n)).toEqual([FLOOR + 238_418_580n, 953_674_431n]);
    expect(await quote(7n)).toEqual([1_000_001_668_930_096n, 6_675_725_786n]);
    // 0.1 CLO of floor and 0.05 x (400 x 100 / 300 - 100) CLO of curve.
    expect(await quote(100n * MB)).toEqual([39_888_888_888_888_889n, 1_766_666_666_666_666_667n]);
    await upload(ALICE, 100n * MB, 'a quarter');
    // A pending upload counts in the price at once.
    expect(await totals()).toMatchObject({ used_bytes: 0n, pending_bytes: 100n * MB });
    expect((await totals()).price_per_mb).toBe(39_888_888_888_888_889n);
    expect(await quote(1n)).toEqual([39_888_889_454_029_228n, 38_041_009_114n]);
    expect(await quote(296n * MB)).toEqual([499_951_000_000_000_000_000n, 1_958_829_333_333_333_333_334n]);
  });

  it('prices a split upload at least as dear as the whole (I-02)', async () => {
    const [, whole] = await quote(300n * MB);
    const first = await upload(ALICE, 100n * MB, 'first third');
    const second = await upload(ALICE, 200n * MB, 'the rest');
    expect(first.value + second.value).toBeGreaterThanOrEqual(whole);
    expect(first.value + second.value - whole).toBeLessThanOrEqual(2n);
  });

  it('never sells the last byte: an upload must leave some capacity free', async () => {
    expect(await quoteReason(CAPACITY)).toBe('CallistoFS: not enough free capacity');
    // All but one byte: 8.4 billion CLO.
    expect(await quote(CAPACITY - 1n)).toEqual([
      8_796_093_022_207_999_951_000_000_000_000_000n,
      8_388_607_960_400_000_046_730_041_505n,
    ]);
    await upload(ALICE, 396n * MB, 'most');
    expect(await quoteReason(4n * MB)).toBe('CallistoFS: not enough free capacity');
    expect(await uploadReason(BOB, CID, 4n * MB, 'the rest', parseEther('9000'))).toBe(
      'CallistoFS: not enough free capacity',
    );
  });

  it('refuses an upload over the free capacity, whatever its size', async () => {
    expect(await quoteReason(CAPACITY + 1n)).toBe('CallistoFS: not enough free capacity');
    expect(await quoteReason(maxUint256)).toBe('CallistoFS: not enough free capacity');
    await upload(ALICE, 396n * MB, 'most');
    expect(await quoteReason(4n * MB + 1n)).toBe('CallistoFS: not enough free capacity');
    expect(await uploadReason(BOB, CID, 4n * MB + 1n, 'too big', parseEther('10'))).toBe(
      'CallistoFS: not enough free capacity',
    );
  });

  it('keeps held files when a removal leaves the committed bytes above capacity, and sells nothing', async () => {
    await upload(ALICE, 200n * MB, 'half');
    expectSuccess(await chain.write(OWNER, removeNodeRequest(account(NODE_B))));
    expect(await totals()).toMatchObject({ pending_bytes: 200n * MB, capacity_bytes: 100n * MB });
    expect((await totals()).price_per_mb).toBe(maxUint256);
    expect(await quoteReason(1n)).toBe('CallistoFS: not enough free capacity');
    expect(await quoteReason(0n)).toBe('CallistoFS: file is empty');
  });

  it('keeps the prices within MAX_PRICE', async () => {
    const max = 10n ** 30n;
    expectSuccess(await chain.write(OWNER, setPricesRequest(max, max)));
    expect(await chain.revertReason(OWNER, setPricesRequest(max + 1n, 1n))).toBe('CallistoFS: price above MAX_PRICE');
    expect(await chain.revertReason(OWNER, setPricesRequest(1n, max + 1n))).toBe('CallistoFS: price above MAX_PRICE');
  });

  it('agrees with lib/files/pricing', async () => {
    await upload(ALICE, 123_456_789n, 'odd');
    const t = await totals();
    for (const size of [1n, 1000n, MB, 3n * MB + 5n, 99n * MB]) {
      const lib = computeUploadDeposit(size, t);
      expect(lib).toEqual({ pricePerMb: (await quote(size))[0], deposit: (await quote(size))[1] });
    }
  });
});

// ---- upload ----------------------------------------------------------------------------------------------

describe('upload', () => {
  it('records the file under its owner and holds exactly the value sent', async () => {
    const size = 5n * MB + 3n;
    const quoted = await depositFor(size);
    const value = quoted + 12_345n; // more than the quote: all of it is held
    const before = await chain.balance(account(ALICE));
    const { id, receipt } = await upload(ALICE, size, 'reports/2025/audit.pdf', { value });
    expect(id).toBe(0n);
    expect(events(receipt, 'FileUpload')).toEqual([{ owner: account(ALICE), id: 0n, cid: CID, size, deposit: value }]);
    expect(await chain.balance(account(ALICE))).toBe(before - value - chain.gasCost(receipt));
    expect(await chain.balance(fs)).toBe(value);
    expect(await file(0n)).toEqual({
      id: 0n,
      owner: account(ALICE),
      cid: CID,
      path: 'reports/2025/audit.pdf',
      size,
      deposit: value,
      uploaded_at: await blockTime(receipt),
      withdrawn_at: 0n,
      confirmations: 0,
      expires_at: (await blockTime(receipt)) + PENDING_WINDOW,
      status: PENDING,
    });
    expect(await fileAtPath(ALICE, 'reports/2025/audit.pdf')).toEqual({ found: true, id: 0n });
    expect(await fileAtPath(BOB, 'reports/2025/audit.pdf')).toEqual({ found: false, id: 0n });
    expect(await totals()).toMatchObject({
      used_bytes: 0n,
      pending_bytes: size,
      held_deposits: value,
      file_count: 1n,
      active_file_count: 1n,
    });
    const second = await upload(BOB, 1n, 'x', { cid: CID2 });
    expect(second.id).toBe(1n);
    expect(await read('held_deposits')).toBe(value + second.value);
    expect(await chain.balance(fs)).toBe(value + second.value);
  });

  it('accepts exactly the quote, and refuses one wei less', async () => {
    const deposit = await depositFor(12_345_678n);
    expect(await uploadReason(ALICE, CID, 12_345_678n, 'a', deposit - 1n)).toBe('CallistoFS: deposit below the quote');
    expect(await uploadReason(ALICE, CID, 12_345_678n, 'a', 0n)).toBe('CallistoFS: deposit below the quote');
    const { id } = await upload(ALICE, 12_345_678n, 'a', { value: deposit });
    expect((await file(id)).deposit).toBe(deposit);
  });

  it('accepts the limits: a 100-byte CID, a 255-byte path, UTF-8 and dots inside names', async () => {
    await upload(ALICE, 1n, 'p'.repeat(255), { cid: 'b' + 'a2'.repeat(49) + 'z' });
    await upload(ALICE, 1n, 'é'.repeat(127) + 'x'); // 255 bytes
    await upload(ALICE, 1n, '.hidden/a..b/c.', { cid: 'b' });
    await upload(ALICE, 1n, 'folder with spaces/~/x');
    expect(await read('file_count')).toBe(4n);
  });

  it('refuses an empty file, and any upload without a node', async () => {
    expect(await uploadReason(ALICE, CID, 0n, 'a', parseEther('1'))).toBe('CallistoFS: file is empty');
    expect(await quoteReason(0n)).toBe('CallistoFS: file is empty');
    const bare = await deployBare();
    expect(await uploadReason(ALICE, CID, 1n, 'a', parseEther('1'), bare)).toBe('CallistoFS: no host node is elected');
    expect(await uploadReason(ALICE, CID, 0n, 'a', parseEther('1'), bare)).toBe('CallistoFS: file is empty');
  });

  it.each([
    ['an empty CID', ''],
    ['a 101-byte CID', 'b' + 'a'.repeat(100)],
    ['a CIDv0', 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG'],
    ['a CID in capitals', 'BAFYBEIGDYRZT5SFP7UDM7HU76UH7Y26NF3EFUYLQABF3OCLGTQY55FBZDI'],
    ['a base58 CID with a b prefix', 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzd1'],
    ['a CID with an 8', 'bafy8'],
    ['a CID with a 0', 'bafy0'],
    ['a CID with a dash', 'bafy-a'],
    ['a CID with a slash', 'bafy/a'],
    ['a CID with a space', 'bafy a'],
    ['a CID in another base', 'zdj7WWeQ43G6JJvLWQWZpyHuAMq6uYWRjkBXFad11vE2LHhQ7'],
  ])('refuses %s', async (_, cid) => {
    expect(await uploadReason(ALICE, cid, 1n, 'a', parseEther('1'))).toBe('CallistoFS: invalid CID');
  });

  it.each([
    ['an empty path', ''],
    ['a 256-byte path', 'p'.repeat(256)],
    ['a leading slash', '/etc/passwd'],
    ['a trailing slash', 'docs/'],
    ['a lone slash', '/'],
    ['an empty segment', 'a//b'],
    ['a . segment', 'a/./b'],
    ['a .. segment', 'a/../b'],
    ['a leading ..', '../a'],
    ['a trailing .', 'a/.'],
    ['only ..', '..'],
    ['only .', '.'],
    ['a newline', 'line\nbreak'],
    ['a tab', 'a\tb'],
    ['a NUL byte', 'a\u0000b'],
    ['a DEL byte', 'a\u007fb'],
    ['an escape', '\u001b[31m'],
  ])('refuses %s', async (_, path) => {
    expect(await uploadReason(ALICE, CID, 1n, path, parseEther('1'))).toBe('CallistoFS: invalid path');
  });

  it('refuses a path in use by a held file of the same owner, not of another', async () => {
    await upload(ALICE, 10n, 'notes.txt');
    expect(await uploadReason(ALICE, CID2, 20n, 'notes.txt', parseEther('1'))).toBe('CallistoFS: path already in use');
    await upload(BOB, 10n, 'notes.txt');
    // The same CID may be stored at two paths.
    await upload(ALICE, 10n, 'copy of notes.txt');
    expect(await fileAtPath(BOB, 'notes.txt')).toEqual({ found: true, id: 1n });
  });

  it('checks in the documented order: size, node, capacity, CID, path, path in use, deposit', async () => {
    await upload(ALICE, 1n, 'taken');
    expect(await uploadReason(ALICE, '', 0n, '', 0n)).toBe('CallistoFS: file is empty');
    expect(await uploadReason(ALICE, '', CAPACITY, '', 0n)).toBe('CallistoFS: not enough free capacity');
    expect(await uploadReason(ALICE, '', 1n, '', 0n)).toBe('CallistoFS: invalid CID');
    expect(await uploadReason(ALICE, CID, 1n, '', 0n)).toBe('CallistoFS: invalid path');
    expect(await uploadReason(ALICE, CID, 1n, 'taken', 0n)).toBe('CallistoFS: path already in use');
    expect(await uploadReason(ALICE, CID, 1n, 'free', 0n)).toBe('CallistoFS: deposit below the quote');
  });
});

// ---- withdraw --------------------------------------------------------------------------------------------

describe('withdraw', () => {
  it('returns the whole deposit to the wei and frees the size and the path', async () => {
    const { id, value } = await upload(ALICE, 100n * MB, 'big.bin', { value: parseEther('3') });
    await upload(BOB, 10n, 'small');
    const before = await chain.balance(account(ALICE));
    const receipt = expectSuccess(await chain.write(ALICE, withdrawRequest(id)));
    expect(events(receipt, 'FileWithdrawn')).toEqual([{ owner: account(ALICE), id, deposit: value }]);
    expect(await chain.balance(account(ALICE))).toBe(before + parseEther('3') - chain.gasCost(receipt));
    const f = await file(id);
    expect(f.withdrawn_at).toBe(await blockTime(receipt));
    expect(f.deposit).toBe(value);
    expect(await fileAtPath(ALICE, 'big.bin')).toEqual({ found: false, id: 0n });
    expect(f.status).toBe(WITHDRAWN);
    const t = await totals();
    expect(t).toMatchObject({ used_bytes: 0n, pending_bytes: 10n, file_count: 2n, active_file_count: 1n });
    expect(t.held_deposits).toBe(await chain.balance(fs));
    // The path is free again: a new upload there gets a new id.
    const again = await upload(ALICE, 5n, 'big.bin');
    expect(again.id).toBe(2n);
    expect(await fileAtPath(ALICE, 'big.bin')).toEqual({ found: true, id: 2n });
  });

  it('is for the owner only, once', async () => {
    const { id } = await upload(ALICE, 10n, 'a');
    expect(await chain.revertReason(BOB, withdrawRequest(id))).toBe('CallistoFS: not the owner of the file');
    expect(await chain.revertReason(NODE_A, withdrawRequest(id))).toBe('CallistoFS: not the owner of the file');
    expectSuccess(await chain.write(ALICE, withdrawRequest(id)));
    expect(await chain.revertReason(ALICE, withdrawRequest(id))).toBe('CallistoFS: deposit already withdrawn');
    expect((await chain.write(ALICE, withdrawRequest(id))).status).toBe('reverted');
    expect(await chain.revertReason(ALICE, withdrawRequest(9n))).toBe('CallistoFS: no such file');
    expect(await chain.balance(fs)).toBe(0n);
  });

  it('pays a re-entering owner once', async () => {
    const { abi: actorAbi, bytecode: actorBytecode } = testContract('HostileActor');
    const actor = await chain.deploy(actorAbi, actorBytecode, []);
    const deposit = await depositFor(MB);
    const exec = (data: Hex, value?: bigint) =>
      chain.write(ALICE, { address: actor, abi: actorAbi, functionName: 'exec', args: [fs, data], value });
    const withdrawData = encodeFunctionData({ abi: callistoFSAbi, functionName: 'withdraw', args: [0n] });
    expectSuccess(
      await exec(encodeFunctionData({ abi: callistoFSAbi, functionName: 'upload', args: [CID, MB, 'x'] }), deposit),
    );
    expect((await file(0n)).owner.toLowerCase()).toBe(actor.toLowerCase());
    expectSuccess(
      await chain.write(0, {
        address: actor,
        abi: actorAbi,
        functionName: 'configure',
        args: [fs, withdrawData, false],
      }),
    );
    expectSuccess(await exec(withdrawData));
    const view = (functionName: 'reentries' | 'failed_reentries') =>
      chain.publicClient.readContract({ address: actor, abi: actorAbi, functionName }) as Promise<bigint>;
    expect(await view('reentries')).toBe(1n);
    expect(await view('failed_reentries')).toBe(1n);
    expect(await chain.balance(actor)).toBe(deposit);
    expect(await chain.balance(fs)).toBe(0n);
    expect(await read('held_deposits')).toBe(0n);
  });

  it('keeps the deposit held when the owner refuses CLO', async () => {
    const { abi: actorAbi, bytecode: actorBytecode } = testContract('HostileActor');
    const actor = await chain.deploy(actorAbi, actorBytecode, []);
    const deposit = await depositFor(1n);
    const exec = (data: Hex, value?: bigint) =>
      chain.write(ALICE, { address: actor, abi: actorAbi, functionName: 'exec', args: [fs, data], value });
    expectSuccess(
      await exec(encodeFunctionData({ abi: callistoFSAbi, functionName: 'upload', args: [CID, 1n, 'x'] }), deposit),
    );
    expectSuccess(
      await chain.write(0, { address: actor, abi: actorAbi, functionName: 'configure', args: [fs, '0x', true] }),
    );
    const withdrawData = encodeFunctionData({ abi: callistoFSAbi, functionName: 'withdraw', args: [0n] });
    expect((await exec(withdrawData)).status).toBe('reverted');
    expect((await file(0n)).withdrawn_at).toBe(0n);
    expect(await read('held_deposits')).toBe(deposit);
  });
});

// ---- confirm ---------------------------------------------------------------------------------------------

describe('confirm', () => {
  it('records each elected node once per file', async () => {
    const { id } = await upload(ALICE, 10n, 'a');
    const receipt = expectSuccess(await chain.write(NODE_B, confirmRequest(id)));
    expect(events(receipt, 'FileConfirmed')).toEqual([{ id, node: account(NODE_B) }]);
    expect(await chain.revertReason(NODE_B, confirmRequest(id))).toBe('CallistoFS: already confirmed');
    expectSuccess(await chain.write(NODE_A, confirmRequest(id)));
    expect(await confirmersOf(id)).toEqual([account(NODE_B), account(NODE_A)]);
    expect(await confirmedBy(id, NODE_A)).toBe(true);
    expect(await confirmedBy(id, OTHER)).toBe(false);
    expect((await file(id)).confirmations).toBe(2);
    const second = await upload(BOB, 10n, 'b');
    expectSuccess(await chain.write(NODE_B, confirmRequest(second.id)));
    expect((await hostNodes()).map((n) => n.confirmations)).toEqual([1n, 2n]);
  });

  it('is for elected nodes only, and only while the deposit is held', async () => {
    const { id } = await upload(ALICE, 10n, 'a');
    expect(await chain.revertReason(ALICE, confirmRequest(id))).toBe('CallistoFS: not an elected host node');
    expect(await chain.revertReason(OWNER, confirmRequest(id))).toBe('CallistoFS: not an elected host node');
    expect(await chain.revertReason(NODE_A, confirmRequest(5n))).toBe('CallistoFS: no such file');
    expectSuccess(await chain.write(ALICE, withdrawRequest(id)));
    expect(await chain.revertReason(NODE_A, confirmRequest(id))).toBe('CallistoFS: file deposit withdrawn');
    const other = await upload(ALICE, 10n, 'b');
    expectSuccess(await chain.write(OWNER, removeNodeRequest(account(NODE_A))));
    expect(await chain.revertReason(NODE_A, confirmRequest(other.id))).toBe('CallistoFS: not an elected host node');
  });

  it('confirms a batch in one transaction, skipping what is confirmed, withdrawn or unknown', async () => {
    const a = await upload(ALICE, 10n, 'a');
    const b = await upload(ALICE, 10n, 'b');
    const c = await upload(BOB, 10n, 'c');
    expectSuccess(await chain.write(NODE_A, confirmRequest(a.id)));
    expectSuccess(await chain.write(BOB, withdrawRequest(c.id)));
    const batch = (ids: bigint[]) =>
      ({ address: fs, abi: callistoFSAbi, functionName: 'confirm_many', args: [ids] }) as const;
    const receipt = expectSuccess(await chain.write(NODE_A, batch([a.id, b.id, c.id, 99n, b.id])));
    // Only b is new: a was confirmed before, c is withdrawn, 99 does not exist, and b twice counts once.
    expect(events(receipt, 'FileConfirmed')).toEqual([{ id: b.id, node: account(NODE_A) }]);
    expect(await confirmersOf(b.id)).toEqual([account(NODE_A)]);
    expect((await file(c.id)).confirmations).toBe(0);
    expect((await hostNodes()).find((n) => n.node === account(NODE_A))?.confirmations).toBe(2n);
    expect(await chain.revertReason(ALICE, batch([a.id]))).toBe('CallistoFS: not an elected host node');
    const tooMany = Array.from({ length: 201 }, (_, i) => BigInt(i));
    expect(await chain.revertReason(NODE_B, batch(tooMany))).toBe('CallistoFS: at most 200 files a batch');
  });
});

describe('pending uploads', () => {
  const releaseRequest = (ids: bigint[]) =>
    ({ address: fs, abi: callistoFSAbi, functionName: 'release_expired', args: [ids] }) as const;
  const batch = (ids: bigint[]) =>
    ({ address: fs, abi: callistoFSAbi, functionName: 'confirm_many', args: [ids] }) as const;

  it('count their size once a node confirms them, and only once', async () => {
    const { id } = await upload(ALICE, 10n * MB, 'a');
    expect(await totals()).toMatchObject({ used_bytes: 0n, pending_bytes: 10n * MB, counted_file_count: 0n });
    const receipt = expectSuccess(await chain.write(NODE_B, confirmRequest(id)));
    expect(events(receipt, 'FileCounted')).toEqual([{ id, size: 10n * MB }]);
    expect(await totals()).toMatchObject({ used_bytes: 10n * MB, pending_bytes: 0n, counted_file_count: 1n });
    expect((await file(id)).status).toBe(COUNTED);
    const second = expectSuccess(await chain.write(NODE_A, confirmRequest(id)));
    expect(events(second, 'FileCounted')).toEqual([]);
    expect(await totals()).toMatchObject({ used_bytes: 10n * MB, pending_bytes: 0n, counted_file_count: 1n });
  });

  it('expire after the window: no confirmation, and anyone releases their space', async () => {
    const { id } = await upload(ALICE, 10n * MB, 'a');
    const counted = await upload(BOB, 5n * MB, 'b');
    expectSuccess(await chain.write(NODE_A, confirmRequest(counted.id)));
    const expires = (await file(id)).expires_at;
    // Not a second early.
    await chain.setNextBlockTimestamp(expires - 1n);
    await chain.mine(1);
    const early = expectSuccess(await chain.write(OTHER, releaseRequest([id])));
    expect(events(early, 'FileExpired')).toEqual([]);
    await chain.setNextBlockTimestamp(expires);
    await chain.mine(1);
    expect(await chain.revertReason(NODE_A, confirmRequest(id))).toBe('CallistoFS: upload expired unconfirmed');
    const skipped = expectSuccess(await chain.write(NODE_A, batch([id])));
    expect(events(skipped, 'FileConfirmed')).toEqual([]);
    // Counted, unknown and repeated ids are skipped.
    const receipt = expectSuccess(await chain.write(OTHER, releaseRequest([counted.id, id, 99n, id])));
    expect(events(receipt, 'FileExpired')).toEqual([{ owner: account(ALICE), id }]);
    expect((await file(id)).status).toBe(EXPIRED);
    expect(await totals()).toMatchObject({ used_bytes: 5n * MB, pending_bytes: 0n, active_file_count: 2n });
    // The deposit is still the owner's, whole, and the path stays taken until the withdrawal.
    expect(await fileAtPath(ALICE, 'a')).toEqual({ found: true, id });
    const before = await chain.balance(account(ALICE));
    const withdrawal = expectSuccess(await chain.write(ALICE, withdrawRequest(id)));
    expect(await chain.balance(account(ALICE))).toBe(before + (await file(id)).deposit - chain.gasCost(withdrawal));
    expect(await totals()).toMatchObject({ used_bytes: 5n * MB, pending_bytes: 0n, active_file_count: 1n });
  });

  it('give their space back on withdrawal, released or not', async () => {
    const a = await upload(ALICE, 10n * MB, 'a');
    await upload(ALICE, 20n * MB, 'b');
    await chain.increaseTime(PENDING_WINDOW);
    expectSuccess(await chain.write(ALICE, withdrawRequest(a.id)));
    expect(await totals()).toMatchObject({ pending_bytes: 20n * MB, held_deposits: await chain.balance(fs) });
  });

  it('cannot together take more than the capacity', async () => {
    await upload(ALICE, 200n * MB, 'a');
    await upload(BOB, 199n * MB, 'b');
    expect(await quoteReason(MB)).toBe('CallistoFS: not enough free capacity');
    expect(await uploadReason(CAROL, CID, MB, 'c', parseEther('10000'))).toBe('CallistoFS: not enough free capacity');
  });
});

describe('confirmation statistics', () => {
  it('count the files and bytes a node confirmed while they are held (L-05)', async () => {
    const a = await upload(ALICE, 3n * MB, 'a');
    const b = await upload(BOB, 5n, 'b');
    expectSuccess(await chain.write(NODE_A, confirmRequest(a.id)));
    expectSuccess(await chain.write(NODE_B, confirmRequest(a.id)));
    expectSuccess(await chain.write(NODE_A, confirmRequest(b.id)));
    const stats = async () =>
      (await hostNodes()).map((n) => ({ node: n.node, files: n.confirmations, bytes: n.confirmed_bytes }));
    expect(await stats()).toEqual([
      { node: account(NODE_A), files: 2n, bytes: 3n * MB + 5n },
      { node: account(NODE_B), files: 1n, bytes: 3n * MB },
    ]);
    expectSuccess(await chain.write(ALICE, withdrawRequest(a.id)));
    expect(await stats()).toEqual([
      { node: account(NODE_A), files: 1n, bytes: 5n },
      { node: account(NODE_B), files: 0n, bytes: 0n },
    ]);
  });

  it('follow a node through its removal and re-election', async () => {
    const a = await upload(ALICE, 7n, 'a');
    expectSuccess(await chain.write(NODE_A, confirmRequest(a.id)));
    expectSuccess(await chain.write(OWNER, removeNodeRequest(account(NODE_A))));
    expectSuccess(await chain.write(ALICE, withdrawRequest(a.id)));
    expectSuccess(await chain.write(OWNER, addNodeRequest(account(NODE_A), ENDPOINT_A, 100n)));
    expect((await hostNodes()).find((n) => n.node === account(NODE_A))).toMatchObject({
      confirmations: 0n,
      confirmed_bytes: 0n,
    });
  });
});

// ---- reads -----------------------------------------------------------------------------------------------

describe('reads', () => {
  it('pages an owner’s files newest first, withdrawn ones included', async () => {
    for (const name of ['one', 'two', 'three', 'four', 'five']) await upload(ALICE, 1n, name);
    await upload(BOB, 1n, 'bob');
    expectSuccess(await chain.write(ALICE, withdrawRequest(1n)));
    const paths = async (offset: bigint, limit: bigint) => {
      const [page, total] = await filesOf(ALICE, offset, limit);
      expect(total).toBe(5n);
      return page.map((f) => f.path);
    };
    expect(await paths(0n, 2n)).toEqual(['five', 'four']);
    expect(await paths(2n, 2n)).toEqual(['three', 'two']);
    expect(await paths(4n, 2n)).toEqual(['one']);
    expect(await paths(0n, maxUint256)).toEqual(['five', 'four', 'three', 'two', 'one']);
    expect(await paths(5n, 2n)).toEqual([]);
    expect(await paths(maxUint256, maxUint256)).toEqual([]);
    expect(await paths(1n, 0n)).toEqual([]);
    const [page] = await filesOf(ALICE, 3n, 1n);
    expect(page[0]).toEqual(await file(1n));
    expect(page[0]!.withdrawn_at).toBeGreaterThan(0n);
    expect(await filesOf(BOB, 0n, 10n)).toEqual([[await file(5n)], 1n]);
    expect(await filesOf(CAROL, 0n, 10n)).toEqual([[], 0n]);
  });

  it('adds up the totals', async () => {
    expect(await totals()).toEqual({
      used_bytes: 0n,
      pending_bytes: 0n,
      capacity_bytes: CAPACITY,
      held_deposits: 0n,
      file_count: 0n,
      active_file_count: 0n,
      counted_file_count: 0n,
      node_count: 2n,
      unit_price: UNIT,
      floor_price: FLOOR,
      price_per_mb: FLOOR,
    });
    const a = await upload(ALICE, 100n * MB, 'a');
    const b = await upload(BOB, 50n * MB, 'b');
    const c = await upload(CAROL, 50n * MB, 'c');
    expectSuccess(await chain.write(BOB, withdrawRequest(b.id)));
    expectSuccess(await chain.write(NODE_A, confirmRequest(a.id)));
    expect(await totals()).toEqual({
      used_bytes: 100n * MB,
      pending_bytes: 50n * MB,
      capacity_bytes: CAPACITY,
      held_deposits: a.value + c.value,
      file_count: 3n,
      active_file_count: 2n,
      counted_file_count: 1n,
      node_count: 2n,
      unit_price: UNIT,
      floor_price: FLOOR,
      price_per_mb: 79_000_000_000_000_000n,
    });
    expect(await chain.balance(fs)).toBe(a.value + c.value);
    expect(await chain.publicClient.readContract({ address: fs, abi: callistoFSAbi, functionName: 'file_count' })).toBe(
      3n,
    );
    await expect(file(3n)).rejects.toThrow(/no such file/);
    await expect(confirmersOf(3n)).rejects.toThrow(/no such file/);
  });

  it('refuses plain transfers: the balance is the held deposits', async () => {
    await expect(chain.wallet(OTHER).sendTransaction({ to: fs, value: 1n })).rejects.toThrow();
    expect(await chain.balance(fs)).toBe(0n);
  });
});
