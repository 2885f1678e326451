// Revealed reports read from a real host node on a real anvil (host-node/test/harness.ts): a report is shown only
// from blocks that verify, a node that does not answer is skipped for the next, and the whole archive written as a
// CAR restores every report under its own CID, byte for byte. Nothing is mocked.
import { CarReader } from '@ipld/car/reader';
import { computeCid } from '@callisto-hub/unixfs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerifiedBlockstore, exportVerified, parseCid } from '@/lib/files/verifiedDownload';
import {
  USER,
  addOne,
  confirmers,
  electNode,
  register,
  removeDir,
  startFsChain,
  startNode,
  tempDir,
  waitFor,
  type FsChain,
  type TestNode,
} from '@/host-node/test/harness';
import { writeArchiveCar } from './archiveCar';
import { archivePlanOf } from './archiveEntries';
import { collectArchive, readVerifiedReport } from './readReport';
import { reportSourceOf } from './reportSource';

const AUDITOR = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
/** Nothing listens there: the node a reader tries first and must move past. */
const DEAD_NODE = 'http://127.0.0.1:9';

async function cidOf(bytes: Uint8Array): Promise<{ cid: string; size: bigint }> {
  return computeCid([
    {
      path: 'report',
      content: (async function* () {
        yield bytes;
      })(),
    },
  ]);
}

describe('revealed reports read from the host nodes', () => {
  let fs: FsChain;
  let node: TestNode;
  let dir: string;
  const markdown = new TextEncoder().encode('# Audit of Token\n\n## Findings\n\n- High: unchecked transfer\n');
  const pdf = new Uint8Array(300_000);
  let markdownCid: string;
  let pdfCid: string;

  beforeAll(async () => {
    fs = await startFsChain();
    dir = await tempDir('audit-archive');
    node = await startNode(fs, 8, dir);
    await electNode(fs, node, 8);
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    for (let i = 16; i < pdf.length; i++) pdf[i] = (i * 13) & 0xff;
    for (const [bytes, name] of [
      [markdown, 'report.md'],
      [pdf, 'report.pdf'],
    ] as const) {
      const { cid, size } = await cidOf(bytes);
      const id = await register(fs, USER, cid, size, `reports/${name}`);
      expect(await addOne(node.url, name, bytes)).toBe(cid);
      // The node serves a file once it holds it for its registration, which it confirms on chain: wait for that,
      // or a read can come before the pin (a race a busy machine loses).
      await waitFor(`confirmation of ${name}`, async () => (await confirmers(fs, id)).includes(node.address));
      if (name === 'report.md') markdownCid = cid;
      else pdfCid = cid;
    }
  });

  afterAll(async () => {
    await node?.node.stop().catch(() => undefined);
    await fs?.chain.stop();
    if (dir) await removeDir(dir);
  });

  it('shows a Markdown report rebuilt from verified blocks, after skipping a node that does not answer', async () => {
    const source = reportSourceOf(`ipfs://${markdownCid}`);
    if (source.kind !== 'ipfs') throw new Error('not an ipfs source');
    const report = await readVerifiedReport([DEAD_NODE, node.url], source);
    expect(report.content).toMatchObject({ format: 'markdown', text: new TextDecoder().decode(markdown) });
    expect(report.endpoint).toBe(node.url);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]).toContain(DEAD_NODE);
  });

  it('recognises a multi-block PDF report by its bytes', async () => {
    const source = reportSourceOf(`ipfs://${pdfCid}`);
    if (source.kind !== 'ipfs') throw new Error('not an ipfs source');
    const report = await readVerifiedReport([node.url], source);
    expect(report.content.format).toBe('pdf');
    expect(report.blocks).toBeGreaterThan(1);
    if (report.content.format === 'pdf') expect(report.content.bytes).toEqual(pdf);
  });

  it('refuses a report no node holds, showing nothing', async () => {
    const { cid } = await cidOf(new TextEncoder().encode('never stored'));
    const source = reportSourceOf(`ipfs://${cid}`);
    if (source.kind !== 'ipfs') throw new Error('not an ipfs source');
    await expect(readVerifiedReport([node.url], source)).rejects.toThrow(/No node sent a copy that verifies/);
  });

  it('writes the whole archive as a CAR that restores every ipfs report under its CID, byte for byte', async () => {
    const plan = archivePlanOf([
      { requestId: 1n, auditor: AUDITOR, link: `ipfs://${markdownCid}` },
      { requestId: 2n, auditor: AUDITOR, link: 'https://gist.github.com/a/b' },
      { requestId: 3n, auditor: AUDITOR, link: `ipfs://${pdfCid}` },
    ]);
    const seen: number[] = [];
    const parts = await collectArchive([node.url], plan, { onReport: (p) => seen.push(p.index) });
    expect(new Set(seen)).toEqual(new Set([0, 1]));
    const car = await CarReader.fromBytes(Buffer.concat(await writeArchiveCar(parts)));
    expect((await car.getRoots()).map(String)).toEqual([markdownCid, pdfCid]);

    const store = new VerifiedBlockstore();
    for await (const block of car.blocks()) await store.putVerified(block.cid, block.bytes);
    for (const [cid, bytes] of [
      [markdownCid, markdown],
      [pdfCid, pdf],
    ] as const) {
      const content = await exportVerified(parseCid(cid), store);
      expect(new Uint8Array(await content.files[0]!.blob.arrayBuffer())).toEqual(bytes);
    }
  });
});
