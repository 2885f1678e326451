import { CarReader } from '@ipld/car/reader';
import { importToBlockstore } from '@callisto-hub/unixfs';
import { CID } from 'multiformats/cid';
import { describe, expect, it } from 'vitest';
import { linkCommitment } from '@/lib/audits/commitments';
import { VerifiedBlockstore, exportVerified } from '@/lib/files/verifiedDownload';
import { writeArchiveCar, type ArchiveBlock } from './archiveCar';
import { archivePlanOf } from './archiveEntries';
import { commitmentCheckOf, commitmentTrailOf, type TrailLog } from './commitmentTrail';
import { reportContentOf } from './reportContent';
import { reportFilePath, reportSourceOf } from './reportSource';

const AUDITOR = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
const OTHER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;

/** Imports `bytes` as `ipfs add --cid-version 1` does and keeps every block under the CID the importer gave. */
async function stored(name: string, bytes: Uint8Array): Promise<{ root: CID; blocks: ArchiveBlock[] }> {
  const blocks: ArchiveBlock[] = [];
  const store = {
    put: async (cid: CID, value: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>) => {
      const parts: Uint8Array[] = [];
      if (value instanceof Uint8Array) parts.push(value);
      else for await (const part of value) parts.push(part);
      if (!blocks.some((b) => b.cid.equals(cid))) blocks.push({ cid, bytes: Buffer.concat(parts) });
      return cid;
    },
  };
  const { cid } = await importToBlockstore(store, [
    {
      path: name,
      content: (async function* () {
        yield bytes;
      })(),
    },
  ]);
  return { root: CID.parse(cid), blocks };
}

function patterned(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

async function readBack(chunks: Uint8Array[]) {
  const reader = await CarReader.fromBytes(Buffer.concat(chunks));
  const blocks = new Map<string, Uint8Array>();
  for await (const block of reader.blocks()) blocks.set(block.cid.toString(), block.bytes);
  return { roots: (await reader.getRoots()).map(String), blocks };
}

describe('writeArchiveCar', () => {
  it('writes every report as a CARv1 that @ipld/car reads back with the same roots, CIDs and bytes', async () => {
    const small = await stored('report.md', new TextEncoder().encode('# Audit of Token\n\nNo finding.\n'));
    // Over one 256 KiB chunk: a dag-pb root and several raw leaves.
    const large = await stored('report.pdf', patterned(300_000, 7));
    expect(large.blocks.length).toBeGreaterThan(2);

    const car = await writeArchiveCar([small, large]);
    const back = await readBack(car);

    expect(back.roots).toEqual([small.root.toString(), large.root.toString()]);
    const expected = [...small.blocks, ...large.blocks];
    expect([...back.blocks.keys()].sort()).toEqual(expected.map((b) => b.cid.toString()).sort());
    for (const block of expected) expect(back.blocks.get(block.cid.toString())).toEqual(block.bytes);
  });

  it('writes a block two reports share once, and a root named twice once', async () => {
    const report = await stored('report.md', new TextEncoder().encode('the same report, revealed twice'));
    const car = await writeArchiveCar([report, report]);
    const back = await readBack(car);
    expect(back.roots).toEqual([report.root.toString()]);
    expect(back.blocks.size).toBe(report.blocks.length);
  });

  it('round-trips verified blocks: the CAR rebuilds each report byte for byte', async () => {
    const text = new TextEncoder().encode('## Findings\n\n1. Reentrancy in withdraw()\n');
    const report = await stored('report.md', text);
    const verified = new VerifiedBlockstore();
    for (const block of report.blocks) await verified.putVerified(block.cid, block.bytes);
    const car = await writeArchiveCar([{ root: report.root, blocks: verified.entries() }]);

    const reader = await CarReader.fromBytes(Buffer.concat(car));
    const again = new VerifiedBlockstore();
    for await (const block of reader.blocks()) await again.putVerified(block.cid, block.bytes);
    const content = await exportVerified(report.root, again);
    expect(new Uint8Array(await content.files[0]!.blob.arrayBuffer())).toEqual(text);
  });
});

describe('reportSourceOf', () => {
  const cid = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';

  it('reads an ipfs:// link as the CID to verify, with an optional file inside it', () => {
    expect(reportSourceOf(`ipfs://${cid}`)).toEqual({ kind: 'ipfs', link: `ipfs://${cid}`, cid, path: '' });
    const inFolder = reportSourceOf(`ipfs://${cid}/audit/report.md`);
    expect(inFolder).toMatchObject({ kind: 'ipfs', cid, path: 'audit/report.md' });
    if (inFolder.kind === 'ipfs') expect(reportFilePath(inFolder)).toBe(`${cid}/audit/report.md`);
  });

  it('keeps a gist on https as a link out, never as verifiable content', () => {
    expect(reportSourceOf('https://gist.github.com/alice/0123abcd')).toMatchObject({
      kind: 'https',
      url: 'https://gist.github.com/alice/0123abcd',
    });
  });

  it('refuses what it cannot read safely: a bad CID, a path that climbs out, other schemes', () => {
    expect(reportSourceOf('ipfs://not-a-cid').kind).toBe('unsupported');
    expect(reportSourceOf(`ipfs://${cid}/../secret`).kind).toBe('unsupported');
    expect(reportSourceOf(`ipfs://${cid}/a?x=1`).kind).toBe('unsupported');
    expect(reportSourceOf('http://example.com/report').kind).toBe('unsupported');
    expect(reportSourceOf('javascript:alert(1)').kind).toBe('unsupported');
  });
});

describe('reportContentOf', () => {
  it('shows UTF-8 text as Markdown', () => {
    const bytes = new TextEncoder().encode('# Report ✓');
    expect(reportContentOf(bytes)).toEqual({ format: 'markdown', text: '# Report ✓', bytes });
  });

  it('recognises a PDF by its signature, whatever its name', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
    expect(reportContentOf(pdf).format).toBe('pdf');
  });

  it('offers bytes that are not UTF-8 text for saving instead of rendering altered text', () => {
    expect(reportContentOf(new Uint8Array([0xff, 0xfe, 0x00, 0x41])).format).toBe('binary');
    expect(reportContentOf(new TextEncoder().encode('a\u0000b')).format).toBe('binary');
  });
});

