'use client';
// The React side of the event history engine: one hook that scans a contract's events (cached in IndexedDB, only
// new blocks on a second visit), reports progress, shows what was found as it arrives, and can be cancelled and
// resumed. Scans of the same contract and events are shared by every component that asks (one scan, one cache).
// A transaction that touches the contract re-scans the new blocks: the scan runs as a TanStack query whose key
// names the address, so the transaction helper's invalidation reaches it.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Abi, Address, ContractEventName } from 'viem';
import { usePublicClient } from 'wagmi';
import type { ContractName } from '@/lib/chain/deployments';
import {
  HistoryScanCancelled,
  createMemoryHistoryStore,
  latestBlock,
  openIndexedDbHistoryStore,
  rangeFor,
  resolveStartBlock,
  rpcErrorMessage,
  scanHistory,
  type DecodedLogs,
  type HistoryClient,
  type HistoryStore,
  type ScanProgress,
} from '@/lib/history';
import { useNetwork } from '@/components/ui/NetworkContext';

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
  /** Every block up to this one is read (undefined before the first complete scan). */
  scannedTo: bigint | undefined;
  /** Stops the scan; what was read stays cached. */
  cancel(): void;
  /** Starts again after a cancel or an error (only the missing blocks are read), or reads new blocks when complete. */
  resume(): void;
}

interface SessionState {
  logs: readonly unknown[];
  status: EventHistoryStatus;
  progress: ScanProgress | undefined;
  error: string | undefined;
  scannedTo: bigint | undefined;
}

const IDLE: SessionState = { logs: [], status: 'idle', progress: undefined, error: undefined, scannedTo: undefined };

let storePromise: Promise<HistoryStore> | undefined;

/** The browser's store: IndexedDB, or memory where IndexedDB is missing or refused (the scan then lasts one visit). */
export function historyStore(): Promise<HistoryStore> {
  storePromise ??= openIndexedDbHistoryStore().catch(() => createMemoryHistoryStore());
  return storePromise;
}

interface SessionParams {
  client: HistoryClient;
  chainId: number;
  endpoint: string;
  address: Address;
  contract: ContractName;
  abi: Abi;
  eventNames: readonly string[];
}

/** One shared scan: its state, who listens, and the running scan if any. */
class ScanSession {
  private state: SessionState = IDLE;
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private rerun: Promise<void> | undefined;
  private cancelled = false;
  private pending: Partial<SessionState> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private params: SessionParams) {}

  /** The latest client (a reconnect gives a new one; the scan's identity does not change). */
  useClient(client: HistoryClient): void {
    this.params = { ...this.params, client };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SessionState => this.state;

  private set(change: Partial<SessionState>, now: boolean): void {
    // Logs and progress can arrive hundreds of times a second in a long scan: the page repaints ten times a second.
    this.pending = { ...this.pending, ...change };
    if (!now && this.timer) return;
    const flush = () => {
      this.timer = undefined;
      if (!this.pending) return;
      this.state = { ...this.state, ...this.pending };
      this.pending = undefined;
      for (const listener of this.listeners) listener();
    };
    if (now) {
      clearTimeout(this.timer);
      flush();
    } else {
      this.timer = setTimeout(flush, 100);
    }
  }

  /** Starts a scan; while one runs, one more follows it (a transaction may have landed after its head was read).
   * Resolves when the last one ends, however it ends. */
  run(): Promise<void> {
    if (this.running) {
      this.rerun ??= this.running.then(() => {
        this.rerun = undefined;
        // A cancel stops the queued scan too.
        if (this.cancelled) return undefined;
        return this.run();
      });
      return this.rerun;
    }
    this.cancelled = false;
    const controller = new AbortController();
    this.controller = controller;
    this.set({ status: 'scanning', error: undefined }, true);
    this.running = this.scan(controller.signal).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  cancel(): void {
    this.cancelled = true;
    this.controller?.abort();
  }

  private async scan(signal: AbortSignal): Promise<void> {
    const { client, chainId, endpoint, address, contract, abi, eventNames } = this.params;
    try {
      // Asked before anything is awaited, so it travels in the same JSON-RPC batch as the page's first reads.
      const head = latestBlock(client);
      head.catch(() => undefined);
      const store = await historyStore();
      const [fromBlock, range] = await Promise.all([
        resolveStartBlock(client, store, chainId, contract, address, signal),
        rangeFor(store, chainId, endpoint),
      ]);
      const result = await scanHistory({
        client,
        chainId,
        address,
        abi,
        eventNames: eventNames as ContractEventName<Abi>[],
        fromBlock,
        store,
        range,
        signal,
        head,
        onProgress: (progress) => this.set({ progress }, false),
        onLogs: (logs) => this.set({ logs }, false),
      });
      this.set({ logs: result.logs, progress: result.progress, scannedTo: result.scannedTo, status: 'complete' }, true);
    } catch (error) {
      if (error instanceof HistoryScanCancelled || signal.aborted) this.set({ status: 'cancelled' }, true);
      else this.set({ status: 'error', error: rpcErrorMessage(error) }, true);
    }
  }
}

const sessions = new Map<string, ScanSession>();

function sessionFor(id: string, params: SessionParams): ScanSession {
  let session = sessions.get(id);
  if (!session) {
    session = new ScanSession(params);
    sessions.set(id, session);
  } else {
    session.useClient(params.client);
  }
  return session;
}

const noSubscription = () => () => undefined;
const idleSnapshot = () => IDLE;

/** A contract's events from its first block to the head: see EventHistory. */
export function useEventHistory<abi extends Abi, eventName extends ContractEventName<abi>>(
  request: EventHistoryRequest<abi, eventName>,
): EventHistory<abi, eventName> {
  const { chain, rpcUrl } = useNetwork();
  const client = usePublicClient({ chainId: chain.id });
  const { address, contract, abi, eventNames } = request;
  const names = [...eventNames].sort().join(',');
  const enabled = (request.enabled ?? true) && Boolean(address) && Boolean(client);
  const id = address ? `${chain.id}|${rpcUrl}|${address.toLowerCase()}|${names}` : undefined;

  const session = useMemo(
    () =>
      id && address && client
        ? sessionFor(id, {
            client,
            chainId: chain.id,
            endpoint: rpcUrl,
            address,
            contract,
            abi,
            eventNames: names.split(','),
          })
        : undefined,
    // The abi and names are fixed for an id; the client may change on reconnection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, client],
  );

  useQuery({
    queryKey: ['event-history', chain.id, address, names],
    enabled: enabled && Boolean(session),
    queryFn: async () => {
      await session!.run();
      return session!.snapshot().scannedTo?.toString() ?? null;
    },
    // The session says what failed; TanStack's retries would only repeat the scan.
    retry: false,
    staleTime: 15_000,
    refetchOnWindowFocus: false,
  });

  const state = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.snapshot ?? idleSnapshot,
    idleSnapshot,
  );
  const cancel = useCallback(() => session?.cancel(), [session]);
  const resume = useCallback(() => {
    void session?.run();
  }, [session]);

  return {
    logs: state.logs as DecodedLogs<abi, eventName>,
    status: enabled ? state.status : 'idle',
    progress: state.progress,
    error: state.error,
    scannedTo: state.scannedTo,
    cancel,
    resume,
  };
}
