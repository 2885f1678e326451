// A report of several MB must not be hashed into a query key on every render: each byte array gets a number, and
// the key names the bytes by it. The same array always gets the same number; a new array (another keystroke,
// another file, another decryption) a new one.
const ids = new WeakMap<Uint8Array, number>();
let nextId = 1;

/** The query-key number of `bytes`, or undefined for none. */
export function bytesKey(bytes: Uint8Array | undefined): number | undefined {
  if (!bytes) return undefined;
  let id = ids.get(bytes);
  if (id === undefined) {
    id = nextId++;
    ids.set(bytes, id);
  }
  return id;
}
