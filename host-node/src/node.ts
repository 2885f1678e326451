// Puts the pieces together: chain, store, local state, staging, replication, the event watcher and the HTTP server.
// `startHostNode` is what main.ts, the tests and the dev stack call.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Address } from 'viem';
import { FileSystemChain } from './chain';
import { CheckpointFile } from './checkpoint';
import { DEFAULT_LIMITS, type HostNodeConfig } from './config';
import { ShareCounter } from './limits';
import { stdoutLog } from './log';
import { Metrics } from './metrics';
import { Replicator } from './replicator';
import { createHostNodeServer } from './server';
import { Staging } from './staging';
import { LocalState } from './state';
import { openStore } from './store';
import { Watcher } from './watcher';

export interface RunningHostNode {
  url: string;
  address: Address;
  stop(): Promise<void>;
}

const openDataDirs = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Two nodes on one data directory would collect each other's blocks as garbage: refuse the second. */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, 'LOCK');
  let holder: number | undefined;
  try {
    holder = Number((await readFile(file, 'utf8')).trim());
  } catch {
    holder = undefined;
  }
  const inUse =
    openDataDirs.has(dir) || (holder !== undefined && holder !== process.pid && holder > 0 && processAlive(holder));
  if (inUse) throw new Error(`the data directory ${dir} is in use by another host node (process ${holder})`);
  await writeFile(file, `${process.pid}\n`);
  openDataDirs.add(dir);
  return async () => {
    openDataDirs.delete(dir);
    await rm(file, { force: true });
  };
}

async function packageVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function startHostNode(config: HostNodeConfig): Promise<RunningHostNode> {
  const log = config.log ?? stdoutLog;
  await mkdir(config.dataDir, { recursive: true });
  const unlock = await lockDataDir(config.dataDir);
  const cleanups: Array<() => Promise<void>> = [unlock];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };

  try {
    const chain = await FileSystemChain.connect(config);
    const store = await openStore({ ...config, log });
    cleanups.push(() => store.close());
    const state = await LocalState.open(join(config.dataDir, 'state'));
    cleanups.push(() => state.close());
    const metrics = new Metrics();
    const version = await packageVersion();

    const limits = { ...DEFAULT_LIMITS, ...config.limits };
    // Upload bodies being received; anything here at start is the remains of a stop mid-upload.
    const stagingDir = join(config.dataDir, 'staging');
    await rm(stagingDir, { recursive: true, force: true });
    await mkdir(stagingDir, { recursive: true });

    const graceMs = config.graceSeconds * 1000;
    const staging = new Staging(state, store, graceMs, metrics, log, {
      perClient: limits.maxStagedBytesPerClient,
      total: limits.maxStagedBytes,
    });
    await staging.reconcile();
    // Blocks of an upload cut short by a crash or a kill belong to no pin: collect them soon after the start.
    staging.requestGc();
    const replicator = new Replicator({ chain, store, state, staging, metrics, log, pollMs: config.pollMs });
    await replicator.load();
    const watcher = new Watcher({
      chain,
      checkpointFile: CheckpointFile.in(config.dataDir),
      replicator,
      metrics,
      log,
      pollMs: config.pollMs,
      maxBlockRange: config.maxBlockRange,
      confirmationBlocks: config.confirmationBlocks,
      startBlock: config.startBlock,
    });
    await watcher.init();

    const server = createHostNodeServer({
      store,
      staging,
      replicator,
      metrics,
      maxUploadBytes: config.maxUploadBytes,
      limits,
      stagingDir,
      uploads: new ShareCounter(limits.maxUploadsPerClient, limits.maxUploads, {
        client: `This node receives at most ${limits.maxUploadsPerClient} uploads at a time from one address: send this one when another has finished.`,
        total: `This node is receiving its limit of ${limits.maxUploads} uploads at a time: try again in a moment.`,
      }),
      reads: new ShareCounter(limits.maxReadsPerClient, limits.maxReads, {
        client: `This node serves at most ${limits.maxReadsPerClient} downloads at a time to one address: try again when one has finished.`,
        total: `This node is serving its limit of ${limits.maxReads} downloads at a time: try again in a moment.`,
      }),
      corsOrigins: config.corsOrigins,
      log,
      async health() {
        // Healthy while the chain answers: a node that cannot see events cannot replicate or confirm.
        const ok = Date.now() - watcher.lastContactAt < Math.max(30_000, config.pollMs * 10);
        const body = {
          ok,
          node: chain.node,
          chainId: chain.chainId,
          block: watcher.latestBlock === undefined ? null : Number(watcher.latestBlock),
          checkpoint: Number(watcher.checkpoint),
          pinned: (await store.pins('held')).length,
          pending: replicator.pendingCount,
          storedBytes: Number(await store.storedBytes()),
          // The app refuses a file over this before the deposit is paid.
          maxUploadBytes: config.maxUploadBytes,
          // Files and folders one upload may carry.
          maxUploadEntries: limits.maxUploadEntries,
          store: store.kind,
          version,
        };
        return { status: ok ? 200 : 503, body };
      },
      async metricsText() {
        const lag = watcher.latestBlock === undefined ? 0n : watcher.latestBlock - watcher.checkpoint;
        return metrics.render({
          storedBytes: await store.storedBytes(),
          filesPinned: (await store.pins('held')).length,
          pendingFiles: replicator.pendingCount,
          stagedUploads: (await state.staged()).length,
          replicationLagBlocks: lag > 0n ? lag : 0n,
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );

    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;

    // Stopped in the reverse order: no new events first, then replication, then maintenance.
    staging.start(Math.min(60_000, Math.max(50, Math.floor(graceMs / 4))));
    cleanups.push(() => staging.stop());
    replicator.start();
    cleanups.push(() => replicator.stop());
    watcher.start();
    cleanups.push(() => watcher.stop());

    log(
      `host node ${chain.node} listening on ${url} (chain ${chain.chainId}, CallistoFS ${chain.address}, ` +
        `${store.kind} store in ${config.dataDir})`,
    );

    let stopping: Promise<void> | undefined;
    return {
      url,
      address: chain.node,
      stop() {
        stopping ??= cleanup();
        return stopping;
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
