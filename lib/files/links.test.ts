import { describe, expect, it } from 'vitest';
import { endpointHost, fileHref, gatewayLinkUrl, parseFileId } from './links';

const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';

describe('file links', () => {
  it('links a file page and reads its id back', () => {
    expect(fileHref(7n)).toBe('/files/file/?id=7');
    expect(parseFileId('7')).toBe(7n);
    expect(parseFileId('0')).toBe(0n);
    for (const bad of [null, undefined, '', '-1', '1.5', '0x10', 'abc', '1'.repeat(79)]) {
      expect(parseFileId(bad)).toBeUndefined();
    }
    expect(parseFileId((2n ** 256n).toString())).toBeUndefined();
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
    // Not a URL: the text itself, with a right-to-left override written out instead of reversing what follows.
    expect(endpointHost('node\u202Egro.elpmaxe')).toBe('node\\u202Egro.elpmaxe');
    expect(endpointHost('not a url')).toBe('not a url');
  });
});
