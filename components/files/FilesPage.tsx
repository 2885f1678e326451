'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { filesPage } from '@/lib/files/paging';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { describeReadError } from '@/components/ui/describeReadError';
import { useHostNodes } from './hooks/useHostNodes';
import { useMyFiles } from './hooks/useMyFiles';
import { useStorageTotals } from './hooks/useStorageTotals';
import { MyFiles } from './MyFiles';
import { PageHeading } from '@/components/files/pageParts';
import { UploadCard } from './UploadCard';

export function FilesPage() {
  return (
    <div className="space-y-6">
      <PageHeading title="Files">
        Store a file or a folder on Callisto’s elected IPFS host nodes. You pay a deposit in CLO, held by the contract
        while the file is kept and returned whole when you withdraw it. The price per MB rises as the nodes fill up.
      </PageHeading>
      <DeployedGate contracts={['CallistoFS']} feature="The Callisto File System">
        {({ CallistoFS }) => <FilesBody fileSystem={CallistoFS} />}
      </DeployedGate>
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
  // Shown while the figures the upload needs cannot be read at all (a later failed refresh keeps what was read).
  const unreadable = (!totals.data && totals.error) || (!nodes.data && nodes.error) || undefined;

  return (
    <>
      {unreadable && (
        <p role="alert" className="rounded-md border border-rose-800 bg-rose-950/50 px-3 py-2 text-sm text-rose-100">
          The file system cannot be read: {describeReadError(unreadable)}.
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
        error={files.error ?? undefined}
        onRetry={() => void files.refetch()}
      />
    </>
  );
}
