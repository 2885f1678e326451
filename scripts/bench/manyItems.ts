// Fills a local chain with many proposals (and audit requests) fast, for the RPC budget spec and the bench: a
// fresh funded key signs every submission, all go into the pool with automine off, and a few blocks mine them.
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

/** Sends `calls` from one fresh account (funded for their value and gas) in as few blocks as the gas allows. */
async function submitAll(rpcUrl: string, calls: { to: Address; data: Hex; value: bigint }[]): Promise<void> {
  if (calls.length === 0) return;
  const { chain, transport, publicClient } = clients(rpcUrl);
  const account = privateKeyToAccount(generatePrivateKey());
  const wallet = createWalletClient({ chain, transport, account });
  const gasPrice = (await publicClient.getGasPrice()) * 2n;
  const needed = calls.reduce((sum, c) => sum + c.value + SUBMIT_GAS * gasPrice, 0n) + parseEther('1');
  await rpc(rpcUrl, 'anvil_setBalance', [account.address, toHex(needed)]);
  await rpc(rpcUrl, 'evm_setAutomine', [false]);
  try {
    const hashes: Hex[] = [];
    for (let start = 0; start < calls.length; start += SEND_CONCURRENCY) {
      const batch = calls.slice(start, start + SEND_CONCURRENCY);
      const signed = await Promise.all(
        batch.map((call, i) =>
          wallet.signTransaction({
            ...call,
            nonce: start + i,
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
