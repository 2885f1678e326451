import type { StorageTotals } from '@/lib/files/types';
import { formatByteCount, formatBytes, utilisationBps } from '@/lib/files/units';
import { formatBps } from '@/lib/format/percent';
import { Stat } from '@/components/ui/primitives';

type Totals = Pick<StorageTotals, 'used_bytes' | 'capacity_bytes'>;

/** Storage used: the bytes of files a host node confirmed whose deposit is held (uploads waiting for their first
 * confirmation are not counted here), with their share of the capacity; the /nodes page and the overview show the
 * same figure. */
export function StorageUsedStat({ totals, label, testId }: { totals?: Totals; label: string; testId: string }) {
  return (
    <Stat
      label={label}
      value={
        totals === undefined ? undefined : (
          <span data-testid={testId} title={formatByteCount(totals.used_bytes)}>
            {formatBytes(totals.used_bytes)}
          </span>
        )
      }
      hint={
        totals === undefined
          ? undefined
          : `${formatBps(utilisationBps(totals.used_bytes, totals.capacity_bytes))} of capacity`
      }
    />
  );
}

/** The elected nodes' capacity added up: the Supply of the price formula. */
export function StorageCapacityStat({ totals, testId, hint }: { totals?: Totals; testId: string; hint?: string }) {
  return (
    <Stat
      label="Capacity"
      value={
        totals === undefined ? undefined : (
          <span data-testid={testId} title={formatByteCount(totals.capacity_bytes)}>
            {formatBytes(totals.capacity_bytes)}
          </span>
        )
      }
      hint={totals === undefined ? undefined : hint}
    />
  );
}
