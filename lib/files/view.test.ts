import { describe, expect, it } from 'vitest';
import { MB, pricePerMb } from './pricing';
import {
  blockLag,
  confirmationsText,
  currentPoint,
  endpointHost,
  fileHref,
  fileState,
  fileStateExplanation,
  fileStatusLabel,
  NO_PRICE,
  filesPage,
  formatBps,
  formatByteCount,
  formatBytes,
  formatCloExact,
  formatPricePerMb,
  gatewayLinkUrl,
  nodesByElection,
  parseFileId,
  priceCurve,
  uploadUnavailableReason,
  utilisationBps,
  validateUploadSize,
} from './view';

const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';

describe('file words', () => {
  it('labels the state, and a pending upload past its window as expired before anyone releases it', () => {
    const pending = { status: 0, expires_at: 1_000n };
    expect(fileState(pending, 999n)).toBe('pending');
    expect(fileState(pending, 1_000n)).toBe('expired');
    expect(fileState({ status: 1, expires_at: 1_000n }, 5_000n)).toBe('counted');
    expect(fileState({ status: 2, expires_at: 1_000n }, 5_000n)).toBe('expired');
    expect(fileState({ status: 3, expires_at: 1_000n }, 0n)).toBe('withdrawn');
    expect(fileStatusLabel('pending')).toBe('Waiting for confirmation');
    expect(fileStatusLabel('counted')).toBe('Stored');
    expect(fileStatusLabel('expired')).toBe('Expired unconfirmed');
    expect(fileStatusLabel('withdrawn')).toBe('Withdrawn');
    expect(fileStateExplanation('pending')).toMatch(/before the file counts/);
  });

  it('says how many of the elected nodes confirmed', () => {
    expect(confirmationsText(2, 2n)).toBe('2 of 2 nodes');
    expect(confirmationsText(0, 1)).toBe('0 of 1 node');
    expect(confirmationsText(1n, 0n)).toBe('1 of 0 nodes');
  });

  it('links a file page and reads its id back', () => {
    expect(fileHref(7n)).toBe('/files/file/?id=7');
    expect(parseFileId('7')).toBe(7n);
    expect(parseFileId('0')).toBe(0n);
    for (const bad of [null, undefined, '', '-1', '1.5', '0x10', 'abc', '1'.repeat(79)]) {
      expect(parseFileId(bad)).toBeUndefined();
    }
    expect(parseFileId((2n ** 256n).toString())).toBeUndefined();
  });

  it('pages files_of newest first, clamping to the last page', () => {
    expect(filesPage(undefined, 0)).toEqual({ offset: 0n, limit: 10n, page: 0, pageCount: 1 });
    expect(filesPage(0n, 3)).toEqual({ offset: 0n, limit: 10n, page: 0, pageCount: 1 });
    expect(filesPage(25n, 2)).toEqual({ offset: 20n, limit: 10n, page: 2, pageCount: 3 });
    expect(filesPage(25n, 9)).toEqual({ offset: 20n, limit: 10n, page: 2, pageCount: 3 });
  });
});

describe('sizes', () => {
  it('formats in binary units, truncated to two decimals', () => {
    expect(formatBytes(0n)).toBe('0 bytes');
    expect(formatBytes(1n)).toBe('1 byte');
    expect(formatBytes(1023n)).toBe('1,023 bytes');
    expect(formatBytes(1024n)).toBe('1 KB');
    expect(formatBytes(1536n)).toBe('1.5 KB');
    expect(formatBytes(MB)).toBe('1 MB');
    expect(formatBytes(MB * 2n - 1n)).toBe('1.99 MB');
    expect(formatBytes(5n * 1024n * MB + 52_428_800n)).toBe('5.04 GB');
    expect(formatBytes(2_000_000n * 1024n * MB)).toBe('2,000,000 GB');
    expect(formatByteCount(1_048_576n)).toBe('1,048,576 bytes');
  });

  it('formats CLO prices with every significant decimal', () => {
    expect(formatCloExact(1n)).toBe('0.000000000000000001 CLO');
    expect(formatPricePerMb(10n ** 15n)).toBe('0.001 CLO per MB');
    expect(formatCloExact(1234n * 10n ** 18n)).toBe('1,234 CLO');
  });

  it('gives utilisation in basis points', () => {
    expect(utilisationBps(0n, 0n)).toBe(0);
    expect(utilisationBps(5n, 0n)).toBe(10_000);
    expect(utilisationBps(MB, 4n * MB)).toBe(2_500);
    expect(utilisationBps(5n * MB, 4n * MB)).toBe(12_500);
    expect(formatBps(2_500)).toBe('25%');
    expect(formatBps(1_234)).toBe('12.34%');
    expect(formatBps(1_230)).toBe('12.3%');
    expect(formatBps(5)).toBe('0.05%');
  });
});