describe('commitmentTrailOf and commitmentCheckOf', () => {
  const logs: TrailLog[] = [
    { eventName: 'ReportCommitted', args: { request_id: 3n, auditor: OTHER, commitment: '0x01' }, blockNumber: 10n },
    {
      eventName: 'ReportCommitted',
      args: { request_id: 4n, auditor: AUDITOR.toLowerCase() as `0x${string}`, commitment: '0x02' },
      blockNumber: 12n,
    },
    { eventName: 'ReportCommitted', args: { request_id: 3n, auditor: AUDITOR, commitment: '0x03' }, blockNumber: 14n },
    { eventName: 'ReportRevealed', args: { request_id: 3n, auditor: AUDITOR, link: 'x' }, blockNumber: 30n },
  ];

  it('finds the commit and reveal blocks of one auditor on one request', () => {
    expect(commitmentTrailOf(logs, 3n, AUDITOR)).toEqual({ committedIn: 14n, revealedIn: 30n });
    expect(commitmentTrailOf(logs, 4n, AUDITOR)).toEqual({ committedIn: 12n, revealedIn: undefined });
    expect(commitmentTrailOf(logs, 5n, AUDITOR)).toEqual({ committedIn: undefined, revealedIn: undefined });
  });

  it('shows the link hashing to the commitment, and a mismatch as one', () => {
    const link = 'ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
    const good = commitmentCheckOf(link, linkCommitment(link).toUpperCase().replace('0X', '0x') as `0x${string}`);
    expect(good.matches).toBe(true);
    expect(good.computed).toBe(linkCommitment(link));
    expect(commitmentCheckOf(`${link}/`, linkCommitment(link)).matches).toBe(false);
  });
});

describe('archivePlanOf', () => {
  it('puts every ipfs report in once and counts the https ones left out', () => {
    const cid = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
    const plan = archivePlanOf([
      { requestId: 1n, auditor: AUDITOR, link: `ipfs://${cid}` },
      { requestId: 2n, auditor: OTHER, link: 'https://gist.github.com/x/y' },
      { requestId: 3n, auditor: OTHER, link: `ipfs://${cid}` },
    ]);
    expect(plan.entries).toHaveLength(1);
    expect(plan.entries[0]!.cid).toBe(cid);
    expect(plan.entries[0]!.reports.map((r) => r.requestId)).toEqual([1n, 3n]);
    expect(plan.outside.map((r) => r.requestId)).toEqual([2n]);
  });
});
