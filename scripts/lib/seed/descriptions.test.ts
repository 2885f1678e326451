import { describe as suite, expect, it } from 'vitest';
import { rawBlockCid } from './descriptions';

suite('raw block CIDs', () => {
  it('match what IPFS gives for the same bytes', () => {
    // Published values: the empty raw block and "hello world" as `ipfs add --cid-version 1` prints them.
    expect(rawBlockCid(new Uint8Array())).toBe('bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku');
    expect(rawBlockCid(new TextEncoder().encode('hello world'))).toBe(
      'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e',
    );
  });
});
