'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { filesPage } from '@/lib/files/paging';
import { useNetwork } from '@/components/ui/NetworkContext';
import { NotDeployed } from '@/components/ui/primitives';
import { useFileSystem } from './hooks/useFileSystem';
import { useHostNodes } from './hooks/useHostNodes';
import { useMyFiles } from './hooks/useMyFiles';
import { useStorageTotals } from './hooks/useStorageTotals';
import { MyFiles } from './MyFiles';
import { PageHeading } from './shared';
import { UploadCard } from './UploadCard';

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
  // The page's reads are issued in one render: the totals (prices, capacity), the nodes (upload targets,
  // confirmation counts) and the account's page of files travel in one batch.
  const totals = useStorageTotals(fileSystem);
  const nodes = useHostNodes(fileSystem);
  const files = useMyFiles(fileSystem, address, page, totals.data?.node_count);
  const [list, total] = files.data ?? [];
  const range = filesPage(total, page);
  const unreadable = (totals.isError && !totals.data) || (nodes.isError && !nodes.data);

  return (
    <>
      {unreadable && (
        <p role="alert" className="rounded-md border border-rose-800 bg-rose-950/50 px-3 py-2 text-sm text-rose-100">
          The file system cannot be read: the network does not answer.
        </p>
      )}
      <UploadCard fileSystem={fileSystem} account={address} />
      <MyFiles
        fileSystem={fileSystem}
        account={address}
        files={list}
        total={total}
        nodes={nodes.data}
        nodeCount={totals.data?.node_count}
        page={range.page}
        pageCount={range.pageCount}
        onPage={setPage}
        error={files.isError}
        onRetry={() => void files.refetch()}
      />
    </>
  );
}
