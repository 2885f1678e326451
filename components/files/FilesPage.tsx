'use client';

import { useState } from 'react';
import { zeroAddress, type Address } from 'viem';
import { useAccount, useReadContracts } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import {
  FILES_PAGE_SIZE,
  filesPage,
  fileState,
  type FileEntry,
  type HostNode,
  type StorageTotals,
} from '@/lib/files/view';
import { useNetwork } from '@/components/ui/NetworkContext';
import { NotDeployed } from '@/components/ui/primitives';
import { ok } from '@/components/ui/chainDisplay';
import { MyFiles } from './MyFiles';
import { PageHeading, useFileSystem } from './shared';
import { UploadCard } from './UploadCard';

/** While a file of the page waits for node confirmations, the page reads again this often to show them arrive. */
const CONFIRMATION_POLL_MS = 4_000;

/** Whether a query key holds `text` (a lower-case address) anywhere inside it. */
function keyMentions(value: unknown, text: string, depth = 0): boolean {
  if (depth > 8 || value === null || value === undefined) return false;
  if (typeof value === 'string') return value.toLowerCase() === text;
  if (Array.isArray(value)) return value.some((v) => keyMentions(v, text, depth + 1));
  if (typeof value === 'object') return Object.values(value).some((v) => keyMentions(v, text, depth + 1));
  return false;
}

export function FilesPage() {
  const { chain } = useNetwork();
  const fs = useFileSystem();
  return (
    <div className="space-y-6">
      <PageHeading title="Files">
        Store a file or a folder on Callisto’s elected IPFS host nodes. You pay a deposit in CLO, held by the contract
        while the file is kept and returned whole when you withdraw it. The price per MB rises as the nodes fill up.
      </PageHeading>
      {fs ? (
        <FilesBody fileSystem={fs.address} />
      ) : (
        <NotDeployed feature="The Callisto File System" network={chain.name} />
      )}
    </div>
  );
}

function FilesBody({ fileSystem }: { fileSystem: Address }) {
  const { address } = useAccount();
  const [page, setPage] = useState(0);
  // files_of counts withdrawn files too, so the total never shrinks and a page once valid stays valid.
  const offset = BigInt(page * FILES_PAGE_SIZE);
  const f = { address: fileSystem, abi: callistoFSAbi } as const;
  // The whole page in one multicall: the totals (prices, capacity), the nodes (upload targets, confirmation
  // counts) and the account's page of files. Without an account the files read asks for the zero address's
  // (none) rather than changing the call list.
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...f, functionName: 'totals' },
      { ...f, functionName: 'host_nodes' },
      { ...f, functionName: 'files_of', args: [address ?? zeroAddress, offset, BigInt(FILES_PAGE_SIZE)] },
    ],
    query: {
      // Paging changes the files read: the totals and the list stay on screen until the next page arrives. Not
      // across accounts: another account's files must never show, even for a moment, as this one's.
      placeholderData: (previous, previousQuery) =>
        previousQuery && keyMentions(previousQuery.queryKey, (address ?? zeroAddress).toLowerCase())
          ? previous
          : undefined,
      refetchInterval: (query) => {
        const data = query.state.data;
        const totals = ok(data?.[0]) as StorageTotals | undefined;
        const filesRead = ok(data?.[2]) as readonly [readonly FileEntry[], bigint] | undefined;
        if (!totals || !filesRead) return false;
        const now = BigInt(Math.floor(Date.now() / 1000));
        const waiting = filesRead[0].some((file) => {
          const state = fileState(file, now);
          return (state === 'pending' || state === 'counted') && BigInt(file.confirmations) < totals.node_count;
        });
        return waiting ? CONFIRMATION_POLL_MS : false;
      },
    },
  });
  const totals = ok(reads.data?.[0]) as StorageTotals | undefined;
  const nodes = ok(reads.data?.[1]) as readonly HostNode[] | undefined;
  const filesRead = ok(reads.data?.[2]) as readonly [readonly FileEntry[], bigint] | undefined;
  const files = address ? filesRead?.[0] : undefined;
  const total = address ? filesRead?.[1] : undefined;
  const range = filesPage(total, page, FILES_PAGE_SIZE);

  async function refreshTotals(): Promise<StorageTotals | undefined> {
    const result = await reads.refetch();
    return ok(result.data?.[0]) as StorageTotals | undefined;
  }

  return (
    <>
      {reads.isError && !reads.data && (
        <p role="alert" className="rounded-md border border-rose-800 bg-rose-950/50 px-3 py-2 text-sm text-rose-100">
          The file system cannot be read: the network does not answer.
        </p>
      )}
      <UploadCard
        fileSystem={fileSystem}
        account={address}
        totals={totals}
        nodes={nodes}
        refreshTotals={refreshTotals}
      />
      <MyFiles
        fileSystem={fileSystem}
        account={address}
        files={files}
        total={total}
        nodes={nodes}
        nodeCount={totals?.node_count}
        page={range.page}
        pageCount={range.pageCount}
        onPage={setPage}
        error={reads.isError}
        onRetry={() => void reads.refetch()}
      />
    </>
  );
}
