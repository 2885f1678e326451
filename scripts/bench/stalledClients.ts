// Figure 9, a host node under stalled clients: the p99 latency of a gateway read (a 256 KiB held file, read whole)
// while 50 clients, each from its own loopback address, hold connections they never finish (25 uploads whose body
// stops after its first bytes, 25 requests whose headers never end), as a ratio to the p99 with none. Each repeat
// measures both, alternately; the stalled clients are opened afresh every time, within the node's default timeouts
// (20 s for headers, 30 s idle), and the figure notes how many were still connected at the end. Printed, not asserted.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { createPublicClient, createWalletClient, http, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { callistoFSAbi } from '../../contracts-abi/CallistoFS';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import { callistoLocal } from '../../lib/chain/chains';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startAnvil } from '../lib/anvil';
import { deployAll } from '../lib/deploy';
import { localHostNodes, startLocalHostNode, type LocalHostNode } from '../lib/hostNodes';
import { addToHostNode } from '../lib/hostNodeUpload';
import { summarize, type BenchRow } from './stats';

const STALLED_CLIENTS = 50;
const READS = 300;
const REPEATS = 3;
const FILE_BYTES = 256 * 1024;
const TARGET = 1.5;
/** Registrations come from a seeded account that holds plenty of CLO. */
const UPLOADER = 1;

export interface StalledClientsContext {
  rpcUrl: string;
  fileSystem: Address;
  node: LocalHostNode;
  log: (line: string) => void;
}

/** A held file on the node: uploaded, registered, and confirmed by it. */
async function heldFile(ctx: StalledClientsContext): Promise<string> {
  const account = privateKeyToAccount(anvilPrivateKeys[UPLOADER]);
  const chain = { ...callistoLocal, rpcUrls: { default: { http: [ctx.rpcUrl] } } };
  const wallet = createWalletClient({ chain, transport: http(ctx.rpcUrl), account });
  const publicClient = createPublicClient({ chain, transport: http(ctx.rpcUrl), pollingInterval: 20 });
  const fs = { address: ctx.fileSystem, abi: callistoFSAbi } as const;
  const bytes = randomBytes(FILE_BYTES);
  const cid = await addToHostNode(ctx.node.endpoint, [{ path: 'stalled-bench.bin', bytes }]);
  const size = BigInt(bytes.byteLength);
  const [, deposit] = await publicClient.readContract({ ...fs, functionName: 'quote', args: [size] });
  const id = await publicClient.readContract({ ...fs, functionName: 'file_count' });
  const hash = await wallet.writeContract({
    ...fs,
    functionName: 'upload',
    args: [cid, size, `bench/stalled-${Date.now()}.bin`],
    value: deposit,
  });
  await publicClient.waitForTransactionReceipt({ hash });
  const started = performance.now();
  while (!(await publicClient.readContract({ ...fs, functionName: 'confirmed_by', args: [id, ctx.node.address] }))) {
    if (performance.now() - started > 60_000) throw new Error('the host node did not confirm within a minute');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return cid;
}

function openStalled(endpoint: string, index: number): Promise<Socket> {
  const { hostname, port } = new URL(endpoint);
  const host = `${hostname}:${port}`;
  const socket = connect({ host: hostname, port: Number(port), localAddress: `127.0.9.${index + 1}` });
  socket.on('error', () => undefined);
  const request =
    index % 2 === 0
      ? // An upload whose body stops after the head of its first part.
        `POST /api/v0/add?cid-version=1 HTTP/1.1\r\nHost: ${host}\r\nContent-Type: multipart/form-data; boundary=b\r\n` +
        `Content-Length: 10000000\r\n\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="x.bin"\r\n\r\nxxxx`
      : // A request whose headers never end.
        `GET /health HTTP/1.1\r\nHost: ${host}\r\nX-Waiting: `;
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      // Read (and drop) whatever the node answers, so that its closing the connection is seen.
      socket.resume();
      socket.write(request);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** p99 of READS sequential whole reads of the file, each on the client's kept-alive connection. */
async function readP99(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    if (!response.ok || body.byteLength !== FILE_BYTES) throw new Error(`the read answered ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.ceil(times.length * 0.99) - 1]!;
}

export async function measureStalledClients(ctx: StalledClientsContext): Promise<BenchRow[]> {
  ctx.log('bench: figure 9, gateway reads with and without 50 stalled clients');
  const cid = await heldFile(ctx);
  const url = `${ctx.node.endpoint}/ipfs/${cid}`;
  await readP99(url); // warm-up
  const quiet: number[] = [];
  const stalled: number[] = [];
  const stillOpen: number[] = [];
  for (let run = 0; run < REPEATS; run++) {
    quiet.push(await readP99(url));
    const sockets = await Promise.all(
      Array.from({ length: STALLED_CLIENTS }, (_, i) => openStalled(ctx.node.endpoint, i)),
    );
    try {
      // Let the node take them all in before reading.
      await new Promise((resolve) => setTimeout(resolve, 500));
      stalled.push(await readP99(url));
      stillOpen.push(sockets.filter((s) => !s.destroyed && !s.readableEnded).length);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  }
  const base = summarize(quiet);
  const loaded = summarize(stalled);
  const ratio = base && loaded ? loaded.median / base.median : undefined;
  return [
    {
      figure: '9 stalled clients',
      subject: `gateway read, ${FILE_BYTES / 1024} KiB`,
      metric: `p99 of ${READS}, no stalled client`,
      unit: 'ms',
      summary: base,
    },
    {
      figure: '9 stalled clients',
      subject: `gateway read, ${FILE_BYTES / 1024} KiB`,
      metric: `p99 of ${READS}, ${STALLED_CLIENTS} stalled clients`,
      unit: 'ms',
      summary: loaded,
      ratio,
      ratioTo: 'to no stalled client',
      note: [
        ratio === undefined ? undefined : `target ≤ ${TARGET}x: ${ratio <= TARGET ? 'met' : 'MISSED'}`,
        `${Math.min(...stillOpen)}–${Math.max(...stillOpen)} of ${STALLED_CLIENTS} still connected at the end`,
      ]
        .filter(Boolean)
        .join('; '),
    },
  ];
}

/** `BENCH_ONLY=9`: figure 9 on a stack of its own (anvil, the contracts, one host node), without the app build. */
export async function stalledClientsAlone(log: (line: string) => void): Promise<BenchRow[]> {
  const anvil = await startAnvil({ port: await findFreePort() });
  const workDir = mkdtempSync(join(tmpdir(), 'callisto-bench-stalled-'));
  try {
    const [node] = localHostNodes([await findFreePort()], workDir);
    const deployment = await deployAll({
      rpcUrl: anvil.rpcUrl,
      privateKey: anvilPrivateKeys[0],
      hostNodes: [{ address: node!.address, endpoint: node!.endpoint, capacityMb: node!.capacityMb }],
    });
    const fileSystem = deployment.contracts.CallistoFS!;
    const managed = await startLocalHostNode(node!, { rpcUrl: anvil.rpcUrl, fileSystem, appOrigins: [], pollMs: 100 });
    try {
      return await measureStalledClients({ rpcUrl: anvil.rpcUrl, fileSystem, node: node!, log });
    } finally {
      await managed.stop();
    }
  } finally {
    await anvil.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
