// The default store: a Helia node without networking (createHeliaLight with no libp2p, no block brokers and no
// routers, so nothing dials out; replication fetches over the trustless gateway in fetcher.ts and writes the verified
// blocks here). Blocks are files under <dir>/blocks (blockstore-fs: one file per block named by its multihash, written
// to a temporary file and renamed into place, so a node killed mid-upload never leaves a torn block); Helia's pins
// and our pin journal are in a datastore under <dir>/datastore. Pins and garbage collection are Helia's, walking DAGs
// with dag.ts's pinWalker.
//
// How our two kinds of pin map onto Helia's: content is pinned through a pin root of its own, an identity CID (its
// bytes live in the CID, nothing is stored) of a dag-pb node that links to the content and carries a random nonce.
// The pin's metadata records the content root and which kinds hold it (`held`, `staged`); a second kind only updates
// the metadata, and the Helia pin is removed with the last kind. A fresh root per pin works around Helia's pin
// bookkeeping: `pins.rm` leaves the removed root listed as a pinner of every block it shares with other pins, so
// pinning the same root again later counts those blocks once too few, and removing it again unprotects blocks the
// other pins still need (helia 7.1.15, packages/helia/src/pins.ts). A root that is never pinned twice is immune.
import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as dagPb from '@ipld/dag-pb';
import { FsBlockstore } from 'blockstore-fs';
import { NextToLast } from 'blockstore-fs/sharding';
import { FsDatastore } from 'datastore-fs';
import { createHeliaLight, type Helia } from 'helia';
import { Key } from 'interface-datastore';
import { CID } from 'multiformats/cid';
import { identity } from 'multiformats/hashes/identity';
import { blockKey, pinWalker } from './dag';
import { WriteLock } from './lock';
import type { Log } from './log';
import type { BlockStorage, ContentStore, GcResult, PinKind } from './store';

interface PinEntry {
  /** The Helia pin root that links to the content. */
  pin: CID;
  held: boolean;
  staged: boolean;
}

/** An add or remove of a Helia pin in progress: Helia writes a pin's block counts one by one, so a process killed
 * in between leaves them half written. The journal lets the next start finish the job. */
interface JournalEntry {
  op: 'add' | 'rm';
  root: string;
  held: boolean;
  staged: boolean;
}

const JOURNAL_PREFIX = '/callisto/pin-journal';
/** Pins of the store before it used Helia, which nothing reads any more. */
const OLD_PIN_PREFIX = '/pins/';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function rootKey(cid: CID): string {
  return cid.toV1().toString();
}

function journalKey(pin: CID): Key {
  return new Key(`${JOURNAL_PREFIX}/${pin.toString()}`);
}

/** A new pin root for `content`: never the same twice (a random nonce), stored nowhere (an identity CID). */
function newPinRoot(content: CID): CID {
  const nonce = randomBytes(12).toString('hex');
  const bytes = dagPb.encode(
    dagPb.prepare({ Data: encoder.encode(`callisto-pin ${nonce}`), Links: [{ Hash: content.toV1() }] }),
  );
  return CID.createV1(dagPb.code, identity.digest(bytes));
}

function metadataOf(root: string, entry: { held: boolean; staged: boolean }) {
  return { root, held: entry.held, staged: entry.staged };
}

async function drain(source: AsyncIterable<unknown>): Promise<void> {
  // Helia's pins.add and pins.rm are generators: nothing happens until they are iterated.
  for await (const _ of source);
}

