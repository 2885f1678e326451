'use client';
// The React side of the event history engine: one hook that scans a contract's events (cached in IndexedDB, only
// new blocks on a second visit), reports progress, shows what was found as it arrives, and can be cancelled and
// resumed. Scans of the same contract and events are shared by every component that asks (one scan, one cache).
// A transaction that touches the contract re-scans the new blocks (the query key names the address, so the
// transaction helper's invalidation reaches it).
import type { Abi, Address, ContractEventName } from 'viem';
import type { ContractName } from '@/lib/chain/deployments';
import type { DecodedLogs, ScanProgress } from '@/lib/history';

export interface EventHistoryRequest<abi extends Abi, eventName extends ContractEventName<abi>> {
  /** The contract; undefined (not deployed on this chain) leaves the hook idle. */
  address: Address | undefined;
  /** Its name in contracts-abi/deployments: where its history starts (recorded block, else found by search). */
  contract: ContractName;
  abi: abi;
  eventNames: readonly eventName[];
  /** False holds the scan (default true). */
  enabled?: boolean;
}

export type EventHistoryStatus = 'idle' | 'scanning' | 'complete' | 'cancelled' | 'error';

export interface EventHistory<abi extends Abi, eventName extends ContractEventName<abi>> {
  /** Every log found so far, decoded, in chain order: partial while scanning, whole once complete. */
  logs: DecodedLogs<abi, eventName>;
  status: EventHistoryStatus;
  /** Set while scanning (and kept after a cancel or error, to say how far it got). */
  progress: ScanProgress | undefined;
  /** The failure in the RPC's own words, when status is 'error'. */
  error: string | undefined;
  /** Every block up to this one is read (undefined before the first chunk). */
  scannedTo: bigint | undefined;
  /** Stops the scan; what was read stays cached. */
  cancel(): void;
  /** Starts again after a cancel or an error (only the missing blocks are read), or reads new blocks when complete. */
  resume(): void;
}

export declare function useEventHistory<abi extends Abi, eventName extends ContractEventName<abi>>(
  request: EventHistoryRequest<abi, eventName>,
): EventHistory<abi, eventName>;
