// Demo files on the Callisto File System: every seeded proposal description under its author's `proposals/`,
// an audit report, a small web site stored as one folder, a file whose deposit was withdrawn, and an upload whose
// bytes were never sent, so it waits for a node's confirmation before it counts (and expires a day later). Each
// goes the way a user's upload goes: CID computed locally, the deposit paid with `upload`, the bytes sent to a host
// node; the seed then waits until every node has confirmed every file it sent, so the demo starts replicated.
import { type Address } from 'viem';
import { callistoFSAbi } from '../../../contracts-abi/CallistoFS';
import { computeCid, type ImportEntry } from '@callisto-hub/unixfs';
import type { SeedContext } from './context';
import type { SeedDocument } from './descriptions';
import { addToHostNode } from '../hostNodeUpload';

interface DemoFile {
  owner: number;
  /** Path under the owner's home directory. */
  path: string;
  /** Entries as the importer and the host node see them: one file, or files under one folder. */
  entries: { path: string; bytes: Uint8Array }[];
  withdrawAfter?: boolean;
  /** Registered on chain only: no node gets the bytes, so none confirms it. */
  neverSent?: boolean;
}

const text = (value: string) => new TextEncoder().encode(value);

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function demoFiles(documents: readonly SeedDocument[]): DemoFile[] {
  const proposals = documents.map((doc) => {
    const name = `${slug(doc.title)}.md`;
    return { owner: doc.owner, path: `proposals/${name}`, entries: [{ path: name, bytes: text(doc.text) }] };
  });
  return [
    ...proposals,
    {
      owner: 3,
      path: 'audit-reports/multicall3-batched-reads.md',
      entries: [
        {
          path: 'multicall3-batched-reads.md',
          bytes: text(
            '# Multicall3 on Callisto: audit report\n\nNo critical or high findings. One informational note: ' +
              '`aggregate3Value` forwards the whole value; callers must check their sums.\n',
          ),
        },
      ],
    },
    {
      owner: 1,
      path: 'sites/staking-guide',
      entries: [
        {
          path: 'staking-guide/index.html',
          bytes: text('<!doctype html><title>Cold staking guide</title><h1>Stake, wait a round, claim.</h1>\n'),
        },
        { path: 'staking-guide/style.css', bytes: text('body { font-family: sans-serif; max-width: 40rem; }\n') },
      ],
    },
    {
      owner: 5,
      path: 'drafts/old-notes.txt',
      entries: [{ path: 'old-notes.txt', bytes: text('Notes from an early draft, no longer needed.\n') }],
      withdrawAfter: true,
    },
    {
      owner: 1,
      path: 'drafts/not-sent-yet.txt',
      entries: [
        { path: 'not-sent-yet.txt', bytes: text('Registered on chain, but the upload to a host node never ran.\n') },
      ],
      neverSent: true,
    },
  ];
}

function importEntries(file: DemoFile): ImportEntry[] {
  return file.entries.map((entry) => ({
    path: entry.path,
    content: (async function* () {
      yield entry.bytes;
    })(),
  }));
}

export async function seedFiles(
  ctx: SeedContext,
  fileSystem: Address,
  hostNodeEndpoints: readonly string[],
  documents: readonly SeedDocument[],
): Promise<void> {
  const fs = { address: fileSystem, abi: callistoFSAbi } as const;
  const held: bigint[] = [];
  let turn = 0;
  for (const file of demoFiles(documents)) {
    const { cid, size } = await computeCid(importEntries(file));
    const [, deposit] = await ctx.publicClient.readContract({ ...fs, functionName: 'quote', args: [size] });
    const id = await ctx.publicClient.readContract({ ...fs, functionName: 'file_count' });
    await ctx.write(file.owner, { ...fs, functionName: 'upload', args: [cid, size, file.path], value: deposit });
    if (file.neverSent) {
      ctx.log(`  file ${id}: ${file.path} (${cid}), waiting for a confirmation that will not come`);
      continue;
    }
    // Alternate between nodes: each then fetches the other's uploads over the trustless gateway.
    const endpoint = hostNodeEndpoints[turn++ % hostNodeEndpoints.length]!;
    const added = await addToHostNode(endpoint, file.entries);
    if (added !== cid) throw new Error(`seed: host node ${endpoint} computed ${added} for ${file.path}, not ${cid}`);
    ctx.log(`  file ${id}: ${file.path} (${cid})`);
    if (file.withdrawAfter) {
      // Withdrawn once the nodes have confirmed it: a confirmation mined between the withdrawal's gas estimate and
      // the withdrawal itself would make it cost more than estimated, and revert.
      await waitForConfirmations(ctx, fileSystem, [id], hostNodeEndpoints.length);
      await ctx.write(file.owner, { ...fs, functionName: 'withdraw', args: [id] });
    } else held.push(id);
  }
  await waitForConfirmations(ctx, fileSystem, held, hostNodeEndpoints.length);
}

async function waitForConfirmations(ctx: SeedContext, fileSystem: Address, ids: bigint[], nodes: number) {
  // Each node fetches the other's uploads; until a file reaches a node its peer finds it "not there yet" and
  // retries quietly (one note a file at most): a race, not an error.
  ctx.log(`  files: waiting for ${nodes} host nodes to confirm ${ids.length} (each fetches the other's uploads)`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const entries = await Promise.all(
      ids.map((id) =>
        ctx.publicClient.readContract({ address: fileSystem, abi: callistoFSAbi, functionName: 'file', args: [id] }),
      ),
    );
    const waiting = entries.filter((entry) => entry.confirmations < nodes).length;
    if (waiting === 0) {
      ctx.log(`  files: ${ids.length} confirmed by ${nodes} host nodes`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`seed: ${waiting} files still unconfirmed by the host nodes after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
