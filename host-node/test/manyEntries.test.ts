// Folders of many tiny files sent to a host node running as its own process (started as `npm run host-node` starts
// it, so its memory is measured alone): one at the default entry limit is stored with the node's peak resident memory
// within the README's 256 MiB while it keeps answering another client, under the CID the browser computes, and the
// staging directory is empty afterwards; one of 10,000 files is refused with a 413 that says so, before any of it is
// imported, and leaves nothing behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCid } from '@callisto-hub/unixfs';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import { DEFAULT_LIMITS } from '../src/config';
import { HOST_NODE_NODE_ARGS } from '../../scripts/lib/hostNodes';
import { health, metric, NODE_ACCOUNTS, removeDir, startFsChain, tempDir, waitFor, type FsChain } from './harness';
import { httpRequest, uploadFrom } from './rawClients';

const projectRoot = join(import.meta.dirname, '..', '..');
/** The default entry limit: a folder this large is stored, one of 10,000 refused. */
const FILES = DEFAULT_LIMITS.maxUploadEntries;
const TOO_MANY = 10_000;
/** The README's memory budget for a host node, whatever the load. */
const RSS_BUDGET = 256 * 1024 * 1024;

let fs: FsChain;
let dataDir: string;
let child: ChildProcess | undefined;
let url: string;
const output: string[] = [];

beforeAll(async () => {
  fs = await startFsChain();
  dataDir = await tempDir('many-entries');
  child = spawn(process.execPath, [...HOST_NODE_NODE_ARGS, join('host-node', 'src', 'main.ts')], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST_NODE_PRIVATE_KEY: anvilPrivateKeys[NODE_ACCOUNTS[0]],
      HOST_NODE_RPC_URL: fs.chain.rpcUrl,
      HOST_NODE_FILE_SYSTEM_ADDRESS: fs.fileSystem,
      HOST_NODE_HOST: '127.0.0.1',
      HOST_NODE_PORT: '0',
      HOST_NODE_DATA_DIR: dataDir,
      HOST_NODE_POLL_MS: '200',
    },
  });
  const spawned = child;
  spawned.stdout!.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  spawned.stderr!.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  url = await waitFor(
    'the node to listen',
    async () => {
      if (spawned.exitCode !== null) throw new Error(`exited: ${output.join(' | ')}`);
      return /listening on (http:\/\/\S+)/.exec(output.join('\n'))?.[1];
    },
    150_000,
  );
  // Generous: the node compiles its TypeScript at start, which takes long on a machine busy with other suites.
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await fs?.chain.stop();
  if (dataDir) await removeDir(dataDir);
});

function tinyFiles(count: number): Array<{ path: string; bytes: Uint8Array }> {
  return Array.from({ length: count }, (_, i) => ({
    path: `site/page-${i}.txt`,
    bytes: new TextEncoder().encode(`Tiny file number ${i} of a large folder, a line of text.\n`.repeat(2)),
  }));
}

describe('folders of many tiny files', () => {
  it(
    'one at the entry limit is stored within the memory budget while the node keeps answering others, and leaves staging empty',
    {
      timeout: 240_000,
    },
    async () => {
      const files = tinyFiles(FILES);
      const before = await metric(url, 'callisto_host_node_peak_rss_bytes');

      let uploading = true;
      const upload = uploadFrom(url, files, '127.0.0.2', 120_000).finally(() => (uploading = false));
      // Another client asks for the node's health throughout the upload: every answer comes within 5 s.
      let probes = 0;
      while (uploading) {
        const answer = await httpRequest(`${url}/health`, { localAddress: '127.0.0.3', timeoutMs: 5000 });
        expect(answer.status).toBe(200);
        probes++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const answer = await upload;
      expect(answer.status, answer.body).toBe(200);
      const lines = answer.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { Name: string; Hash: string });
      expect(lines).toHaveLength(FILES + 1);
      const expected = await computeCid(
        files.map((f) => ({
          path: f.path,
          content: (async function* () {
            yield f.bytes;
          })(),
        })),
      );
      expect(lines.at(-1)).toMatchObject({ Name: 'site', Hash: expected.cid });

      const peak = await metric(url, 'callisto_host_node_peak_rss_bytes');
      console.log(
        `${FILES}-file folder: node peak RSS ${(before / 2 ** 20).toFixed(0)} MiB before, ${(peak / 2 ** 20).toFixed(0)} MiB ` +
          `after (budget 256 MiB); ${probes} health answers during the upload`,
      );
      expect(probes).toBeGreaterThan(0);
      expect(peak).toBeLessThan(RSS_BUDGET);
      expect(await readdir(join(dataDir, 'staging'))).toEqual([]);
      expect(await metric(url, 'callisto_host_node_staged_uploads')).toBe(1);
    },
  );

  it('one of 10,000 is refused with a 413 that says so, within the memory budget, and nothing of it is kept', async () => {
    const answer = await uploadFrom(url, tinyFiles(TOO_MANY), '127.0.0.4', 60_000);
    const peak = await metric(url, 'callisto_host_node_peak_rss_bytes');
    console.log(`10,000-file folder refused: node peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
    expect(peak).toBeLessThan(RSS_BUDGET);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: `The upload has more than ${FILES} files and folders, this node's limit for one upload: split it into several uploads.`,
    });
    expect(await readdir(join(dataDir, 'staging'))).toEqual([]);
    expect(await metric(url, 'callisto_host_node_staged_uploads')).toBe(1);
    expect((await health(url)).pinned).toBe(0);
  });
});