export class EmbeddedStore implements ContentStore {
  readonly kind = 'embedded' as const;
  readonly lock = new WriteLock();
  readonly blocks: BlockStorage;
  /** Writes of the same block in flight: the second waits for the first instead of racing it on disk. */
  private readonly writing = new Map<string, Promise<CID>>();
  /** Our pins by content root, as Helia's pin metadata says (read at open, kept in step since). */
  private readonly pinned = new Map<string, PinEntry>();
  /** Helia updates a block's pin count by reading and rewriting it: two pin changes at once could lose one. */
  private pinChanges: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly helia: Helia,
    private readonly fsBlocks: FsBlockstore,
    private readonly datastore: FsDatastore,
    private readonly blocksDir: string,
    private readonly sharding: NextToLast,
    private bytes: bigint,
    private readonly log: Log,
  ) {
    // Writes go through Helia. Reads go to the blockstore Helia wraps: Helia's own read first checks whether to
    // fetch the block from the network (never, here) and waits on the lock its garbage collection holds for a whole
    // run, which would stall every download while a large store is collected. Reading there is safe: the gateway
    // serves only pinned content, which is never collected, and replication reads inside our WriteLock.
    this.blocks = {
      get: (cid, options) => fsBlocks.get(cid, options),
      has: (cid) => fsBlocks.has(cid),
      size: (cid) => this.blockSize(cid),
      put: (cid, bytes, options) => this.put(cid, bytes, options),
    };
  }

  static async open(dir: string, log: Log = () => undefined): Promise<EmbeddedStore> {
    const blocksDir = join(dir, 'blocks');
    const sharding = new NextToLast();
    const fsBlocks = new FsBlockstore(blocksDir, { shardingStrategy: sharding });
    const datastore = new FsDatastore(join(dir, 'datastore'));
    // Helia starts its stores but does not open them.
    await fsBlocks.open();
    await datastore.open();
    // Nothing writes yet, so a temporary file is the remains of a write a killed process left (blocks are also
    // swept at each collection; datastore writes may run during one).
    await removeTemporaryFiles(join(dir, 'datastore'), true);
    for await (const _ of datastore.queryKeys({ prefix: OLD_PIN_PREFIX })) {
      throw new Error(
        `${dir} was written by an earlier host node that kept its own pins; nothing migrates them to Helia's: ` +
          'remove the data directory (npm run dev -- --reset for the local stack) and start again',
      );
    }
    const helia = createHeliaLight({ blockstore: fsBlocks, datastore, blockBrokers: [], routers: [] });
    await helia.start();
    const store = new EmbeddedStore(
      helia,
      fsBlocks,
      datastore,
      blocksDir,
      sharding,
      await directoryBytes(blocksDir, sharding),
      log,
    );
    try {
      await store.finishJournal();
      await store.loadPins();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  private pathOf(cid: CID): string {
    const { dir, file } = this.sharding.encode(cid);
    return join(this.blocksDir, dir, file);
  }

  private async blockSize(cid: CID): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(cid))).size;
    } catch {
      return undefined;
    }
  }

  private put(cid: CID, bytes: Uint8Array, options?: { signal?: AbortSignal }): Promise<CID> {
    const key = blockKey(cid);
    const inFlight = this.writing.get(key);
    if (inFlight) return inFlight;
    const write = (async () => {
      let duplicate = false;
      await this.helia.blockstore.put(cid, bytes, {
        signal: options?.signal,
        onProgress: (event) => {
          if (event.type === 'blocks:put:duplicate') duplicate = true;
        },
      });
      if (!duplicate) this.bytes += BigInt(bytes.byteLength);
      return cid;
    })().finally(() => this.writing.delete(key));
    this.writing.set(key, write);
    return write;
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.pinChanges.then(fn, fn);
    this.pinChanges = run.catch(() => undefined);
    return run;
  }

  private async loadPins(): Promise<void> {
    const found: Array<{ root: string; entry: PinEntry }> = [];
    for await (const { cid, metadata } of this.helia.pins.ls()) {
      if (typeof metadata.root !== 'string') continue;
      found.push({
        root: metadata.root,
        entry: { pin: cid, held: metadata.held === true, staged: metadata.staged === true },
      });
    }
    for (const { root, entry } of found) {
      const known = this.pinned.get(root);
      if (!known) {
        this.pinned.set(root, entry);
        continue;
      }
      // A pin that failed, was retried under a new root, and was then finished from the journal: keep one.
      known.held ||= entry.held;
      known.staged ||= entry.staged;
      await this.helia.pins.setMetadata(known.pin, metadataOf(root, known));
      await drain(this.helia.pins.rm(entry.pin, { walker: pinWalker() }));
    }
  }

  /** Finishes the pin changes a killed process left half done. */
  private async finishJournal(): Promise<void> {
    const journal: Array<{ key: Key; entry: JournalEntry }> = [];
    for await (const { key, value } of this.datastore.query({ prefix: JOURNAL_PREFIX })) {
      journal.push({ key, entry: JSON.parse(decoder.decode(value)) as JournalEntry });
    }
    for (const { key, entry } of journal) {
      const pin = CID.parse(key.baseNamespace());
      const exists = await this.helia.pins.get(pin).then(
        () => true,
        () => false,
      );
      try {
        if (entry.op === 'add' && !exists) {
          // Adding again with the same root counts only the blocks the first attempt had not reached.
          await drain(this.helia.pins.add(pin, { walker: pinWalker(), metadata: metadataOf(entry.root, entry) }));
          this.log(`finished pinning ${entry.root}, which a stop had cut short`);
        } else if (entry.op === 'rm' && exists) {
          await drain(this.helia.pins.rm(pin, { walker: pinWalker() }));
        } else if (entry.op === 'rm') {
          // Helia deletes the pin before it lowers the counts of its blocks, and nothing can lower the rest now.
          this.log(`an unpin of ${entry.root} was cut short: some of its blocks stay on disk, unserved`);
        }
      } catch (error) {
        this.log(`could not finish the cut-short ${entry.op} of the pin of ${entry.root}: ${(error as Error).message}`);
      }
      await this.datastore.delete(key);
    }
  }

  private async writeJournal(key: Key, entry: JournalEntry): Promise<void> {
    await this.datastore.put(key, encoder.encode(JSON.stringify(entry)));
  }

  pin(cid: CID, kind: PinKind): Promise<void> {
    return this.serially(async () => {
      const root = rootKey(cid);
      const entry = this.pinned.get(root);
      if (entry?.[kind]) return;
      if (entry) {
        const next = { ...entry, [kind]: true };
        await this.helia.pins.setMetadata(entry.pin, metadataOf(root, next));
        this.pinned.set(root, next);
        return;
      }
      const next = { pin: newPinRoot(cid), held: kind === 'held', staged: kind === 'staged' };
      const journal = journalKey(next.pin);
      await this.writeJournal(journal, { op: 'add', root, held: next.held, staged: next.staged });
      await drain(this.helia.pins.add(next.pin, { walker: pinWalker(), metadata: metadataOf(root, next) }));
      await this.datastore.delete(journal);
      this.pinned.set(root, next);
    });
  }

  unpin(cid: CID, kind: PinKind): Promise<void> {
    return this.serially(async () => {
      const root = rootKey(cid);
      const entry = this.pinned.get(root);
      if (!entry?.[kind]) return;
      const next = { ...entry, [kind]: false };
      if (next.held || next.staged) {
        await this.helia.pins.setMetadata(entry.pin, metadataOf(root, next));
        this.pinned.set(root, next);
        return;
      }
      this.pinned.delete(root);
      const journal = journalKey(entry.pin);
      await this.writeJournal(journal, { op: 'rm', root, held: false, staged: false });
      await drain(this.helia.pins.rm(entry.pin, { walker: pinWalker() }));
      await this.datastore.delete(journal);
    });
  }

  async isPinned(cid: CID, kind?: PinKind): Promise<boolean> {
    const entry = this.pinned.get(rootKey(cid));
    return entry !== undefined && (kind ? entry[kind] : entry.held || entry.staged);
  }

  async pins(kind: PinKind): Promise<CID[]> {
    return [...this.pinned].filter(([, entry]) => entry[kind]).map(([root]) => CID.parse(root));
  }

  gc(): Promise<GcResult> {
    return this.lock.exclusive(async () => {
      let removedBlocks = 0;
      await this.helia.gc({
        onProgress: (event) => {
          if (event.type === 'helia:gc:deleted') removedBlocks++;
        },
      });
      // No writer runs now, so any temporary file is the remains of a killed write.
      await removeTemporaryFiles(this.blocksDir);
      const before = this.bytes;
      this.bytes = await directoryBytes(this.blocksDir, this.sharding);
      return { removedBlocks, removedBytes: before > this.bytes ? before - this.bytes : 0n };
    });
  }

  async storedBytes(): Promise<bigint> {
    return this.bytes;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.writing.values());
    await this.pinChanges;
    await this.helia.stop();
    await this.fsBlocks.close();
    await this.datastore.close();
  }
}

async function shardDirectories(blocksDir: string): Promise<string[]> {
  try {
    return (await readdir(blocksDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(blocksDir, entry.name));
  } catch {
    return [];
  }
}

async function directoryBytes(blocksDir: string, sharding: NextToLast): Promise<bigint> {
  let total = 0n;
  for (const dir of await shardDirectories(blocksDir)) {
    for (const name of await readdir(dir)) {
      if (!name.endsWith(sharding.extension) || name.startsWith('.')) continue;
      try {
        total += BigInt((await stat(join(dir, name))).size);
      } catch {
        // removed meanwhile
      }
    }
  }
  return total;
}

/** Removes the temporary files of writes (steno's `.<name>.tmp`, renamed into place when whole). */
async function removeTemporaryFiles(root: string, recursive = false): Promise<void> {
  const dirs = recursive ? [root] : await shardDirectories(root);
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir, { recursive });
    } catch {
      continue;
    }
    for (const name of names) {
      if (basename(name).startsWith('.') && name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
    }
  }
}
