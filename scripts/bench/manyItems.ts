// Fills a local chain with many proposals, audit requests and stored files fast, for the RPC budget spec and the
// bench: one funded key signs every submission, all go into the pool with automine off, and a few blocks mine them.
import {
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  http,
  keccak256,
  parseEther,
  toHex,
  type Address,
  type Hex,
} from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { auditRegistryAbi } from '../../contracts-abi/AuditRegistry';
import { callistoFSAbi } from '../../contracts-abi/CallistoFS';
import { computeCid } from '@callisto-hub/unixfs';
import { addToHostNode } from '../lib/hostNodeUpload';
import { treasuryGovernanceAbi } from '../../contracts-abi/TreasuryGovernance';
import { callistoLocal } from '../../lib/chain/chains';

const SUBMIT_GAS = 600_000n;
const SEND_CONCURRENCY = 50;

function clients(rpcUrl: string) {
  const chain = { ...callistoLocal, rpcUrls: { default: { http: [rpcUrl] } } };
  const transport = http(rpcUrl, { retryCount: 0 });
  return { chain, transport, publicClient: createPublicClient({ chain, transport, pollingInterval: 50 }) };
}

async function rpc(rpcUrl: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** Sends `calls` from one account (a fresh one unless `privateKey` is given; topped up for their value and gas) in
 * as few blocks as the gas allows. */
async function submitAll(
  rpcUrl: string,
  calls: { to: Address; data: Hex; value: bigint }[],
  privateKey: Hex = generatePrivateKey(),
): Promise<void> {
  if (calls.length === 0) return;
  const { chain, transport, publicClient } = clients(rpcUrl);
  const account = privateKeyToAccount(privateKey);
  const wallet = createWalletClient({ chain, transport, account });
  const gasPrice = (await publicClient.getGasPrice()) * 2n;
  const needed = calls.reduce((sum, c) => sum + c.value + SUBMIT_GAS * gasPrice, 0n) + parseEther('1');
  const balance = await publicClient.getBalance({ address: account.address });
  await rpc(rpcUrl, 'anvil_setBalance', [account.address, toHex(balance + needed)]);
  const firstNonce = await publicClient.getTransactionCount({ address: account.address, blockTag: 'pending' });
  await rpc(rpcUrl, 'evm_setAutomine', [false]);
  try {
    const hashes: Hex[] = [];
    for (let start = 0; start < calls.length; start += SEND_CONCURRENCY) {
      const batch = calls.slice(start, start + SEND_CONCURRENCY);
      const signed = await Promise.all(
        batch.map((call, i) =>
          wallet.signTransaction({
            ...call,
            nonce: firstNonce + start + i,
            gas: SUBMIT_GAS,
            gasPrice,
            chain,
            type: 'legacy',
          }),
        ),
      );
      hashes.push(...(await Promise.all(signed.map((tx) => wallet.sendRawTransaction({ serializedTransaction: tx })))));
    }
    // One block takes what its gas limit allows; mine until the pool is empty.
    for (let blocks = 0; blocks < 200; blocks++) {
      await rpc(rpcUrl, 'evm_mine');
      const status = (await rpc(rpcUrl, 'txpool_status')) as { pending: Hex; queued: Hex };
      if (BigInt(status.pending) === 0n && BigInt(status.queued) === 0n) break;
    }
    const last = await publicClient.getTransactionReceipt({ hash: hashes[hashes.length - 1]! });
    if (last.status !== 'success') throw new Error('a bulk submission reverted');
  } finally {
    await rpc(rpcUrl, 'evm_setAutomine', [true]);
  }
}

const DESCRIPTION_URL = 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';

/** Submits funding proposals until the governance contract holds `total`; returns how many were added. */
export async function fillProposals(rpcUrl: string, governance: Address, total: number): Promise<number> {
  const { publicClient } = clients(rpcUrl);
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const [count, deposit] = await Promise.all([
    publicClient.readContract({ ...g, functionName: 'proposal_count' }),
    publicClient.readContract({ ...g, functionName: 'submission_deposit' }),
  ]);
  const missing = Math.max(0, total - Number(count));
  const calls = Array.from({ length: missing }, (_, i) => {
    const title = `Bulk proposal ${Number(count) + i}: community grant`;
    return {
      to: governance,
      value: deposit,
      data: encodeFunctionData({
        abi: treasuryGovernanceAbi,
        functionName: 'submit_funding',
        args: [title, DESCRIPTION_URL, keccak256(toHex(title)), governance, parseEther('100'), 1 + (i % 12)],
      }),
    };
  });
  await submitAll(rpcUrl, calls);
  return missing;
}

/** Submits audit requests until the registry holds `total`; returns how many were added. */
export async function fillAuditRequests(rpcUrl: string, registry: Address, total: number): Promise<number> {
  const { publicClient } = clients(rpcUrl);
  const count = await publicClient.readContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'request_count',
  });
  const missing = Math.max(0, total - Number(count));
  const calls = Array.from({ length: missing }, (_, i) => ({
    to: registry,
    value: 0n,
    data: encodeFunctionData({
      abi: auditRegistryAbi,
      functionName: 'submit_request',
      args: [
        registry,
        31337n,
        `https://github.com/callisto/bulk/blob/main/Contract${i}.sol`,
        `Bulk audit request ${Number(count) + i}: a token contract.`,
        'Solidity 0.8.30',
      ],
    }),
  }));
  await submitAll(rpcUrl, calls);
  return missing;
}

