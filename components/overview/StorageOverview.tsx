'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { contractAddress } from '@/lib/chain/deployments';
import { PricePerMb } from '@/components/files/PricePerMb';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, Stat } from '@/components/ui/primitives';
import { StorageCapacityStat, StorageUsedStat } from '@/components/files/StorageStats';
import { useStorageTotals } from '@/components/files/hooks/useStorageTotals';

/** The file system at a glance for the overview page: storage used and capacity, the price per MB, the files. */
export function StorageOverview() {
  const { chain } = useNetwork();
  const fileSystem = contractAddress(chain.id, 'CallistoFS');
  return (
    <Card title="Callisto File System">
      {fileSystem ? (
        <OverviewBody fileSystem={fileSystem} />
      ) : (
        <p className="text-sm text-slate-300">The Callisto File System is not deployed on {chain.name}.</p>
      )}
    </Card>
  );
}

function OverviewBody({ fileSystem }: { fileSystem: Address }) {
  // Every figure comes from totals(), which the contract keeps as counters: one call however many files exist.
  const { data: totals, isError } = useStorageTotals(fileSystem);

  return (
    <>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <StorageUsedStat totals={totals} label="Storage used" testId="overview-storage-used" />
        <StorageCapacityStat
          totals={totals}
          testId="overview-storage-capacity"
          hint={totals === undefined ? undefined : `${totals.node_count.toString()} host nodes`}
        />
        <Stat
          label="Price per MB"
          value={
            totals === undefined ? undefined : <PricePerMb wei={totals.price_per_mb} testId="overview-storage-price" />
          }
          hint="1 MB = 1,048,576 bytes"
        />
        <Stat
          label="Files stored"
          value={
            totals === undefined ? undefined : (
              <span data-testid="overview-file-count">{totals.counted_file_count.toString()}</span>
            )
          }
          hint={
            totals === undefined
              ? undefined
              : `confirmed by a host node; ${totals.file_count.toString()} uploaded in all`
          }
        />
      </dl>
      {isError && (
        <p role="alert" className="mt-3 text-sm text-rose-200">
          The file system cannot be read: the network does not answer.
        </p>
      )}
      <Link href="/files/" className="mt-4 inline-block text-sm text-teal-300 underline underline-offset-2">
        Store a file
      </Link>
    </>
  );
}
