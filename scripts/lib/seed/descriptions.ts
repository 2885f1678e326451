// Demo proposal descriptions. Each is addressed by the CID `ipfs add --cid-version 1` gives its bytes (a single
// raw block: every text here is far below one 256 KiB chunk), so host nodes can serve them once they store them;
// the contract keeps the Keccak-256 of the text.
import { createHash } from 'node:crypto';
import { keccak256, toBytes, type Hex } from 'viem';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** CIDv1, raw codec, sha2-256, base32: the CID of a file that fits in one raw block. */
export function rawBlockCid(bytes: Uint8Array): string {
  if (bytes.length > 256 * 1024) throw new Error('rawBlockCid: more than one 256 KiB chunk');
  const digest = createHash('sha256').update(bytes).digest();
  return `b${base32(new Uint8Array([0x01, 0x55, 0x12, 0x20, ...digest]))}`;
}

export interface Description {
  url: string;
  hash: Hex;
  text: string;
}

export function describe(title: string, body: string): Description {
  const text = `# ${title}\n\n${body.trim()}\n`;
  const bytes = toBytes(text);
  return { url: `ipfs://${rawBlockCid(bytes)}`, hash: keccak256(bytes), text };
}