/** Stores small files for `owner` until it holds `total`: each file's bytes go to the first host node, then every
 * registration is sent in bulk; the nodes then pin, replicate and confirm them as they would a user's. */
export async function fillFiles(
  rpcUrl: string,
  fileSystem: Address,
  ownerKey: Hex,
  hostNodeEndpoint: string,
  total: number,
): Promise<number> {
  const { publicClient } = clients(rpcUrl);
  const fs = { address: fileSystem, abi: callistoFSAbi } as const;
  const owner = privateKeyToAccount(ownerKey).address;
  const [, held] = await publicClient.readContract({ ...fs, functionName: 'files_of', args: [owner, 0n, 1n] });
  const missing = Math.max(0, total - Number(held));
  const files: { cid: string; size: bigint; path: string }[] = [];
  for (let start = 0; start < missing; start += SEND_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(SEND_CONCURRENCY, missing - start) }, (_, i) => {
      const n = Number(held) + start + i;
      const name = `bulk-${n}.txt`;
      return { name, bytes: new TextEncoder().encode(`Bulk file ${n} for ${owner}\n`) };
    });
    files.push(
      ...(await Promise.all(
        batch.map(async ({ name, bytes }) => {
          const { cid, size } = await computeCid([
            {
              path: name,
              content: (async function* () {
                yield bytes;
              })(),
            },
          ]);
          await addToHostNode(hostNodeEndpoint, [{ path: name, bytes }]);
          return { cid, size, path: `bulk/${name}` };
        }),
      )),
    );
  }
  const calls = await Promise.all(
    files.map(async (file) => {
      const [, deposit] = await publicClient.readContract({ ...fs, functionName: 'quote', args: [file.size] });
      return {
        to: fileSystem,
        // Twice the quote: the price can only rise while the batch fills capacity, and the excess is refunded
        // with the deposit.
        value: deposit * 2n,
        data: encodeFunctionData({
          abi: callistoFSAbi,
          functionName: 'upload',
          args: [file.cid, file.size, file.path],
        }),
      };
    }),
  );
  await submitAll(rpcUrl, calls, ownerKey);
  return missing;
}

/** Resolves once every held file of `owner` is confirmed by `nodes` host nodes: until then the nodes are busy
 * replicating and sending confirmations, which would disturb whatever is measured next. */
export async function waitUntilConfirmed(
  rpcUrl: string,
  fileSystem: Address,
  owner: Address,
  nodes: number,
  timeoutMs = 300_000,
): Promise<void> {
  const { publicClient } = clients(rpcUrl);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [files] = await publicClient.readContract({
      address: fileSystem,
      abi: callistoFSAbi,
      functionName: 'files_of',
      args: [owner, 0n, 5_000n],
    });
    const waiting = files.filter((f) => f.withdrawn_at === 0n && f.confirmations < nodes).length;
    if (waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`${waiting} files still unconfirmed after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