describe('upload checks before anything is sent', () => {
  const totals = { node_count: 2n, used_bytes: 2n * MB, pending_bytes: MB, capacity_bytes: 4n * MB };
  it('says before a file is picked when no node is elected or capacity is taken', () => {
    expect(uploadUnavailableReason({ ...totals, node_count: 0n, capacity_bytes: 0n })).toMatch(/No host node/);
    expect(uploadUnavailableReason({ ...totals, used_bytes: 3n * MB })).toMatch(/capacity is taken/);
    expect(uploadUnavailableReason({ ...totals, pending_bytes: 2n * MB - 1n })).toMatch(/capacity is taken/);
    expect(uploadUnavailableReason({ ...totals, used_bytes: 5n * MB })).toMatch(/capacity is taken/);
    expect(uploadUnavailableReason(totals)).toBeUndefined();
  });

  it('refuses an empty file, one that leaves no capacity free, and one over the nodes’ limit', () => {
    expect(validateUploadSize(0n, totals)).toMatch(/empty/);
    expect(validateUploadSize(MB, totals)).toBe(
      'It is 1 MB; 1 MB of capacity is free, and an upload must leave some of it free.',
    );
    expect(validateUploadSize(MB - 1n, totals)).toBeUndefined();
    expect(validateUploadSize(2048n, totals, 1024n)).toBe('It is 2 KB; the host nodes accept uploads of at most 1 KB.');
    expect(validateUploadSize(1n, { ...totals, node_count: 0n })).toMatch(/No host node/);
  });
});

describe('the price curve', () => {
  const totals = {
    used_bytes: 500n * MB,
    pending_bytes: 100n * MB,
    capacity_bytes: 1000n * MB,
    unit_price: 10n ** 18n,
    floor_price: 2n * 10n ** 15n,
  };

  it('runs from empty to 95% of the capacity with the contract’s prices, rising', () => {
    const curve = priceCurve(totals, 40);
    expect(curve).toHaveLength(39);
    expect(curve[0]).toEqual({ usedBytes: 0n, pricePerMb: totals.floor_price });
    expect(curve.at(-1)).toEqual({ usedBytes: 950n * MB, pricePerMb: 19_952_000_000_000_000_000n });
    for (const p of curve) {
      expect(p.pricePerMb).toBe(pricePerMb(p.usedBytes, totals.capacity_bytes, totals.unit_price, totals.floor_price));
    }
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.usedBytes > curve[i - 1]!.usedBytes).toBe(true);
      expect(curve[i]!.pricePerMb > curve[i - 1]!.pricePerMb).toBe(true);
    }
    // The tenths the chart's table lists are among the points.
    for (let t = 0n; t <= 9n; t++)
      expect(curve.some((p) => p.usedBytes === (totals.capacity_bytes * t) / 10n)).toBe(true);
  });

  it('marks the price now at the committed bytes, stored and waiting alike', () => {
    expect(currentPoint(totals)).toEqual({ usedBytes: 600n * MB, pricePerMb: 264_500_000_000_000_000n });
    expect(currentPoint({ ...totals, used_bytes: 1000n * MB }).pricePerMb).toBe(NO_PRICE);
    expect(formatPricePerMb(NO_PRICE)).toBe('no price (capacity taken)');
  });

  it('is empty without capacity', () => {
    expect(priceCurve({ ...totals, capacity_bytes: 0n })).toEqual([]);
  });
});

describe('host nodes', () => {
  it('orders nodes by election, then address', () => {
    const nodes = [
      { node: '0xB' as const, elected_at: 5n },
      { node: '0xa' as const, elected_at: 5n },
      { node: '0xC' as const, elected_at: 1n },
    ];
    expect(nodesByElection(nodes).map((n) => n.node)).toEqual(['0xC', '0xa', '0xB']);
  });

  it('measures block lag against the chain head the page read, else the node’s own', () => {
    expect(blockLag(130n, { block: 125, checkpoint: 120 })).toBe(10);
    expect(blockLag(undefined, { block: 125, checkpoint: 120 })).toBe(5);
    expect(blockLag(100n, { block: 125, checkpoint: 120 })).toBe(0);
  });

  it('links a gateway only over https: or to a loopback http: node', () => {
    expect(gatewayLinkUrl('https://node.example.org/', CID)).toBe(`https://node.example.org/ipfs/${CID}`);
    expect(gatewayLinkUrl('https://example.org/n1', CID)).toBe(`https://example.org/n1/ipfs/${CID}`);
    expect(gatewayLinkUrl('http://127.0.0.1:5101', CID)).toBe(`http://127.0.0.1:5101/ipfs/${CID}`);
    expect(gatewayLinkUrl('http://localhost:5101', CID)).toBe(`http://localhost:5101/ipfs/${CID}`);
    expect(gatewayLinkUrl('http://node.example.org', CID)).toBeUndefined();
    expect(gatewayLinkUrl('https://user:pw@node.example.org', CID)).toBeUndefined();
    expect(gatewayLinkUrl('javascript:alert(1)', CID)).toBeUndefined();
    expect(gatewayLinkUrl('https://node.example.org', 'Qm../../x')).toBeUndefined();
  });

  it('shows an endpoint’s full host with its port', () => {
    expect(endpointHost('https://node.example.org:8443/api')).toBe('node.example.org:8443');
    expect(endpointHost('https://xn--80ak6aa92e.com')).toBe('xn--80ak6aa92e.com');
    expect(endpointHost('not a url')).toBe('not a url');
  });
});
