// What the node remembers between runs besides blocks and the checkpoint, in a datastore on disk: the on-chain
// files it still has to replicate, the files it holds (several files may share one CID), and the unregistered
// uploads it keeps for the grace period.
import { FsDatastore } from 'datastore-fs';
import { Key } from 'interface-datastore';

export interface PendingFile {
  id: bigint;
  cid: string;
  /** Content bytes registered on chain. */
  size: bigint;
}

export interface StagedUpload {
  cid: string;
  size: bigint;
  /** When the upload finished, ms since the epoch. */
  at: number;
  /** Who sent it (limits.ts's client key), for the per-client cap on unregistered bytes. */
  client?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function json(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** CIDs are base32 or base58 text and ids are decimal: both are safe path segments. */
function segment(value: string | bigint): string {
  const text = value.toString();
  if (!/^[A-Za-z0-9]+$/.test(text)) throw new Error(`not a safe key segment: ${text}`);
  return text;
}

export class LocalState {
  private constructor(private readonly store: FsDatastore) {}

  static async open(path: string): Promise<LocalState> {
    const store = new FsDatastore(path);
    await store.open();
    return new LocalState(store);
  }

  close(): Promise<void> {
    return this.store.close();
  }

  // Files registered on chain that this node has not confirmed yet.

  async addPending(file: PendingFile): Promise<void> {
    await this.store.put(new Key(`/pending/${segment(file.id)}`), json(file));
  }

  async removePending(id: bigint): Promise<void> {
    await this.store.delete(new Key(`/pending/${segment(id)}`));
  }

  async pending(): Promise<PendingFile[]> {
    const out: PendingFile[] = [];
    for await (const { value } of this.store.query({ prefix: '/pending' })) {
      const parsed = JSON.parse(decoder.decode(value)) as { id: string; cid: string; size: string };
      out.push({ id: BigInt(parsed.id), cid: parsed.cid, size: BigInt(parsed.size) });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  // Files this node holds (pinned and confirmed): by id, and by CID for the reference count.

  async addHeld(id: bigint, cid: string): Promise<void> {
    await this.store.put(new Key(`/held/${segment(cid)}/${segment(id)}`), new Uint8Array());
    await this.store.put(new Key(`/file/${segment(id)}`), encoder.encode(cid));
  }

  /** Forgets a held file; returns its CID, or undefined when this node never held it. */
  async removeHeld(id: bigint): Promise<string | undefined> {
    const key = new Key(`/file/${segment(id)}`);
    if (!(await this.store.has(key))) return undefined;
    const cid = decoder.decode(await this.store.get(key));
    await this.store.delete(new Key(`/held/${segment(cid)}/${segment(id)}`));
    await this.store.delete(key);
    return cid;
  }

  async isHeld(id: bigint): Promise<boolean> {
    return this.store.has(new Key(`/file/${segment(id)}`));
  }

  /** How many held files have this CID. */
  async heldReferences(cid: string): Promise<number> {
    let count = 0;
    for await (const _ of this.store.queryKeys({ prefix: `/held/${segment(cid)}/` })) count++;
    return count;
  }

  async heldFileCount(): Promise<number> {
    let count = 0;
    for await (const _ of this.store.queryKeys({ prefix: '/file' })) count++;
    return count;
  }

  // Unregistered uploads, kept for the grace period.

  async addStaged(upload: StagedUpload): Promise<void> {
    await this.store.put(new Key(`/staging/${segment(upload.cid)}`), json(upload));
  }

  async removeStaged(cid: string): Promise<void> {
    await this.store.delete(new Key(`/staging/${segment(cid)}`));
  }

  async staged(): Promise<StagedUpload[]> {
    const out: StagedUpload[] = [];
    for await (const { value } of this.store.query({ prefix: '/staging' })) {
      const parsed = JSON.parse(decoder.decode(value)) as { cid: string; size: string; at: number; client?: string };
      out.push({ cid: parsed.cid, size: BigInt(parsed.size), at: parsed.at, client: parsed.client });
    }
    return out;
  }
}
