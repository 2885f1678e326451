// Demo proposal descriptions. Each is addressed by the CID `ipfs add --cid-version 1` gives its bytes, computed by
// the same code as the app's uploads, so the host nodes serve them once the file system seed stores them; the
// contract keeps the Keccak-256 of the text.
import { keccak256, toBytes, type Hex } from 'viem';
import { computeCid } from '@callisto-hub/unixfs';

export interface Description {
  url: string;
  hash: Hex;
  text: string;
}

export async function describe(title: string, body: string): Promise<Description> {
  const text = `# ${title}\n\n${body.trim()}\n`;
  const bytes = toBytes(text);
  const { cid } = await computeCid([
    {
      path: 'description.md',
      content: (async function* () {
        yield bytes;
      })(),
    },
  ]);
  return { url: `ipfs://${cid}`, hash: keccak256(bytes), text };
}

/** A demo text an account stores on the file system (a proposal description under `proposals/`). */
export interface SeedDocument {
  owner: number;
  title: string;
  text: string;
}
