// Figures 4 to 6, the Callisto File System:
//  4. CID throughput of a 256 MiB file in Node and in Chromium, as a ratio to plain SHA-256 of the same bytes in the
//     same runtime (node:crypto, WebCrypto);
//  5. a 1 GiB upload from the browser to a host node: throughput, peak memory of the host node and of the tab;
//  6. replication: a 100 MiB file pinned and confirmed by the second node after FileUpload, as a ratio to copying the
//     same bytes over loopback HTTP.
// Each repeated, printed as median and min-max. Nothing here is asserted.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, openAsBlob, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { build } from 'esbuild';
import type { Browser } from '@playwright/test';
import { createPublicClient, createWalletClient, http, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { callistoFSAbi } from '../../contracts-abi/CallistoFS';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import { callistoLocal } from '../../lib/chain/chains';
import { computeCid } from '@callisto-hub/unixfs';
import { NAME_SHIM } from '../../e2e/injectedWallet';
import { projectRoot } from '../lib/paths';
import type { LocalHostNode } from '../lib/hostNodes';
import { peakRss, rendererPids, startRssSampler, treePids } from './memory';
import { summarize, type BenchRow } from './stats';

const MiB = 1024 * 1024;
const CID_FILE_MIB = 256;
const UPLOAD_FILE_MIB = Number(process.env.BENCH_UPLOAD_MIB ?? 1024);
const REPLICATION_FILE_MIB = 100;
const REPEATS = 3;
/** Uploads and registrations come from a seeded account that holds plenty of CLO. */
const UPLOADER = 1;

const CID_TARGET = 0.7;
const HOST_MEMORY_TARGET_MIB = 256;
const REPLICATION_TARGET = 2;

export interface FileStorageContext {
  browser: Browser;
  rpcUrl: string;
  fileSystem: Address;
  nodes: { node: LocalHostNode; pid: number }[];
  workDir: string;
  log: (line: string) => void;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** 1 MiB pieces of random bytes, held in memory so that disk speed plays no part in figure 4. */
function randomChunks(mib: number): Buffer[] {
  return Array.from({ length: mib }, () => randomBytes(MiB));
}

async function* iterate(chunks: Buffer[]): AsyncIterable<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

/** Writes `mib` MiB of random bytes to a file without holding them all. */
async function writeRandomFile(path: string, mib: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const stream = createWriteStream(path);
    stream.once('error', reject);
    stream.once('finish', () => resolve());
    let written = 0;
    const writeMore = () => {
      while (written < mib) {
        written++;
        if (!stream.write(randomBytes(MiB))) return void stream.once('drain', writeMore);
      }
      stream.end();
    };
    writeMore();
  });
}

// ---- figure 4 ----------------------------------------------------------------------------------------------

async function nodeCidThroughput(log: (line: string) => void): Promise<BenchRow[]> {
  log(`bench: figure 4, CID of ${CID_FILE_MIB} MiB in Node (${REPEATS} runs)`);
  const chunks = randomChunks(CID_FILE_MIB);
  const sha: number[] = [];
  const cid: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    sha.push(
      await time(async () => {
        const hash = createHash('sha256');
        for (const chunk of chunks) hash.update(chunk);
        hash.digest();
      }),
    );
    cid.push(await time(() => computeCid([{ path: 'bench.bin', content: iterate(chunks) }])));
  }
  return throughputRows('Node (node:crypto)', sha, cid, CID_FILE_MIB);
}

function throughputRows(runtime: string, shaMs: number[], cidMs: number[], mib: number): BenchRow[] {
  const mibPerS = (ms: number) => (mib * 1000) / ms;
  const shaSummary = summarize(shaMs.map(mibPerS));
  const cidSummary = summarize(cidMs.map(mibPerS));
  const ratio = cidSummary && shaSummary ? cidSummary.median / shaSummary.median : undefined;
  const node = runtime.startsWith('Node');
  return [
    {
      figure: '4 CID throughput',
      subject: runtime,
      metric: `SHA-256 of ${mib} MiB`,
      unit: 'MiB/s',
      summary: shaSummary,
    },
    {
      figure: '4 CID throughput',
      subject: runtime,
      metric: `CID of ${mib} MiB`,
      unit: 'MiB/s',
      summary: cidSummary,
      ratio,
      ratioTo: 'to plain SHA-256',
      note:
        ratio === undefined
          ? undefined
          : node
            ? `target ≥ ${CID_TARGET}: ${ratio >= CID_TARGET ? 'met' : 'MISSED'}`
            : 'no target in the browser',
    },
  ];
}

/** A page served from 127.0.0.1 (a secure context, so WebCrypto works) with nothing of the app on it. */
async function blankServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>bench</title><input type="file" id="file">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

