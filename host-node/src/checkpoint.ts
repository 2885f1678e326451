// The last block whose events the node has fully handled, kept in one small file that is replaced atomically
// (write a temporary file, flush it to disk, rename it over the old one), so a crash leaves either the old or the
// new checkpoint, never a torn one.
import { open, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Address } from 'viem';

export interface Checkpoint {
  chainId: number;
  fileSystem: Address;
  /** Every event up to and including this block has been handled. */
  block: bigint;
}

interface StoredCheckpoint {
  chainId: number;
  fileSystem: string;
  block: string;
}

export class CheckpointFile {
  constructor(private readonly path: string) {}

  static in(dataDir: string): CheckpointFile {
    return new CheckpointFile(join(dataDir, 'checkpoint.json'));
  }

  /** The stored checkpoint, or undefined when none was written or it belongs to another chain or contract. */
  async read(chainId: number, fileSystem: Address): Promise<Checkpoint | undefined> {
    let stored: StoredCheckpoint;
    try {
      stored = JSON.parse(await readFile(this.path, 'utf8')) as StoredCheckpoint;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`the checkpoint ${this.path} cannot be read: ${(error as Error).message}`);
    }
    if (stored.chainId !== chainId || stored.fileSystem.toLowerCase() !== fileSystem.toLowerCase()) return undefined;
    return { chainId, fileSystem, block: BigInt(stored.block) };
  }

  async write(checkpoint: Checkpoint): Promise<void> {
    const stored: StoredCheckpoint = {
      chainId: checkpoint.chainId,
      fileSystem: checkpoint.fileSystem,
      block: checkpoint.block.toString(),
    };
    const temporary = `${this.path}.tmp`;
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(`${JSON.stringify(stored)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, this.path);
    // The rename itself is durable only once the directory entry is flushed.
    const directory = await open(dirname(this.path), 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }
}
