import { describe, expect, it } from 'vitest';
import { ipfsGatewayUrl, parseIpfsUri } from './ipfsUri';

const CID = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';

describe('ipfs:// addresses', () => {
  it('reads the CID and the path under it', () => {
    expect(parseIpfsUri(`ipfs://${CID}`)).toEqual({ cid: CID, segments: [] });
    expect(parseIpfsUri(`ipfs://${CID}/site/index.html`)).toEqual({ cid: CID, segments: ['site', 'index.html'] });
    expect(parseIpfsUri(`ipfs://${CID}/a%20b.md`)).toEqual({ cid: CID, segments: ['a b.md'] });
  });

  it('refuses what is not an ipfs:// address, or a path that leaves the CID', () => {
    expect(parseIpfsUri(`https://example.org/ipfs/${CID}`)).toBeUndefined();
    expect(parseIpfsUri('ipfs://')).toBeUndefined();
    expect(parseIpfsUri(`ipfs://${CID}/../other`)).toBeUndefined();
    expect(parseIpfsUri(`ipfs://${CID}/%2e%2e/other`)).toBeUndefined();
    expect(parseIpfsUri(`ipfs://${CID}/a%2Fb`)).toBeUndefined();
    expect(parseIpfsUri(`ipfs://${CID}/%E0%A4%A`)).toBeUndefined();
  });

  it('links through a host node’s gateway, with the path escaped', () => {
    expect(ipfsGatewayUrl('https://node.example.org/', `ipfs://${CID}`)).toBe(`https://node.example.org/ipfs/${CID}`);
    expect(ipfsGatewayUrl('http://127.0.0.1:5101', `ipfs://${CID}/docs/a b?.md`)).toBeUndefined();
    expect(ipfsGatewayUrl('http://127.0.0.1:5101', `ipfs://${CID}/docs/a%20b%3F.md`)).toBe(
      `http://127.0.0.1:5101/ipfs/${CID}/docs/a%20b%3F.md`,
    );
  });

  it('makes no link from an endpoint or a CID that may not become one', () => {
    expect(ipfsGatewayUrl('http://node.example.org', `ipfs://${CID}`)).toBeUndefined();
    expect(ipfsGatewayUrl('https://user:pw@node.example.org', `ipfs://${CID}`)).toBeUndefined();
    expect(
      ipfsGatewayUrl('https://node.example.org', 'ipfs://QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG'),
    ).toBeUndefined();
    expect(ipfsGatewayUrl('https://node.example.org', 'ipfs://javascript:alert(1)')).toBeUndefined();
  });
});