/** The browser's CID code, exactly as the app ships it, as one script the bench page can load. */
async function bundleUnixfs(): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "import { computeCid } from '@callisto-hub/unixfs';\nObject.assign(globalThis, { benchComputeCid: computeCid });",
      resolveDir: projectRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function browserCidThroughput(ctx: FileStorageContext, pageUrl: string): Promise<BenchRow[]> {
  ctx.log(`bench: figure 4, CID of ${CID_FILE_MIB} MiB in Chromium (${REPEATS} runs)`);
  const page = await ctx.browser.newPage();
  try {
    await page.addInitScript(NAME_SHIM);
    await page.goto(pageUrl);
    await page.addScriptTag({ content: await bundleUnixfs() });
    const runs = await page.evaluate(
      async ({ mib, repeats }) => {
        type Compute = (
          entries: { path: string; content: AsyncIterable<Uint8Array> }[],
        ) => Promise<{ cid: string; size: bigint }>;
        const compute = (globalThis as unknown as { benchComputeCid: Compute }).benchComputeCid;
        const bytes = new Uint8Array(mib * 1024 * 1024);
        // xorshift: random enough for a hash, and fast to make.
        const words = new Uint32Array(bytes.buffer);
        let x = 2463534242;
        for (let i = 0; i < words.length; i++) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          words[i] = x >>> 0;
        }
        const chunkSize = 1024 * 1024;
        async function* chunks() {
          for (let offset = 0; offset < bytes.length; offset += chunkSize)
            yield bytes.subarray(offset, offset + chunkSize);
        }
        const sha: number[] = [];
        const cid: number[] = [];
        for (let i = 0; i < repeats; i++) {
          let started = performance.now();
          await crypto.subtle.digest('SHA-256', bytes);
          sha.push(performance.now() - started);
          started = performance.now();
          await compute([{ path: 'bench.bin', content: chunks() }]);
          cid.push(performance.now() - started);
        }
        return { sha, cid };
      },
      { mib: CID_FILE_MIB, repeats: REPEATS },
    );
    return throughputRows('Chromium (WebCrypto)', runs.sha, runs.cid, CID_FILE_MIB);
  } finally {
    await page.close();
  }
}

// ---- figure 5 ----------------------------------------------------------------------------------------------

async function browserUpload(ctx: FileStorageContext, pageUrl: string): Promise<BenchRow[]> {
  const target = ctx.nodes[0]!;
  const path = join(ctx.workDir, 'upload.bin');
  const bytes = UPLOAD_FILE_MIB * MiB;
  const seconds: number[] = [];
  const hostPeaks: number[] = [];
  const tabPeaks: number[] = [];
  const repeats = 2;
  for (let run = 0; run < repeats; run++) {
    // New bytes each run: blocks the node already has would not be written again.
    ctx.log(`bench: figure 5, writing a ${UPLOAD_FILE_MIB} MiB file; upload ${run + 1} of ${repeats}`);
    await writeRandomFile(path, UPLOAD_FILE_MIB);
    const page = await ctx.browser.newPage();
    try {
      await page.addInitScript(NAME_SHIM);
      await page.goto(pageUrl);
      await page.locator('#file').setInputFiles(path);
      const hostSampler = startRssSampler(() => treePids(target.pid));
      const tabSampler = startRssSampler(() => rendererPids());
      const result = await page.evaluate(async (endpoint) => {
        const input = document.getElementById('file') as HTMLInputElement;
        const file = input.files![0]!;
        const form = new FormData();
        form.append('file', file, 'upload.bin');
        const started = performance.now();
        // XMLHttpRequest, as the app: the browser streams the file from disk and reports progress.
        const status = await new Promise<number>((resolve, reject) => {
          const request = new XMLHttpRequest();
          request.open('POST', `${endpoint}/api/v0/add?cid-version=1`);
          request.onload = () => resolve(request.status);
          request.onerror = () => reject(new Error('upload failed'));
          request.send(form);
        });
        return { status, ms: performance.now() - started };
      }, target.node.endpoint);
      const hostPeak = await hostSampler.stop();
      const tabPeak = await tabSampler.stop();
      if (result.status !== 200) throw new Error(`the host node answered ${result.status} to the upload`);
      seconds.push(result.ms / 1000);
      hostPeaks.push(hostPeak);
      tabPeaks.push(tabPeak);
    } finally {
      await page.close();
    }
  }
  const reported = await peakRss(target.node.endpoint);
  const mibPerS = summarize(seconds.map((s) => bytes / MiB / s));
  const hostPeak = summarize(hostPeaks);
  const hostPeakMib = Math.max(hostPeak?.max ?? 0, reported ?? 0) / MiB;
  return [
    {
      figure: '5 upload',
      subject: `${UPLOAD_FILE_MIB} MiB, Chromium → host node`,
      metric: 'throughput',
      unit: 'MiB/s',
      summary: mibPerS,
    },
    {
      figure: '5 upload',
      subject: 'host node',
      metric: 'peak RSS (sampled every 50 ms; process max reported by /metrics)',
      unit: 'bytes',
      summary: hostPeak,
      note: `target < ${HOST_MEMORY_TARGET_MIB} MiB: ${hostPeakMib < HOST_MEMORY_TARGET_MIB ? 'met' : 'MISSED'} (${hostPeakMib.toFixed(0)} MiB)`,
    },
    {
      figure: '5 upload',
      subject: 'browser tab',
      metric: 'peak RSS of the renderer processes',
      unit: 'bytes',
      summary: summarize(tabPeaks),
    },
  ];
}

