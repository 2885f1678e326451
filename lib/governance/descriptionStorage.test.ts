import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { validateFilePath } from '@/lib/files/paths';
import { verifyDescription } from './description';
import { descriptionFilePath, externalDescriptionProblem, storedDescriptionOf } from './descriptionStorage';

describe('storedDescriptionOf', () => {
  it('derives the ipfs:// address and the hash from the same UTF-8 bytes', async () => {
    const text = '# Fund the bridge audit\n\nÇa coûte 5 000 CLO ✓\n';
    const stored = await storedDescriptionOf(text);
    expect(new TextDecoder().decode(stored.bytes)).toBe(text);
    expect(stored.size).toBe(BigInt(stored.bytes.length));
    expect(stored.url).toBe(`ipfs://${stored.cid}`);
    expect(stored.hash).toBe(keccak256(stored.bytes));
    // What voters' pages check: the bytes behind the address hash to the hash on chain.
    expect(verifyDescription(stored.bytes, stored.hash)).toBe(true);
    // A small file is one raw block: `ipfs add --cid-version 1` gives a bafkrei… CID.
    expect(stored.cid).toMatch(/^bafkrei[a-z2-7]+$/);
  });

  it('gives another text another CID and hash (a changed byte is a different description)', async () => {
    const a = await storedDescriptionOf('Pay 100 CLO');
    const b = await storedDescriptionOf('Pay 100 CLO ');
    expect(a.cid).not.toBe(b.cid);
    expect(a.hash).not.toBe(b.hash);
  });
});

describe('descriptionFilePath', () => {
  it('names the file under proposals/ by its CID: the same text, the same path', async () => {
    const { cid } = await storedDescriptionOf('# A proposal');
    const path = descriptionFilePath(cid);
    expect(path).toBe(`proposals/${cid}.md`);
    expect(validateFilePath(path)).toBeUndefined();
    expect(descriptionFilePath((await storedDescriptionOf('# A proposal')).cid)).toBe(path);
  });
});

describe('externalDescriptionProblem', () => {
  it('lets a description through only when the fetched bytes match the hash', () => {
    expect(externalDescriptionProblem({ state: 'verified', text: 'x' })).toBeUndefined();
    expect(externalDescriptionProblem({ state: 'mismatch', text: 'x', actualHash: '0xabc' })).toMatch(
      /does not match the hash: its Keccak-256 is 0xabc/,
    );
    expect(externalDescriptionProblem({ state: 'unavailable', reason: 'the address did not answer' })).toMatch(
      /could not fetch the URL \(the address did not answer\).*CORS/,
    );
    expect(externalDescriptionProblem({ state: 'unsupported' })).toBeDefined();
    expect(externalDescriptionProblem({ state: 'not-fetched' })).toBeDefined();
  });
});
