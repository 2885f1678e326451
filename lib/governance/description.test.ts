import { describe, expect, it } from 'vitest';
import { keccak256, toBytes } from 'viem';
import { type FetchLike, descriptionSource, loadDescription, verifyDescription } from './description';

describe('description', () => {
  const text = '# Title\n\nBody ✓\n';
  const good = keccak256(toBytes(text));

  it('hashes with Keccak-256 as Solidity does, not with SHA3-256', () => {
    // Published vectors for "hello": Keccak-256 (Ethereum's keccak256) and FIPS SHA3-256, which differ in padding.
    expect(verifyDescription('hello', '0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8')).toBe(true);
    expect(verifyDescription('hello', '0x3338be694f50c5f338814986cdf0686453a888b84f424d792af4b9202398f392')).toBe(
      false,
    );
  });

  it('verifies text and exact bytes against the hash', () => {
    expect(verifyDescription(text, good)).toBe(true);
    expect(verifyDescription(text, good.toUpperCase().replace('0X', '0x'))).toBe(true);
    expect(verifyDescription(`${text} `, good)).toBe(false);
    expect(verifyDescription(toBytes(text), good)).toBe(true);
  });

  it('fetches https directly and ipfs only through a configured gateway', () => {
    expect(descriptionSource('https://example.org/a.md')).toEqual({
      scheme: 'https',
      url: 'https://example.org/a.md',
      fetchUrl: 'https://example.org/a.md',
    });
    expect(descriptionSource('ipfs://bafyabc/doc.md')).toEqual({
      scheme: 'ipfs',
      url: 'ipfs://bafyabc/doc.md',
      path: 'bafyabc/doc.md',
      fetchUrl: undefined,
    });
    expect(descriptionSource('ipfs://bafyabc', 'https://gw.example/')).toMatchObject({
      fetchUrl: 'https://gw.example/ipfs/bafyabc',
    });
    expect(descriptionSource('http://example.org').scheme).toBe('unsupported');
    expect(descriptionSource('https://').scheme).toBe('unsupported');
    expect(descriptionSource('ipfs://../etc').scheme).toBe('unsupported');
  });

  const respond =
    (body: string | Uint8Array, status = 200): FetchLike =>
    async () => ({
      ok: status >= 200 && status < 300,
      status,
      arrayBuffer: async () => {
        const bytes = typeof body === 'string' ? toBytes(body) : body;
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      },
    });

  it('loads, verifies and reports mismatches, unreachable URLs and ipfs without a gateway', async () => {
    const url = 'https://example.org/a.md';
    expect(await loadDescription(url, good, { fetch: respond(text) })).toEqual({ state: 'verified', text });
    const altered = await loadDescription(url, good, { fetch: respond('# Title\n\nOther\n') });
    expect(altered).toMatchObject({ state: 'mismatch', text: '# Title\n\nOther\n' });
    expect(await loadDescription(url, good, { fetch: respond('', 404) })).toMatchObject({ state: 'unavailable' });
    const failing: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await loadDescription(url, good, { fetch: failing })).toMatchObject({ state: 'unavailable' });
    expect(await loadDescription('ipfs://bafyabc', good, { fetch: failing })).toEqual({ state: 'not-fetched' });
    expect(await loadDescription('ftp://x', good, { fetch: failing })).toEqual({ state: 'unsupported' });
  });

  it('hashes the bytes, so a byte-order mark is not lost in decoding', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...toBytes(text)]);
    const withBom = keccak256(bytes);
    const result = await loadDescription('https://example.org/a.md', withBom, { fetch: respond(bytes) });
    expect(result.state).toBe('verified');
  });

  it('refuses documents that are too large', async () => {
    const big = new Uint8Array(1_000_001);
    const result = await loadDescription('https://example.org/a.md', good, { fetch: respond(big) });
    expect(result).toMatchObject({ state: 'unavailable' });
  });
});