// ---- figure 6 ----------------------------------------------------------------------------------------------

/** The same bytes over plain loopback HTTP: a server streams the file, the client writes it to disk. */
async function loopbackCopyMs(path: string, workDir: string): Promise<number> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-length': String(statSync(path).size) });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  try {
    return await time(async () => {
      const response = await fetch(`http://127.0.0.1:${address.port}/`);
      await pipeline(
        Readable.fromWeb(response.body! as NodeReadableStream<Uint8Array>),
        createWriteStream(join(workDir, 'copy.bin')),
      );
    });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function replication(ctx: FileStorageContext): Promise<BenchRow[]> {
  const [first, second] = ctx.nodes;
  if (!first || !second) throw new Error('replication needs two host nodes');
  const account = privateKeyToAccount(anvilPrivateKeys[UPLOADER]);
  const chain = { ...callistoLocal, rpcUrls: { default: { http: [ctx.rpcUrl] } } };
  const wallet = createWalletClient({ chain, transport: http(ctx.rpcUrl), account });
  const publicClient = createPublicClient({ chain, transport: http(ctx.rpcUrl), pollingInterval: 20 });
  const fs = { address: ctx.fileSystem, abi: callistoFSAbi } as const;
  const replicated: number[] = [];
  const copied: number[] = [];
  for (let run = 0; run < REPEATS; run++) {
    const path = join(ctx.workDir, `replica-${run}.bin`);
    await writeRandomFile(path, REPLICATION_FILE_MIB);
    const size = BigInt(statSync(path).size);
    const { cid } = await computeCid([{ path: 'replica.bin', content: createReadStream(path) }]);
    // Bytes on the first node first (it keeps them unpinned until registered), then the registration.
    const form = new FormData();
    form.append('file', await openAsBlob(path), 'replica.bin');
    const added = await fetch(`${first.node.endpoint}/api/v0/add?cid-version=1`, { method: 'POST', body: form });
    if (!added.ok) throw new Error(`the first host node refused the upload: ${await added.text()}`);
    const [, deposit] = await publicClient.readContract({ ...fs, functionName: 'quote', args: [size] });
    const id = await publicClient.readContract({ ...fs, functionName: 'file_count' });
    ctx.log(`bench: figure 6, run ${run + 1} of ${REPEATS}: registering ${cid}`);
    const hash = await wallet.writeContract({
      ...fs,
      functionName: 'upload',
      args: [cid, size, `bench/replica-${Date.now()}-${run}.bin`],
      value: deposit,
    });
    await publicClient.waitForTransactionReceipt({ hash });
    const started = performance.now();
    for (;;) {
      const confirmed = await publicClient.readContract({
        ...fs,
        functionName: 'confirmed_by',
        args: [id, second.node.address],
      });
      if (confirmed) break;
      if (performance.now() - started > 300_000) throw new Error('the second node did not confirm within 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    replicated.push(performance.now() - started);
    copied.push(await loopbackCopyMs(path, ctx.workDir));
  }
  const rep = summarize(replicated);
  const copy = summarize(copied);
  const ratio = rep && copy ? rep.median / copy.median : undefined;
  return [
    {
      figure: '6 replication',
      subject: `${REPLICATION_FILE_MIB} MiB`,
      metric: 'loopback HTTP copy',
      unit: 'ms',
      summary: copy,
    },
    {
      figure: '6 replication',
      subject: `${REPLICATION_FILE_MIB} MiB`,
      metric: 'FileUpload → confirmed by the second node',
      unit: 'ms',
      summary: rep,
      ratio,
      ratioTo: 'to the loopback copy',
      note:
        ratio === undefined
          ? undefined
          : `target ≤ ${REPLICATION_TARGET}x: ${ratio <= REPLICATION_TARGET ? 'met' : 'MISSED'}`,
    },
  ];
}

export async function measureFileStorage(ctx: FileStorageContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  rows.push(...(await nodeCidThroughput(ctx.log)));
  const blank = await blankServer();
  try {
    rows.push(...(await browserCidThroughput(ctx, blank.url)));
    rows.push(...(await browserUpload(ctx, blank.url)));
  } finally {
    await new Promise<void>((resolve) => blank.server.close(() => resolve()));
  }
  rows.push(...(await replication(ctx)));
  return rows;
}
